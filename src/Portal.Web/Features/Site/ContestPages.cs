using System.Globalization;
using Portal.Core.Schema;

namespace Portal.Web.Features.Site;

/// <summary>One stage of a contest's timeline; a date the organisers have not announced yet is null.</summary>
public sealed record ContestStage(string Name, string? StartDate, string? EndDate, string? Description);

/// <summary>One prize of a contest's results; only the prize's name is required.</summary>
public sealed record ContestPrize(string PrizeName, string? WinnerName, string? UnitName, string? Score);

/// <summary>A contest (cuộc thi tìm hiểu, plan II.4): announcement, rules, timeline and links to its results pages.</summary>
public sealed class ContestPage : PublishedPage
{
    public string? Intro => Html("intro");
    public string? Rules => Html("rules");
    public string? Organiser => Text("organiser");
    public string? Audience => Text("audience");

    /// <summary>The stages in the order the editor put them, which is the order they happen in.</summary>
    public IReadOnlyList<ContestStage> Stages => BlockListValue.Read(Text("stages"))
        .Select(b => new ContestStage(Value(b, "name") ?? string.Empty, BlockDate(b, "startDate"), BlockDate(b, "endDate"), Value(b, "description")))
        .Where(s => s.Name.Length > 0)
        .ToList();

    /// <summary>The contest's live results pages (children of type contestResults), in tree order.</summary>
    public IReadOnlyList<PageLink> Results { get; init; } = [];

    internal static string? Value(BlockItem block, string alias) =>
        block.Values.TryGetValue(alias, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string? BlockDate(BlockItem block, string alias) =>
        Value(block, alias) is { } value && FieldValueRules.TryParseDate(value, out var date) ? FormatDate(date) : null;
}

/// <summary>The results of a contest: the prize table once prizes are entered, the summary until then.</summary>
public sealed class ContestResultsPage : PublishedPage
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public string? AnnouncedOn => Date("announcedOn");
    public string? Summary => Html("summary");
    public string? Body => Html("body");

    public IReadOnlyList<ContestPrize> Prizes => BlockListValue.Read(Text("prizes"))
        .Select(b => new ContestPrize(ContestPage.Value(b, "prizeName") ?? string.Empty, ContestPage.Value(b, "winnerName"),
            ContestPage.Value(b, "unitName"), Score(ContestPage.Value(b, "score"))))
        .Where(p => p.PrizeName.Length > 0)
        .ToList();

    // Scores are stored invariant (Umbraco.Decimal) and read with a decimal comma, as Vietnamese readers write them.
    private static string? Score(string? stored) =>
        stored is not null && decimal.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var score)
            ? score.ToString("0.##", Vietnamese) : stored;
}
