using System.Globalization;
using Portal.Core.Forum;
using Portal.Data.Forum;
using Portal.Infrastructure.Forum;
using Portal.Web.Features.Site;

namespace Portal.Web.Features.Forum;

/// <summary>A forum page in the site frame; its title is its own, not the forum content page's.</summary>
public abstract class ForumPage : PublishedPage
{
    public required string Heading { get; init; }

    public override string Title => Heading;

    /// <summary>The forum content page's name ("Diễn đàn" when the site has none) and intro.</summary>
    public string ForumName { get; internal set; } = "Diễn đàn";

    public string? Intro { get; internal set; }

    /// <summary>A one-line outcome of the visitor's last action (report sent, question closed…).</summary>
    public string? Message { get; init; }
}

/// <summary>The list's filters as the query string carries them: loai, linh-vuc, don-vi (a unit's key), tinh-trang, q, trang.</summary>
public sealed record ForumListQuery(string? Kind, string? Topic, Guid? Unit, string? Status, string? Search, int Page)
{
    public static ForumListQuery From(IQueryCollection query)
    {
        string? Text(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;
        return new ForumListQuery(
            QuestionStatusRules.KindFromSlug(Text("loai")) is { } kind ? kind.Slug() : null,
            Text("linh-vuc"),
            Guid.TryParse(Text("don-vi"), out var unit) ? unit : null,
            QuestionStatusRules.StatusFromSlug(Text("tinh-trang")) is { } status && status.IsPublic() ? status.Slug() : null,
            Text("q") is { } q && q.Length > 200 ? q[..200] : Text("q"),
            int.TryParse(Text("trang"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1);
    }

    public ForumListFilter ToFilter() => new(QuestionStatusRules.KindFromSlug(Kind), Topic, Unit, QuestionStatusRules.StatusFromSlug(Status),
        Search, Page);

    /// <summary>This list's address at another page.</summary>
    public string Url(int page)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(key + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("loai", Kind);
        Add("linh-vuc", Topic);
        Add("don-vi", Unit?.ToString());
        Add("tinh-trang", Status);
        Add("q", Search);
        Add("trang", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null);
        return ForumPaths.Root + (parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts));
    }
}

public sealed class ForumIndexPage : ForumPage
{
    public required ForumListQuery Query { get; init; }
    public required ForumListPage Result { get; init; }
    public required IReadOnlyList<string> Topics { get; init; }
    public required IReadOnlyList<ForumUnit> Units { get; init; }
}

/// <summary>A file attached to an answer, from the media library.</summary>
public sealed record ForumAttachment(string Name, string Url);

/// <summary>An official answer as the public sees it: its unit, when it was approved, how many working days it took.</summary>
public sealed record ForumAnswerView(Answer Answer, int? WorkingDays, IReadOnlyList<ForumAttachment> Attachments);

public sealed class ForumThreadPage : ForumPage
{
    public required Question Question { get; init; }
    public required IReadOnlyList<ForumAnswerView> Answers { get; init; }
    public IReadOnlyList<QuestionTimelineEntry> Steps => [.. Question.Timeline.Where(t => t.IsPublic).OrderBy(t => t.At)];
}

/// <summary>The ask form's fields, kept as typed so a validation error never loses the asker's text.</summary>
public sealed class AskForm
{
    public string? Kind { get; set; }
    public string? Topic { get; set; }
    public string? Title { get; set; }
    public string? Body { get; set; }
    public string? Unit { get; set; }
    public string? Procedure { get; set; }
    public string? Name { get; set; }
    public string? Contact { get; set; }

    /// <summary>The honeypot: hidden from people, filled in by bots.</summary>
    public string? Website { get; set; }
}

public sealed class ForumAskPage : ForumPage
{
    public required AskForm Form { get; init; }
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
    public required IReadOnlyList<string> Topics { get; init; }
    public required IReadOnlyList<ForumUnit> Units { get; init; }

    public string? Error(string field) => Errors.TryGetValue(field, out var message) ? message : null;
}

/// <summary>A page that only tells something: the thank-you page, the confirmation outcome.</summary>
public sealed class ForumNoticePage : ForumPage
{
    public string? TrackingCode { get; init; }
    public IReadOnlyList<string> Paragraphs { get; init; } = [];
}

public sealed class ForumTrackPage : ForumPage
{
    public string? Code { get; init; }
    public string? Contact { get; init; }

    /// <summary>Null before a search, and when code and contact do not match a question.</summary>
    public Question? Question { get; init; }
    public bool Searched { get; init; }
    public IReadOnlyList<ForumAnswerView> Answers { get; init; } = [];
    public bool CanReopen { get; init; }
    public string? ReopenReason { get; init; }
    public string? ReopenError { get; init; }
    public bool IsError { get; init; }
}

/// <summary>One overdue question on the statistics page.</summary>
public sealed record ForumOverdueRow(AssignedQuestion Question, int WorkingDaysLate, bool VeryOverdue);

public sealed class ForumStatisticsPage : ForumPage
{
    public required int Year { get; init; }
    public required IReadOnlyList<int> Years { get; init; }
    public required IReadOnlyList<UnitForumStatistics> Units { get; init; }
    public required IReadOnlyList<ForumOverdueRow> Overdue { get; init; }
    public required IReadOnlyList<DateOnly> Holidays { get; init; }
    public required ForumPolicy Policy { get; init; }
}
