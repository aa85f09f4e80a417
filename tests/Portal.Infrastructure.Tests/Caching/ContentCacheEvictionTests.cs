using Portal.Core.Access;
using Portal.Core.Events;
using Portal.Core.Schema;
using Portal.Core.Workflow;
using Portal.Infrastructure.Caching;
using Portal.Infrastructure.PublishedCache;
using Portal.Infrastructure.Startup;
using Portal.Infrastructure.Tests.TestHost;
using Portal.Infrastructure.Usync;
using Tags = Portal.Infrastructure.Caching.ContentCacheTags;

namespace Portal.Infrastructure.Tests.Caching;

/// <summary>Which tags each content change evicts, read from the real route tree of the seeded site.</summary>
public sealed class ContentCacheEvictionTests : IAsyncLifetime
{
    private static readonly Actor Tester = Actor.System("tester");

    private SqliteEngine engine = null!;

    private PublishedRouteTree Routes => engine.Get<PublishedRouteTree>();

    private ContentCacheEviction Eviction => new(Routes);

    public async Task InitializeAsync()
    {
        engine = await SqliteEngine.StartAsync();
        await engine.Get<UsyncSchemaImporter>().ImportAsync(RepositoryPaths.Usync, CancellationToken.None);
        await engine.Get<UsyncContentImporter>().ImportAsync(RepositoryPaths.Usync, engine.Get<EditionInput>(), CancellationToken.None);
        await engine.Get<StartupCaches>().WarmAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await engine.DisposeAsync();

    [Fact]
    public async Task Publish_ColumnArticleNamingUnit_EvictsItsBranchListsTypeAndUnit()
    {
        var (column, home, unit) = (Routes.Resolve("/chuyen-trang-cchc/")!, Routes.Root!, FirstUnit());
        var article = await CreateArticleAsync(column.Key, "Bài có đơn vị", unit.Key);

        var tags = await Eviction.TagsAsync(new EditionPublished(article, 1, "article"), CancellationToken.None);

        Assert.Contains(Tags.Branch(article), tags);
        Assert.Contains(Tags.Subtree(column.Key), tags);
        Assert.Contains(Tags.Subtree(home.Key), tags);
        Assert.Contains(Tags.ContentType("article"), tags);
        Assert.Contains(Tags.Unit(unit.Key), tags);
        Assert.DoesNotContain(Tags.Navigation, tags);
        Assert.DoesNotContain(Tags.All, tags);
        Assert.DoesNotContain(Tags.UnitLists, tags);
    }

    [Fact]
    public async Task Publish_ArticleInsideUnit_EvictsUnitAndEveryAncestorList()
    {
        var unit = FirstUnit();
        var article = await CreateArticleAsync(unit.Key, "Bài của đơn vị", unitKey: null);

        var tags = await Eviction.TagsAsync(new EditionPublished(article, 1, "article"), CancellationToken.None);

        Assert.Contains(Tags.Unit(unit.Key), tags);
        Assert.Contains(Tags.Subtree(unit.Key), tags);
        Assert.All(Routes.AncestorsOf(unit.Key), a => Assert.Contains(Tags.Subtree(a.Key), tags));
    }

    [Fact]
    public async Task Unpublish_Article_TreeBeforeNamesParentsThatTreeAfterNoLongerKnows()
    {
        var column = Routes.Resolve("/chuyen-trang-cchc/")!;
        var article = await CreateArticleAsync(column.Key, "Bài sẽ gỡ", unitKey: null);
        var unpublished = new EditionUnpublished(article, 1, "article");

        var before = await Eviction.TagsAsync(unpublished, CancellationToken.None);
        Assert.True((await engine.Get<ContentPublishing>().UnpublishAsync(article, Tester)).Succeeded);
        var after = await Eviction.TagsAsync(unpublished, CancellationToken.None);

        Assert.Contains(Tags.Subtree(column.Key), before);
        Assert.DoesNotContain(Tags.Subtree(column.Key), after);
        Assert.Contains(Tags.Branch(article), after);
    }

    [Fact]
    public async Task Publish_UnitFieldChanged_BeforeAndAfterNameBothUnits()
    {
        var column = Routes.Resolve("/chuyen-trang-cchc/")!;
        var units = Routes.ChildrenOf(Routes.Resolve("/don-vi/")!.Key).Where(n => n.ContentTypeAlias == "unit").Take(2).ToList();
        var article = await CreateArticleAsync(column.Key, "Bài đổi đơn vị", units[0].Key);
        var saved = await engine.Get<ContentEditing>().SaveDraftAsync(article, null, "Bài đổi đơn vị", Values("Bài đổi đơn vị", units[1].Key), Tester);
        Assert.True(saved.Succeeded, saved.Status.ToString());
        var published = new EditionPublished(article, saved.EditionNumber!.Value, "article");

        var before = await Eviction.TagsAsync(published, CancellationToken.None);
        Assert.True((await engine.Get<ContentPublishing>().PublishAsync(article, Tester)).Succeeded);
        var after = await Eviction.TagsAsync(published, CancellationToken.None);

        Assert.Contains(Tags.Unit(units[0].Key), before);
        Assert.Contains(Tags.Unit(units[1].Key), after);
    }

    [Fact]
    public async Task Move_ArticleFromColumnToUnit_EvictsBothChainsAndUnitLists()
    {
        var (column, unit) = (Routes.Resolve("/chuyen-trang-cchc/")!, FirstUnit());
        var article = await CreateArticleAsync(column.Key, "Bài chuyển chỗ", unitKey: null);

        var tags = await Eviction.TagsAsync(new DocumentMoved(article, column.Key, unit.Key), CancellationToken.None);

        Assert.Contains(Tags.Subtree(column.Key), tags);
        Assert.Contains(Tags.Subtree(unit.Key), tags);
        Assert.Contains(Tags.Unit(unit.Key), tags);
        Assert.Contains(Tags.UnitLists, tags);
        Assert.Contains(Tags.Branch(article), tags);
    }

    private Data.Content.PublishedNode FirstUnit() =>
        Routes.ChildrenOf(Routes.Resolve("/don-vi/")!.Key).First(n => n.ContentTypeAlias == "unit");

    private static Dictionary<string, string> Values(string title, Guid? unitKey)
    {
        var values = new Dictionary<string, string>
        {
            ["title"] = title, ["body"] = "<p>Nội dung.</p>", ["summary"] = "Tóm tắt.", ["category"] = "[\"Tin tức\"]",
        };
        if (unitKey is { } unit)
        {
            values["unit"] = DocumentUdi.Format(unit);
        }

        return values;
    }

    private async Task<Guid> CreateArticleAsync(Guid parent, string title, Guid? unitKey)
    {
        var created = await engine.Get<ContentEditing>().CreateAsync("article", parent, title, Values(title, unitKey), Tester);
        Assert.True(created.Succeeded, created.Status.ToString());
        var published = await engine.Get<ContentPublishing>().PublishAsync(created.DocumentKey!.Value, Tester);
        Assert.True(published.Succeeded, published.Status.ToString());
        return created.DocumentKey!.Value;
    }
}
