using Portal.Core.Access;
using Portal.Data.Tests.TestHost;

namespace Portal.Data.Tests.PublishedCache;

/// <summary>The published route tree, warmed from the database and then kept current by the outbox after each commit.</summary>
public abstract class PublishedRouteTreeTests : DatabaseSuite
{
    private static readonly Actor Actor = SampleContent.Actor;
    private const string Title = "Hà Tĩnh đẩy mạnh chuyển đổi số";
    private const string Segment = "ha-tinh-day-manh-chuyen-doi-so";
    private const string ArticleUrl = $"/{SampleContent.ColumnSegment}/{Segment}/";

    [Fact]
    public async Task Resolve_PublishedHomeColumnArticle_FindsArticleAndUrlOfMatchesButNotDraft()
    {
        await using var host = await StartAsync();
        await host.WarmCachesAsync();
        var (home, column) = await host.CreatePublishedSiteAsync();

        var draft = await host.CreateArticleAsync(column, "Bài nháp");
        var article = await host.CreatePublishedArticleAsync(column, Title);

        var node = host.Routes.Resolve(ArticleUrl);
        Assert.NotNull(node);
        Assert.Equal(article, node.Key);
        Assert.Equal(Title, node.Name);
        Assert.Equal(ArticleUrl, host.Routes.UrlOf(article));
        Assert.Equal($"/{SampleContent.ColumnSegment}/", host.Routes.UrlOf(column));
        Assert.Equal("/", host.Routes.UrlOf(home));
        Assert.Equal(home, host.Routes.Resolve("/")?.Key);
        Assert.Equal([home, column], host.Routes.AncestorsOf(article).Select(n => n.Key));
        Assert.Null(host.Routes.Resolve($"/{SampleContent.ColumnSegment}/bai-nhap/"));
        Assert.Null(host.Routes.UrlOf(draft));
    }

    [Fact]
    public async Task Resolve_ColumnUnpublishedThenRepublished_ArticleGoneThenBack()
    {
        await using var host = await StartAsync();
        await host.WarmCachesAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreatePublishedArticleAsync(column, Title);

        Assert.True((await host.Publishing.UnpublishAsync(column, Actor)).Succeeded);

        Assert.Null(host.Routes.Resolve(ArticleUrl));
        Assert.Null(host.Routes.Resolve($"/{SampleContent.ColumnSegment}/"));
        Assert.Null(host.Routes.UrlOf(article));

        await host.PublishAsync(column);

        Assert.Equal(article, host.Routes.Resolve(ArticleUrl)?.Key);
        Assert.Equal(ArticleUrl, host.Routes.UrlOf(article));
    }

    [Fact]
    public async Task Resolve_TrashRestoreRepublish_ArticleGoneThenBack()
    {
        await using var host = await StartAsync();
        await host.WarmCachesAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreatePublishedArticleAsync(column, Title);

        Assert.True((await host.Structure.TrashAsync(column, Actor)).Succeeded);

        Assert.Null(host.Routes.Resolve(ArticleUrl));
        Assert.Null(host.Routes.Find(article));
        Assert.Null(host.Routes.Find(column));

        Assert.True((await host.Structure.RestoreAsync(column, Actor)).Succeeded);

        Assert.Null(host.Routes.Resolve(ArticleUrl));

        await host.PublishAsync(column);
        await host.PublishAsync(article);

        Assert.Equal(article, host.Routes.Resolve(ArticleUrl)?.Key);
        Assert.Equal(ArticleUrl, host.Routes.UrlOf(article));
    }

    [Fact]
    public async Task Resolve_ArticleMovedToOtherColumn_ResolvesUnderNewUrlOnly()
    {
        await using var host = await StartAsync();
        await host.WarmCachesAsync();
        var (home, column) = await host.CreatePublishedSiteAsync();
        var otherColumn = await host.CreatePublishedAsync("column", home, "Tin tức");
        var article = await host.CreatePublishedArticleAsync(column, Title);

        Assert.True((await host.Structure.MoveAsync(article, otherColumn, Actor)).Succeeded);

        Assert.Null(host.Routes.Resolve(ArticleUrl));
        Assert.Equal(article, host.Routes.Resolve($"/tin-tuc/{Segment}/")?.Key);
        Assert.Equal($"/tin-tuc/{Segment}/", host.Routes.UrlOf(article));
    }

    [Fact]
    public async Task Warm_AfterContentWasPublished_TreeBuiltFromDatabase()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreatePublishedArticleAsync(column, Title);
        await host.CreateArticleAsync(column, "Bài nháp");
        Assert.Null(host.Routes.Resolve(ArticleUrl));

        await host.WarmCachesAsync();

        Assert.Equal(article, host.Routes.Resolve(ArticleUrl)?.Key);
        Assert.Equal(3, host.Routes.Count);
    }
}

public sealed class PublishedRouteTreeTestsOnSqlite : PublishedRouteTreeTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class PublishedRouteTreeTestsOnPostgreSql : PublishedRouteTreeTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
