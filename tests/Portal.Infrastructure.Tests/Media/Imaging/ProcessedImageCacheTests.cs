using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Media;
using Portal.Infrastructure.Media.Imaging;
using static Portal.Infrastructure.Tests.Media.Imaging.ImageSamples;

namespace Portal.Infrastructure.Tests.Media.Imaging;

/// <summary>The disk cache of processed images, on real files in a folder of its own per test.</summary>
public sealed class ProcessedImageCacheTests : IDisposable
{
    private const string Url = "/media/abcd1234/anh.png";

    private readonly string data = Directory.CreateTempSubdirectory("portal-imaging-").FullName;
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    private string Source => Path.Combine(data, "media", "abcd1234", "anh.png");

    private string CacheFolder => Path.Combine(data, "cache", "media");

    public void Dispose() => Directory.Delete(data, recursive: true);

    private ProcessedImageCache Cache(ImagingSettings? settings = null)
    {
        settings ??= new ImagingSettings();
        var transformer = new ImageTransformer(settings, new MediaLibraryOptions(), new ImageDecodeGate(2));
        return new ProcessedImageCache(settings, transformer, settings.Cache.ResolveFolder(data), clock, NullLogger<ProcessedImageCache>.Instance);
    }

    private async Task WriteSourceAsync(byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Source)!);
        await File.WriteAllBytesAsync(Source, bytes);
    }

    private string[] CachedFiles() => Directory.Exists(CacheFolder) ? Directory.GetFiles(CacheFolder, "*", SearchOption.AllDirectories) : [];

    private static ImageCommands Commands(int width) => new() { Width = width, Format = "webp" };

    [Fact]
    public async Task Get_FirstRequest_WritesOneFileInUmbracosFolderLayout()
    {
        await WriteSourceAsync(QuadrantsPng());

        var answer = await Cache().GetAsync(Source, Url, Commands(300), CancellationToken.None);

        Assert.Equal(ProcessedImageStatus.Ready, answer.Status);
        var file = Assert.Single(CachedFiles());
        Assert.Equal(file, answer.Image!.Path);
        Assert.Equal("image/webp", answer.Image.ContentType);
        var relative = Path.GetRelativePath(CacheFolder, file).Split(Path.DirectorySeparatorChar);
        Assert.Equal(9, relative.Length);
        Assert.Matches("^[0-9a-f]{12}\\.webp$", relative[^1]);
        Assert.Equal(string.Concat(relative[..8]), relative[^1][..8]);
        Assert.Equal($"\"{relative[^1][..12]}\"", answer.Image.ETag);
    }

    [Fact]
    public async Task Get_SameUrlAgain_IsServedFromTheCachedFileWithoutProcessingAgain()
    {
        await WriteSourceAsync(QuadrantsPng());
        var cache = Cache();
        var first = await cache.GetAsync(Source, Url, Commands(300), CancellationToken.None);
        var marked = clock.GetUtcNow().UtcDateTime.AddDays(-3);
        File.SetLastWriteTimeUtc(first.Image!.Path, marked);

        var second = await cache.GetAsync(Source, Url, Commands(300), CancellationToken.None);

        Assert.Equal(first.Image.Path, second.Image!.Path);
        Assert.Single(CachedFiles());
        Assert.Equal(marked, File.GetLastWriteTimeUtc(second.Image.Path));
    }

    [Fact]
    public async Task Get_CachedFileOlderThanCacheMaxAge_IsMadeAgain()
    {
        await WriteSourceAsync(QuadrantsPng());
        var cache = Cache();
        var first = await cache.GetAsync(Source, Url, Commands(300), CancellationToken.None);
        var old = clock.GetUtcNow().UtcDateTime.AddDays(-400);
        File.SetLastWriteTimeUtc(first.Image!.Path, old);

        var second = await cache.GetAsync(Source, Url, Commands(300), CancellationToken.None);

        Assert.Equal(first.Image.Path, second.Image!.Path);
        Assert.NotEqual(old, File.GetLastWriteTimeUtc(second.Image.Path));
    }

    [Fact]
    public async Task Get_SourceReplaced_MakesANewFileWithTheNewPicture()
    {
        await WriteSourceAsync(QuadrantsPng(400, 300));
        var cache = Cache();
        var before = await cache.GetAsync(Source, Url, Commands(100), CancellationToken.None);
        await WriteSourceAsync(QuadrantsPng(400, 400));

        var after = await cache.GetAsync(Source, Url, Commands(100), CancellationToken.None);

        Assert.NotEqual(before.Image!.Path, after.Image!.Path);
        Assert.NotEqual(before.Image.ETag, after.Image.ETag);
        using var image = Load(await File.ReadAllBytesAsync(after.Image.Path));
        Assert.Equal((100, 100), (image.Width, image.Height));
    }

    [Fact]
    public async Task Get_VersionAndCommandsDiffer_AreSeparateEntries()
    {
        await WriteSourceAsync(QuadrantsPng());
        var cache = Cache();

        await cache.GetAsync(Source, Url, Commands(300), CancellationToken.None);
        await cache.GetAsync(Source, Url, Commands(300) with { CacheBuster = "2" }, CancellationToken.None);
        await cache.GetAsync(Source, Url, Commands(200), CancellationToken.None);
        await cache.GetAsync(Source, Url, Commands(300) with { Further = [new("utm_source", "zalo")] }, CancellationToken.None);

        Assert.Equal(3, CachedFiles().Length);
    }

    [Fact]
    public async Task Get_ManyIdenticalRequestsAtOnce_WriteOneFileAndLeaveNoTemporaryFile()
    {
        await WriteSourceAsync(QuadrantsPng(1200, 900));
        var cache = Cache();

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() =>
            cache.GetAsync(Source, Url, Commands(640), CancellationToken.None))));

        Assert.All(answers, a => Assert.Equal(ProcessedImageStatus.Ready, a.Status));
        var file = Assert.Single(CachedFiles());
        Assert.DoesNotContain(".tmp", file, StringComparison.Ordinal);
        using var image = Load(await File.ReadAllBytesAsync(file));
        Assert.Equal(640, image.Width);
    }

    [Fact]
    public async Task Get_OnlyAWidthAboveTheLimit_IsUnchangedAndWritesNothing()
    {
        await WriteSourceAsync(QuadrantsPng());

        var answer = await Cache().GetAsync(Source, Url, new ImageCommands { Width = 6000 }, CancellationToken.None);

        Assert.Equal(ProcessedImageStatus.Unchanged, answer.Status);
        Assert.Empty(CachedFiles());
    }

    [Fact]
    public async Task Get_DecompressionBomb_IsTooManyPixelsAndLeavesNothing()
    {
        await WriteSourceAsync(PngBomb());

        var answer = await Cache().GetAsync(Source, Url, Commands(100), CancellationToken.None);

        Assert.Equal(ProcessedImageStatus.TooManyPixels, answer.Status);
        Assert.Empty(CachedFiles());
    }

    [Fact]
    public async Task Get_NoFile_IsNotFound()
    {
        var answer = await Cache().GetAsync(Source, Url, Commands(100), CancellationToken.None);

        Assert.Equal(ProcessedImageStatus.NotFound, answer.Status);
    }

    [Fact]
    public async Task Get_CacheFolderSetting_IsResolvedUnderTheDataDirectory()
    {
        await WriteSourceAsync(QuadrantsPng());
        var settings = new ImagingSettings { Cache = new ImagingCacheSettings { CacheFolder = "~/umbraco/Data/TEMP/MediaCache", CacheFolderDepth = 2 } };

        var answer = await Cache(settings).GetAsync(Source, Url, Commands(100), CancellationToken.None);

        var relative = Path.GetRelativePath(data, answer.Image!.Path).Split(Path.DirectorySeparatorChar);
        Assert.Equal(["umbraco", "Data", "TEMP", "MediaCache"], relative[..4]);
        Assert.Equal(7, relative.Length);
    }
}
