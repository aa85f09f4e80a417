using Microsoft.Extensions.Logging.Abstractions;
using Portal.Core.Media;
using Portal.Infrastructure.Media;

namespace Portal.Data.Tests.Media;

/// <summary>The disk store's unit of work on a real folder: nothing is visible before the move, and an uncommitted move is undone.</summary>
public sealed class DiskMediaFileStoreTests : IDisposable
{
    private const string Url = "/media/ab12cd34/so-do.png";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "portal-media-store-tests", Guid.NewGuid().ToString("N"));
    private readonly DiskMediaFileStore store;
    private readonly MediaRoot root;

    public DiskMediaFileStoreTests()
    {
        root = new MediaRoot(folder);
        store = new DiskMediaFileStore(root, NullLogger<DiskMediaFileStore>.Instance);
    }

    private string Target => root.FileOf(Url)!;

    [Fact]
    public async Task Stage_UploadWithinTheLimit_IsWrittenOnlyToTheStagingFolder()
    {
        var bytes = SampleFiles.Png();

        await using var staged = await store.StageAsync(new MemoryStream(bytes), bytes.Length, CancellationToken.None);

        Assert.Equal(bytes.Length, staged!.Bytes);
        Assert.False(File.Exists(Target));
        Assert.Single(Directory.EnumerateFiles(root.StagingPath));
        await using var read = staged.OpenRead();
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Stage_UploadOverTheLimit_AnswersNullAndLeavesNothing()
    {
        var staged = await store.StageAsync(new MemoryStream(new byte[5000]), 4999, CancellationToken.None);

        Assert.Null(staged);
        Assert.Empty(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task MoveTo_NotCommitted_RemovesTheNewFileAgain()
    {
        await using (var staged = await store.StageAsync(new MemoryStream(SampleFiles.Png()), 1_000_000, CancellationToken.None))
        {
            staged!.MoveTo(Url);
            Assert.True(File.Exists(Target));
        }

        Assert.False(File.Exists(Target));
        Assert.Empty(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task MoveTo_OverAnExistingFileNotCommitted_PutsTheOldFileBack()
    {
        var old = SampleFiles.Png(10, 10);
        Directory.CreateDirectory(Path.GetDirectoryName(Target)!);
        await File.WriteAllBytesAsync(Target, old);

        await using (var staged = await store.StageAsync(new MemoryStream(SampleFiles.Png(20, 20)), 1_000_000, CancellationToken.None))
        {
            staged!.MoveTo(Url);
            Assert.NotEqual(old, await File.ReadAllBytesAsync(Target));
        }

        Assert.Equal(old, await File.ReadAllBytesAsync(Target));
        Assert.Single(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task MoveTo_OverAnExistingFileCommitted_KeepsOnlyTheNewFile()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Target)!);
        await File.WriteAllBytesAsync(Target, SampleFiles.Png(10, 10));
        var newer = SampleFiles.Png(20, 20);

        await using (var staged = await store.StageAsync(new MemoryStream(newer), 1_000_000, CancellationToken.None))
        {
            staged!.MoveTo(Url);
            staged.Commit();
        }

        Assert.Equal(newer, await File.ReadAllBytesAsync(Target));
        Assert.Single(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("/media/ab12cd34/../../portal.db")]
    [InlineData("/media/.staging/x.upload")]
    [InlineData("/media/ab12cd34/.hidden.png")]
    [InlineData("/media/ab12cd34/a/b.png")]
    [InlineData("/etc/passwd")]
    public void FileOf_AnythingButAFileInAMediaFolder_IsNull(string url)
    {
        Assert.Null(root.FileOf(url));
    }

    [Fact]
    public void Delete_LastFileOfAFolder_RemovesTheFolderToo()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Target)!);
        File.WriteAllBytes(Target, [1, 2, 3]);

        store.Delete(Url);

        Assert.False(Directory.Exists(Path.GetDirectoryName(Target)));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
