using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Data.Content;
using Portal.Data.Tests.TestHost;

namespace Portal.Data.Tests.Content;

/// <summary>The read side the published cache is built from: only live, non-trashed documents.</summary>
public abstract class PublishedContentQueriesTests : DatabaseSuite
{
    private static readonly Actor Actor = SampleContent.Actor;

    [Fact]
    public async Task LiveNodesAndEdition_MixOfLiveDraftAndTrashed_ReturnOnlyLiveRowsAndStoredValues()
    {
        await using var host = await StartAsync();
        var (home, column) = await host.CreatePublishedSiteAsync();
        var live = await host.CreatePublishedArticleAsync(column, "Bài đang hiển thị");
        await host.CreateArticleAsync(column, "Bài nháp");
        var trashed = await host.CreatePublishedArticleAsync(column, "Bài bị xóa");
        await host.Structure.TrashAsync(trashed, Actor);

        var rows = await Queries(host).LiveNodesAsync(CancellationToken.None);

        Assert.Equal(new[] { home, column, live }.Order(), rows.Select(r => r.Key).Order());
        var row = rows.Single(r => r.Key == live);
        Assert.Equal((column, "article", 3, "Bài đang hiển thị", "bai-dang-hien-thi", 1),
            (row.ParentKey!.Value, row.ContentTypeAlias, row.Level, row.Name, row.UrlSegment, row.EditionNumber));

        var edition = await Queries(host).EditionAsync(live, row.EditionNumber, CancellationToken.None);
        Assert.NotNull(edition);
        Assert.Equal((EditionStatus.Published, Actor.Name), (edition.Status, edition.PublishedBy));
        using var body = JsonDocument.Parse(edition.Values["body"]);
        Assert.Equal("<p>Nội dung chính của bài viết.</p>", body.RootElement.GetProperty("markup").GetString());
        Assert.Null(await Queries(host).EditionAsync(live, 2, CancellationToken.None));
    }

    [Fact]
    public async Task LiveSubtree_Column_ReturnsColumnAndItsLiveDescendantsOnly()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var live = await host.CreatePublishedArticleAsync(column, "Bài đang hiển thị");
        await host.CreateArticleAsync(column, "Bài nháp");

        var rows = await Queries(host).LiveSubtreeAsync(column, CancellationToken.None);

        Assert.Equal(new[] { column, live }.Order(), rows.Select(r => r.Key).Order());
    }

    [Fact]
    public async Task LiveNode_LiveAndDraftArticle_RowForLiveNullForDraft()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var live = await host.CreatePublishedArticleAsync(column, "Bài đang hiển thị");
        var draft = await host.CreateArticleAsync(column, "Bài nháp");

        var row = await Queries(host).LiveNodeAsync(live, CancellationToken.None);

        Assert.NotNull(row);
        Assert.Equal("bai-dang-hien-thi", row.UrlSegment);
        Assert.Null(await Queries(host).LiveNodeAsync(draft, CancellationToken.None));
    }

    private static PublishedContentQueries Queries(PortalTestHost host) => host.Services.GetRequiredService<PublishedContentQueries>();
}

public sealed class PublishedContentQueriesTestsOnSqlite : PublishedContentQueriesTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class PublishedContentQueriesTestsOnPostgreSql : PublishedContentQueriesTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
