using System.Net;
using Portal.Web.Tests.Features.Management;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using static Portal.Web.Tests.Features.Management.ManagementHttp;
using static Portal.Web.Tests.Features.Media.ImageFiles;
using static Portal.Web.Tests.Features.Media.MediaHttp;

namespace Portal.Web.Tests.Features.Media;

/// <summary>
/// Uploads the library refuses, each leaving nothing behind (no file below the media folder, no item in the library), and
/// the photo whose location it removes.
/// </summary>
public sealed class MediaUploadHardeningTests(ImageUrlSiteFixture fixture) : IClassFixture<ImageUrlSiteFixture>
{
    private readonly ManagementSite site = fixture.Site;

    private Task<HttpClient> EditorsAsync() => site.ClientForAsync(MediaSiteFixture.UnitEditors);

    /// <summary>Uploads and checks the refusal, and that the media folder and the library are as they were.</summary>
    private async Task<System.Text.Json.JsonElement> RefusedAsync(byte[] file, string fileName, HttpStatusCode expected)
    {
        var editors = await EditorsAsync();
        var files = FilesUnder(site, "media");
        var items = await ItemCountAsync(editors);

        using var response = await UploadAsync(editors, file, fileName);

        var problem = await ProblemAsync(response, expected);
        Assert.Equal(files, FilesUnder(site, "media"));
        Assert.Equal(items, await ItemCountAsync(editors));
        return problem;
    }

    private static async Task<int> ItemCountAsync(HttpClient editors) =>
        (await GetJsonAsync(editors, "tree/media/root?skip=0&take=1000")).GetProperty("total").GetInt32();

    [Fact]
    public async Task Upload_ScriptNamedJpg_IsRefusedAndNothingIsStored()
    {
        var problem = await RefusedAsync("<script>fetch('/umbraco')</script>"u8.ToArray(), "anh-dep.jpg", HttpStatusCode.BadRequest);

        Assert.Equal("ContentMismatch", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Upload_TruncatedPng_IsRefusedAsDamagedAndNothingIsStored()
    {
        var problem = await RefusedAsync(TruncatedPng(), "anh-hong.png", HttpStatusCode.BadRequest);

        Assert.Equal("ImageDamaged", problem.GetProperty("title").GetString());
        Assert.StartsWith("Không đọc được ảnh", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OverTheSizeLimit_IsRefusedAndNothingIsStored()
    {
        byte[] big = [.. Quadrants(), .. new byte[ImageUrlSiteFixture.MaxUploadBytes]];

        await RefusedAsync(big, "anh-lon.png", HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Upload_DecompressionBomb_IsRefusedFromItsHeaderAndNothingIsStored()
    {
        var problem = await RefusedAsync(PngBomb(), "bom.png", HttpStatusCode.BadRequest);

        Assert.Equal("ImageTooLarge", problem.GetProperty("title").GetString());
        Assert.StartsWith("Ảnh có quá nhiều điểm ảnh", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_WithDecompressionBomb_KeepsTheOldFile()
    {
        var editors = await EditorsAsync();
        var png = Quadrants(40, 40);
        var id = await UploadedAsync(editors, png, "giu-nguyen.png");
        var url = await UrlOfAsync(editors, id);

        using var form = Form(PngBomb(), "giu-nguyen.png");
        using var replaced = await editors.PutAsync(Url($"media/{id}/file"), form);

        var problem = await ProblemAsync(replaced, HttpStatusCode.BadRequest);
        Assert.Equal("ImageTooLarge", problem.GetProperty("title").GetString());
        Assert.Equal(png, await GetBytesAsync(site.Anonymous, url));
    }

    [Fact]
    public async Task Upload_PhotoWithGps_IsStoredWithoutTheLocationButStillTurned()
    {
        var editors = await EditorsAsync();
        var photo = JpegWithLocation();

        var id = await UploadedAsync(editors, photo, "Ảnh chụp tại trụ sở.jpg", altText: "Trụ sở tiếp công dân");

        var item = await GetJsonAsync(editors, $"media/{id}");
        var stored = await GetBytesAsync(site.Anonymous, await UrlOfAsync(editors, id));
        Assert.NotEqual(photo, stored);
        var info = Image.Identify(stored);
        Assert.Null(info.Metadata.ExifProfile?.GetValue(ExifTag.GPSLatitude));
        Assert.Null(info.Metadata.ExifProfile?.GetValue(ExifTag.GPSLongitude));
        Assert.Equal((ushort)6, info.Metadata.ExifProfile?.GetValue(ExifTag.Orientation)?.Value);
        Assert.Equal(stored.Length, Value(item, "umbracoBytes").GetInt64());
        Assert.Equal((80, 120), (Value(item, "umbracoWidth").GetInt32(), Value(item, "umbracoHeight").GetInt32()));
    }

    [Fact]
    public async Task Upload_PhotoWithoutGps_IsStoredByteForByte()
    {
        var editors = await EditorsAsync();
        var photo = Quadrants(64, 48, jpeg: true);

        var id = await UploadedAsync(editors, photo, "anh-thuong.jpg");

        Assert.Equal(photo, await GetBytesAsync(site.Anonymous, await UrlOfAsync(editors, id)));
    }
}
