using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Procedures;
using Portal.Core.Schema;
using Portal.Core.Workflow;
using Portal.Data.Content;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Tests.TestHost;

namespace Portal.Web.Tests.Features.Procedures;

/// <summary>A procedure as a test writes it; every list field is optional.</summary>
internal sealed record TestProcedure(string Code, string Name)
{
    public string Field { get; init; } = "Tổng hợp";
    public string[] Levels { get; init; } = ["Cấp tỉnh"];
    public string? OnlineLevel { get; init; }
    public bool Postal { get; init; }
    public string[] Keywords { get; init; } = [];
    public string? ImplementingAgency { get; init; }
    public string? NationalStatus { get; init; }
    public (Guid Unit, string Level)[] Units { get; init; } = [];
    public Dictionary<string, string> Extra { get; init; } = [];
}

/// <summary>A decision entry: code, change label, replaced code, effective date (null: the decision's date).</summary>
internal sealed record TestEntry(string Code, string Change, string? ReplacesCode = null, DateOnly? EffectiveDate = null);

/// <summary>One host for every procedure test: starting a host costs seconds, and each test publishes its own codes and keywords.</summary>
public sealed class ProcedureSite : IAsyncLifetime
{
    private readonly string folder = TestServices.NewDataDirectory();

    internal PortalFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new PortalFactory(folder, new Dictionary<string, string?>());
        Client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // The finder ranks by the search index once it is ready, by a simple matcher before: tests see the index's ranking.
        using var ready = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await Factory.Services.GetRequiredService<Portal.Infrastructure.Search.SearchIndexes>().WhenReadyAsync(ready.Token);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        TestServices.DeleteQuietly(folder);
    }
}

[CollectionDefinition(Name)]
public sealed class ProcedureSiteCollection : ICollectionFixture<ProcedureSite>
{
    public const string Name = "procedure-site";
}

/// <summary>Creates and publishes procedures, decisions and legal documents through the workflow services, as editors do.</summary>
internal static partial class ProcedureTestKit
{
    private static readonly Actor Tester = Actor.System("tester");

    // Element type keys from uSync/v17/ContentTypes.
    public static readonly Guid StepType = Guid.Parse("01a8c064-da67-5398-8126-f4e35787a99f");
    public static readonly Guid ChannelType = Guid.Parse("c7c2b069-2989-540c-b698-67c41f2455b2");
    public static readonly Guid DossierType = Guid.Parse("a8038a84-83af-5fcc-9079-2a332f663e3c");
    public static readonly Guid LegalType = Guid.Parse("44cc5fe6-6bab-5e74-8ba9-41d02e6d6644");
    public static readonly Guid ResultType = Guid.Parse("151b610f-94c2-5173-869f-1590ce96f3a0");
    public static readonly Guid AssignmentType = Guid.Parse("dd658ba0-3a9b-53e4-a681-3c007b244807");
    public static readonly Guid EntryType = Guid.Parse("a2a67b75-6f31-5a7e-a315-9c68b80978cd");

    public static DateOnly VietnamToday => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    public static string Json(params string[] values) => JsonSerializer.Serialize(values);

    public static string Blocks(Guid elementType, params Dictionary<string, string>[] blocks) =>
        BlockListValue.Write(blocks.Select(b => new BlockItem(Guid.NewGuid(), elementType, b)).ToList());

    public static PublishedNode Set(WebApplicationFactory<Program> factory) =>
        factory.Services.GetRequiredService<PublishedRouteTree>().Resolve("thu-tuc-hanh-chinh")!;

    public static IReadOnlyList<PublishedNode> Units(WebApplicationFactory<Program> factory)
    {
        var tree = factory.Services.GetRequiredService<PublishedRouteTree>();
        return tree.ChildrenOf(tree.Resolve("don-vi")!.Key).Where(n => n.ContentTypeAlias == "unit").ToList();
    }

    public static async Task<Guid> PublishAsync(WebApplicationFactory<Program> factory, string alias, Guid parent, string name,
        Dictionary<string, string> values)
    {
        var created = await factory.Services.GetRequiredService<ContentEditing>().CreateAsync(alias, parent, name, values, Tester);
        Assert.True(created.Succeeded, $"{created.Status} {string.Join("; ", created.Errors?.Select(e => e.ToString()) ?? [])}");
        var published = await factory.Services.GetRequiredService<ContentPublishing>().PublishAsync(created.DocumentKey!.Value, Tester);
        Assert.True(published.Succeeded, $"{published.Status} {string.Join("; ", published.Errors?.Select(e => e.ToString()) ?? [])}");
        return created.DocumentKey!.Value;
    }

