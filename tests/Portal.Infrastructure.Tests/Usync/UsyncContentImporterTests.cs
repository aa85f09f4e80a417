using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Workflow;
using Portal.Data;
using Portal.Infrastructure.Tests.TestHost;
using Portal.Infrastructure.Usync;

namespace Portal.Infrastructure.Tests.Usync;

public sealed class UsyncContentImporterTests
{
    [Fact]
    public async Task Import_SeedContent_PublishesEveryNodeWithoutWarnings()
    {
        await using var engine = await SqliteEngine.StartAsync();
        await engine.Get<UsyncSchemaImporter>().ImportAsync(RepositoryPaths.Usync, CancellationToken.None);

        var report = await engine.Get<UsyncContentImporter>().ImportAsync(RepositoryPaths.Usync, engine.Get<EditionInput>(), CancellationToken.None);

        Assert.Empty(report.Warnings);
        Assert.Equal(0, report.Skipped);
        await using var db = await engine.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var types = await db.Documents.GroupBy(d => d.ContentTypeAlias).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.True(types["article"] >= 12);
        Assert.True(types["directive"] >= 5);
        Assert.Equal(30, types["unit"]);
        Assert.Equal(15, types["legalDocument"]);
        Assert.Equal(await db.Documents.CountAsync(), await db.Editions.CountAsync(e => e.Status == EditionStatus.Published));
    }

    [Fact]
    public async Task Import_SeedContentTwice_SecondRunLeavesEverythingUnchanged()
    {
        await using var engine = await SqliteEngine.StartAsync();
        await engine.Get<UsyncSchemaImporter>().ImportAsync(RepositoryPaths.Usync, CancellationToken.None);
        var importer = engine.Get<UsyncContentImporter>();
        var first = await importer.ImportAsync(RepositoryPaths.Usync, engine.Get<EditionInput>(), CancellationToken.None);

        var second = await importer.ImportAsync(RepositoryPaths.Usync, engine.Get<EditionInput>(), CancellationToken.None);

        Assert.Equal(0, second.Created);
        Assert.Equal(0, second.Updated);
        Assert.Equal(first.Created, second.Unchanged);
        await using var db = await engine.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(first.Created, await db.Editions.CountAsync());
    }

    [Fact]
    public async Task Import_ForeignSiteExport_DoesNotCrashAndReportsWhatWasNotUnderstood()
    {
        await using var engine = await SqliteEngine.StartAsync();
        var folder = RepositoryPaths.Fixture("foreign-v17");
        await engine.Get<UsyncSchemaImporter>().ImportAsync(folder, CancellationToken.None);

        var report = await engine.Get<UsyncContentImporter>().ImportAsync(folder, engine.Get<EditionInput>(), CancellationToken.None);

        Assert.Equal(1, report.Created);
        Assert.Contains(report.Warnings, w => w.Contains("broken.config", StringComparison.Ordinal));
        Assert.Contains(report.Warnings, w => w.Contains("«author»", StringComparison.Ordinal));
        Assert.Contains(report.Warnings, w => w.Contains("umbracoNaviHide", StringComparison.Ordinal));
        await using var db = await engine.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var post = await db.Documents.Include(d => d.Editions).SingleAsync(d => d.Key == Guid.Parse("bd6a503a-0b3c-4f2e-9c1d-8e7f6a5b4c3d"));
        var live = post.Live;
        Assert.NotNull(live);
        Assert.Equal("{\"label\":\"white\",\"value\":\"#fff\"}", live.Values["themeColour"]);
        Assert.Contains("\"Umbraco.BlockList\"", live.Values["mainContent"], StringComparison.Ordinal);
        Assert.Equal("A first post", live.Values["metaDescription"]);
        Assert.Equal(new DateTime(2024, 12, 13, 4, 10, 54, DateTimeKind.Utc), post.CreatedAt);
    }
}
