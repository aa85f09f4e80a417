using Portal.Core.Events;
using Portal.Core.Workflow;
using Portal.Infrastructure.Caching;
using Portal.Infrastructure.PublishedCache;
using Portal.Infrastructure.Startup;
using Portal.Infrastructure.Tests.TestHost;
using Portal.Infrastructure.Usync;
using Tags = Portal.Infrastructure.Caching.ContentCacheTags;

namespace Portal.Infrastructure.Tests.Caching;

/// <summary>Tags of changes computed against the seeded tree without changing it (one seeded engine shared by these read-only tests).</summary>
public sealed class ContentCacheEvictionSeedTests(SeededEngine seeded) : IClassFixture<SeededEngine>
{
    private PublishedRouteTree Routes => seeded.Engine.Get<PublishedRouteTree>();

    private ContentCacheEviction Eviction => new(Routes);

    [Fact]
    public async Task Publish_SectionBelowHome_EvictsNavigationAndTypesOfItsDescendants()
    {
        var column = Routes.Resolve("/chuyen-trang-cchc/")!;

        var tags = await Eviction.TagsAsync(new EditionPublished(column.Key, column.EditionNumber, "column"), CancellationToken.None);

        Assert.Contains(Tags.Navigation, tags);
        Assert.Contains(Tags.ContentType("column"), tags);
        Assert.Contains(Tags.ContentType("article"), tags);
        Assert.Contains(Tags.UnitLists, tags);
    }

    [Fact]
    public async Task Trash_Section_TreeBeforeNamesTypesOfItsDescendants()
    {
        var column = Routes.Resolve("/chuyen-trang-cchc/")!;

        var tags = await Eviction.TagsAsync(new DocumentTrashed(column.Key), CancellationToken.None);

        Assert.Contains(Tags.ContentType("article"), tags);
        Assert.Contains(Tags.UnitLists, tags);
        Assert.Contains(Tags.Navigation, tags);
        Assert.Contains(Tags.Subtree(Routes.Root!.Key), tags);
    }

    [Fact]
    public async Task Sort_ChildrenOfHome_EvictsNavigationAndEachChild()
    {
        var home = Routes.Root!;
        var children = Routes.ChildrenOf(home.Key).Select(n => n.Key).Reverse().ToList();

        var tags = await Eviction.TagsAsync(new DocumentsSorted(home.Key, children), CancellationToken.None);

        Assert.Contains(Tags.Navigation, tags);
        Assert.Contains(Tags.Subtree(home.Key), tags);
        Assert.All(children, c => Assert.Contains(Tags.Branch(c), tags));
        Assert.DoesNotContain(Tags.All, tags);
    }

    [Fact]
    public async Task Sort_Roots_EvictsAll()
    {
        var tags = await Eviction.TagsAsync(new DocumentsSorted(Guid.Empty, [Routes.Root!.Key]), CancellationToken.None);

        Assert.Contains(Tags.All, tags);
    }

    [Fact]
    public async Task Delete_TrashedDocuments_EvictsEachDeletedBranch()
    {
        var deleted = new[] { Guid.NewGuid(), Guid.NewGuid() };

        var tags = await Eviction.TagsAsync(new DocumentDeleted(deleted[0], "article", deleted), CancellationToken.None);

        Assert.All(deleted, k => Assert.Contains(Tags.Branch(k), tags));
        Assert.Contains(Tags.ContentType("article"), tags);
    }

    [Fact]
    public async Task BulkLoad_Any_EvictsAllOnly()
    {
        var tags = await Eviction.TagsAsync(new ContentBulkLoaded(Guid.Empty, 100), CancellationToken.None);

        Assert.Equal([Tags.All], tags);
    }

    [Fact]
    public async Task DraftSaved_Any_EvictsNothing()
    {
        var tags = await Eviction.TagsAsync(new DraftSaved(Routes.Root!.Key, 2), CancellationToken.None);

        Assert.Empty(tags);
    }
}

/// <summary>The content engine with the uSync schema and seed imported and the route tree loaded.</summary>
public sealed class SeededEngine : IAsyncLifetime
{
    internal SqliteEngine Engine { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Engine = await SqliteEngine.StartAsync();
        await Engine.Get<UsyncSchemaImporter>().ImportAsync(RepositoryPaths.Usync, CancellationToken.None);
        await Engine.Get<UsyncContentImporter>().ImportAsync(RepositoryPaths.Usync, Engine.Get<EditionInput>(), CancellationToken.None);
        await Engine.Get<StartupCaches>().WarmAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await Engine.DisposeAsync();
}
