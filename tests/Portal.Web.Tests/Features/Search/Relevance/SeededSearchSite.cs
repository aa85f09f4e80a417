using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Search;
using Portal.Web.Tests.TestHost;

namespace Portal.Web.Tests.Features.Search.Relevance;

/// <summary>
/// One seeded site (the uSync demonstration content and the 76 demonstration procedures) whose indexes are ready, shared by
/// the relevance table and the hostile-query tests: building the index once keeps the table fast. Tests only read, except
/// one that publishes an article whose words occur nowhere else, so it cannot move any row of the table.
/// </summary>
public sealed class SeededSearchSite : IAsyncLifetime
{
    private readonly string folder = TestServices.NewDataDirectory();

    internal PortalFactory Factory { get; private set; } = null!;

    public SiteSearch Search => Factory.Services.GetRequiredService<SiteSearch>();

    public async Task InitializeAsync()
    {
        Factory = new PortalFactory(folder, new Dictionary<string, string?>());

        // Creating a client starts the host; the indexes are then checked against the database or built in the background.
        using var client = Factory.CreateClient();
        using var ready = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await Factory.Services.GetRequiredService<SearchIndexes>().WhenReadyAsync(ready.Token);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        TestServices.DeleteQuietly(folder);
    }

    public Task<SearchResults> SearchAsync(string? text, int pageSize = 10) =>
        Search.SearchAsync(new SearchRequest(text, PageSize: pageSize), CancellationToken.None);

    /// <summary>The first hits as a failure message shows them: rank, title, code, address.</summary>
    public static string Describe(SearchResults results, int take = 5) =>
        results.Hits.Count == 0
            ? $"no hits (total {results.Total}, degraded {results.Degraded})"
            : string.Join(Environment.NewLine, results.Hits.Take(take).Select((h, i) =>
                string.Create(CultureInfo.InvariantCulture, $"  {i + 1}. {h.Title}{(h.Code is null ? "" : $" [{h.Code}]")} {h.Url} ({h.ContentTypeAlias}, {h.Score:0.###})")));
}

[CollectionDefinition(Name)]
public sealed class SeededSearchSiteCollection : ICollectionFixture<SeededSearchSite>
{
    public const string Name = "seeded-search-site";
}