    public static Task<Guid> PublishProcedureAsync(WebApplicationFactory<Program> factory, TestProcedure procedure)
    {
        var values = new Dictionary<string, string>(procedure.Extra) { [ProcedureAliases.Code] = procedure.Code };
        values[ProcedureAliases.Field] = procedure.Field;
        values[ProcedureAliases.Level] = Json(procedure.Levels);
        if (procedure.OnlineLevel is not null) { values[ProcedureAliases.OnlineLevel] = Json(procedure.OnlineLevel); }
        if (procedure.Postal) { values[ProcedureAliases.Postal] = "1"; }
        if (procedure.Keywords.Length > 0) { values[ProcedureAliases.Keywords] = Json(procedure.Keywords); }
        if (procedure.ImplementingAgency is not null) { values[ProcedureAliases.ImplementingAgency] = procedure.ImplementingAgency; }
        if (procedure.NationalStatus is not null) { values[ProcedureAliases.NationalStatus] = procedure.NationalStatus; }
        if (procedure.Units.Length > 0)
        {
            values[ProcedureAliases.Assignments] = Blocks(AssignmentType, procedure.Units.Select(u => new Dictionary<string, string>
            {
                [ProcedureAliases.AssignmentUnit] = DocumentUdi.Format(u.Unit), [ProcedureAliases.AssignmentLevel] = Json(u.Level),
            }).ToArray());
        }

        return PublishAsync(factory, ProcedureAliases.ProcedureType, Set(factory).Key, procedure.Name, values);
    }

    /// <summary>Publishes a decision below the set's decision list (made on first use).</summary>
    public static async Task<Guid> PublishDecisionAsync(WebApplicationFactory<Program> factory, string number, DateOnly date, params TestEntry[] entries)
    {
        var tree = factory.Services.GetRequiredService<PublishedRouteTree>();
        var set = Set(factory);
        var list = tree.ChildrenOf(set.Key).FirstOrDefault(n => n.ContentTypeAlias == ProcedureAliases.DecisionListType)?.Key
            ?? await PublishAsync(factory, ProcedureAliases.DecisionListType, set.Key, "Quyết định công bố", new() { ["title"] = "Quyết định công bố thủ tục hành chính" });
        var blocks = entries.Select(e =>
        {
            var values = new Dictionary<string, string>
            {
                [ProcedureAliases.EntryCode] = e.Code, [ProcedureAliases.EntryName] = "Thủ tục " + e.Code, [ProcedureAliases.EntryChange] = Json(e.Change),
            };
            if (e.ReplacesCode is not null) { values[ProcedureAliases.EntryReplacesCode] = e.ReplacesCode; }
            if (e.EffectiveDate is { } effective) { values[ProcedureAliases.EntryEffectiveDate] = effective.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " 00:00:00"; }
            return values;
        }).ToArray();
        return await PublishAsync(factory, ProcedureAliases.DecisionType, list, "Quyết định " + number, new()
        {
            [ProcedureAliases.DecisionNumberField] = number,
            [ProcedureAliases.DecisionDate] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " 00:00:00",
            [ProcedureAliases.DecisionIssuer] = "UBND tỉnh Kon Tum",
            [ProcedureAliases.DecisionEntries] = Blocks(EntryType, blocks),
        });
    }

    public static async Task<string> GetHtmlAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A facet value's link and count, by its label; null when the finder does not offer it.</summary>
    public static (string Href, int Count)? Facet(string html, string label)
    {
        var match = Regex.Match(html, "<a href=\"([^\"]*)\"[^>]*><span>" + Regex.Escape(label.Replace("&", "&amp;", StringComparison.Ordinal).Replace("'", "&#x27;", StringComparison.Ordinal)) + "</span> <span class=\"count\">\\((\\d+)\\)</span>");
        return match.Success ? (WebUtility.HtmlDecode(match.Groups[1].Value), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>The procedure names the result list shows, in order.</summary>
    public static IReadOnlyList<string> ResultNames(string html)
    {
        var list = Regex.Match(html, "<ol class=\"list procedures\"[^>]*>(.*?)</ol>", RegexOptions.Singleline);
        return list.Success ? ResultLink().Matches(list.Groups[1].Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList() : [];
    }

    [GeneratedRegex("<li>\\s*<a href=\"[^\"]*\">([^<]*)</a>")]
    private static partial Regex ResultLink();
}
