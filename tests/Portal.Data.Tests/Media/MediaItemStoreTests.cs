using Portal.Core.Media;
using Portal.Data.Tests.TestHost;

namespace Portal.Data.Tests.Media;

/// <summary>The store's reads on both providers: tree pages, paths of folder names, and optimistic concurrency.</summary>
public abstract class MediaItemStoreTests : DatabaseSuite
{
    private async Task<MediaHost> StartMediaAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-media-tests", Guid.NewGuid().ToString("N"));
        var host = await StartAsync(services => MediaHost.Configure(services, folder, null));
        return MediaHost.Wrap(host, folder);
    }

    [Fact]
    public async Task ChildrenPage_MixedChildren_ListsFoldersFirstThenInUploadOrder()
    {
        await using var media = await StartMediaAsync();
        var first = await media.UploadAsync(SampleFiles.Pdf(), "a.pdf", altText: null);
        var folder = await media.FolderAsync("Ảnh");
        var second = await media.UploadAsync(SampleFiles.Png(), "b.png");

        var (total, items) = await media.Items.ChildrenPageAsync(null, 0, 2, CancellationToken.None);

        Assert.Equal(3, total);
        Assert.Equal([folder.Key, first.Key], items.Select(i => i.Key));
        Assert.Equal([second.Key], (await media.Items.ChildrenPageAsync(null, 2, 2, CancellationToken.None)).Items.Select(i => i.Key));
    }

    [Fact]
    public async Task ResolvePath_NamesInAnyCase_FindsTheItemBelowItsFolders()
    {
        await using var media = await StartMediaAsync();
        var events = await media.FolderAsync("Sự kiện");
        var conference = await media.FolderAsync("Hội nghị 2026", events.Key);
        var photo = await media.UploadAsync(SampleFiles.Png(), "x.png", parentKey: conference.Key, name: "Toàn cảnh");
        var folders = await media.Items.FoldersAsync(CancellationToken.None);

        var found = await media.Items.ResolvePathAsync("/sự kiện/HỘI NGHỊ 2026/toàn cảnh/", folders, CancellationToken.None);
        var missing = await media.Items.ResolvePathAsync("/sự kiện/không có/toàn cảnh/", folders, CancellationToken.None);

        Assert.Equal(photo.Key, found?.Key);
        Assert.Null(missing);
        Assert.Equal("/sự kiện/hội nghị 2026/toàn cảnh/", folders.PathOf(photo));
    }

    [Fact]
    public async Task Update_StaleVersion_IsRefusedAndWritesNothing()
    {
        await using var media = await StartMediaAsync();
        var item = await media.UploadAsync(SampleFiles.Png(), "x.png");
        var first = (await media.Items.FindAsync(item.Key, CancellationToken.None))!;
        var second = (await media.Items.FindAsync(item.Key, CancellationToken.None))!;
        first.SetDetails("Một", "Mô tả", FocalPoint.Centre, media.Host.Now);
        second.SetDetails("Hai", "Mô tả", FocalPoint.Centre, media.Host.Now);

        var firstWritten = await media.Items.UpdateAsync(first, 1, CancellationToken.None);
        var secondWritten = await media.Items.UpdateAsync(second, 1, CancellationToken.None);

        Assert.True(firstWritten);
        Assert.False(secondWritten);
        Assert.Equal("Một", (await media.Items.FindAsync(item.Key, CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task FindMany_KnownAndUnknownKeys_ReturnsTheKnownInTheOrderAsked()
    {
        await using var media = await StartMediaAsync();
        var a = await media.UploadAsync(SampleFiles.Png(), "a.png");
        var b = await media.UploadAsync(SampleFiles.Png(), "b.png");

        var found = await media.Items.FindManyAsync([b.Key, Guid.NewGuid(), a.Key], CancellationToken.None);

        Assert.Equal([b.Key, a.Key], found.Select(i => i.Key));
    }
}

public sealed class MediaItemStoreTestsOnSqlite : MediaItemStoreTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class MediaItemStoreTestsOnPostgreSql : MediaItemStoreTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
