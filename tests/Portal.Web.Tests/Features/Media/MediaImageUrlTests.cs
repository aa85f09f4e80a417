using System.Net;
using System.Net.Http.Headers;
using Portal.Web.Tests.Features.Management;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using static Portal.Web.Tests.Features.Media.ImageFiles;
using static Portal.Web.Tests.Features.Media.MediaHttp;

namespace Portal.Web.Tests.Features.Media;

/// <summary>Image URLs (<c>/media/…?width=…</c>) through the real host, on images each test uploads through the Management API.</summary>
public sealed class MediaImageUrlTests(ImageUrlSiteFixture fixture) : IClassFixture<ImageUrlSiteFixture>
{
    private readonly ManagementSite site = fixture.Site;

    private async Task<string> UploadedUrlAsync(byte[] file, string fileName, string? altText = "Ảnh thử")
    {
        var editors = await site.ClientForAsync(MediaSiteFixture.UnitEditors);
        return await UrlOfAsync(editors, await UploadedAsync(editors, file, fileName, altText));
    }

    [Fact]
    public async Task Width300FormatWebp_Answers300PixelWideWebpWithCacheHeaders()
    {
        var url = await UploadedUrlAsync(Quadrants(800, 600), "hoi-nghi.png");

        using var response = await site.Anonymous.GetAsync(new Uri(url + "?width=300&format=webp", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=604800", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotNull(response.Headers.ETag);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(WebpFormat.Instance, Image.DetectFormat(bytes));
        using var image = Image.Load<Rgba32>(bytes);
        Assert.Equal((300, 225), (image.Width, image.Height));
    }

    [Fact]
    public async Task CropWithFocalPoint_KeepsTheQuadrantsAroundTheFocalPoint()
    {
        var url = await UploadedUrlAsync(Quadrants(400, 300), "so-do.png");

        var right = await GetBytesAsync(site.Anonymous, url + "?rxy=0.9,0.1&width=100&height=300");
        var left = await GetBytesAsync(site.Anonymous, url + "?rxy=0.1,0.1&width=100&height=300");

        using var kept = Image.Load<Rgba32>(right);
        Assert.Equal((100, 300), (kept.Width, kept.Height));
        AssertNear(Green, kept[5, 10]);
        AssertNear(Yellow, kept[95, 290]);
        using var other = Image.Load<Rgba32>(left);
        AssertNear(Red, other[95, 10]);
        AssertNear(Blue, other[5, 290]);
    }

    [Fact]
    public async Task SameUrlTwice_SecondIsServedFromTheCachedFileWithoutProcessingAgain()
    {
        var url = await UploadedUrlAsync(Quadrants(500, 500), "lap-lai.png");
        var before = FilesUnder(site, "cache");
        var first = await GetBytesAsync(site.Anonymous, url + "?width=123&format=png");
        var file = Assert.Single(FilesUnder(site, "cache").Except(before));
        var marked = DateTime.UtcNow.AddDays(-2);
        File.SetLastWriteTimeUtc(file, marked);

        var second = await GetBytesAsync(site.Anonymous, url + "?width=123&format=png");

        Assert.Equal(first, second);
        Assert.Equal(first, await File.ReadAllBytesAsync(file));
        Assert.Equal(before.Count + 1, FilesUnder(site, "cache").Count);
        Assert.Equal(marked, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public async Task IfNoneMatchWithTheETag_Answers304WithoutABody()
    {
        var url = await UploadedUrlAsync(Quadrants(), "etag.png");
        using var first = await site.Anonymous.GetAsync(new Uri(url + "?width=50", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url + "?width=50", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await site.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task VersionOnly_IsServedAsStoredAndMarkedImmutableWhenProcessed()
    {
        var png = Quadrants(60, 40);
        var url = await UploadedUrlAsync(png, "phien-ban.png");

        var stored = await GetBytesAsync(site.Anonymous, url + "?v=134000000000000000&utm_source=zalo");
        using var processed = await site.Anonymous.GetAsync(new Uri(url + "?width=30&v=134000000000000000", UriKind.Relative));

        Assert.Equal(png, stored);
        Assert.Equal("public, max-age=604800, immutable", processed.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task BothDimensionsAboveTheLimits_IsServedAsStored()
    {
        var png = Quadrants(60, 40);
        var url = await UploadedUrlAsync(png, "qua-lon.png");

        var bytes = await GetBytesAsync(site.Anonymous, url + "?width=6000&height=6000");

        Assert.Equal(png, bytes);
    }

    [Fact]
    public async Task DocumentWithCommands_IsServedAsStoredAttachment()
    {
        var pdf = SampleFiles.Pdf();
        var url = await UploadedUrlAsync(pdf, "ke-hoach.pdf", altText: null);

        using var response = await site.Anonymous.GetAsync(new Uri(url + "?width=100&format=webp", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task BombAlreadyOnDisk_Answers422WithoutDecodingOrCaching()
    {
        // Uploads refuse bombs (see MediaUploadHardeningTests); one copied into the folder by hand must not be decoded either.
        var folder = Path.Combine(site.DataDirectory, "media", "bomb0000");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "bom.png"), PngBomb());
        var cached = FilesUnder(site, "cache").Count;

        using var response = await site.Anonymous.GetAsync(new Uri("/media/bomb0000/bom.png?width=100", UriKind.Relative));

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(cached, FilesUnder(site, "cache").Count);
    }

    [Fact]
    public async Task MissingFileWithCommands_Answers404()
    {
        using var response = await site.Anonymous.GetAsync(new Uri("/media/abcd0000/khong-co.png?width=100", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Head_AnswersTheHeadersOfTheProcessedImage()
    {
        var url = await UploadedUrlAsync(Quadrants(), "head.png");
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri(url + "?width=64&format=png", UriKind.Relative));

        using var response = await site.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new MediaTypeHeaderValue("image/png").MediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Content.Headers.ContentLength > 0);
        var png = await GetBytesAsync(site.Anonymous, url + "?width=64&format=png");
        Assert.Equal(PngFormat.Instance, Image.DetectFormat(png));
    }
}
