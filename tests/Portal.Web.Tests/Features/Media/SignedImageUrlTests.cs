using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Media.Imaging;
using Portal.Web.Tests.Features.Delivery;
using Portal.Web.Tests.Features.Management;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static Portal.Web.Tests.Features.Media.ImageFiles;
using static Portal.Web.Tests.Features.Media.MediaHttp;

namespace Portal.Web.Tests.Features.Media;

/// <summary>
/// With <c>Umbraco:CMS:Imaging:HMACSecretKey</c> set: commands need the token Portal's own URLs carry, and the public article
/// page shows its picture with such URLs.
/// </summary>
public sealed partial class SignedImageUrlTests(SignedImageSiteFixture fixture) : IClassFixture<SignedImageSiteFixture>
{
    private static readonly Guid InteriorUnit = Guid.Parse("495e4338-c512-5de3-8071-32a784a7bb02");
    private static readonly string[] NewsCategory = ["Tin tức"];

    private readonly ManagementSite site = fixture.Site;

    private ImageUrlSigner Signer => site.Services.GetRequiredService<ImageUrlSigner>();

    private async Task<(Guid Id, string Url)> UploadAsync(byte[] file, string fileName, string? focalPoint = null)
    {
        var editors = await site.ClientForAsync(MediaSiteFixture.UnitEditors);
        using var response = await MediaHttp.UploadAsync(editors, file, fileName, altText: "Lãnh đạo Sở Nội vụ tiếp công dân", focalPoint: focalPoint);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = Guid.Parse(response.Headers.GetValues("Umb-Generated-Resource").Single());
        return (id, await UrlOfAsync(editors, id));
    }

    [Fact]
    public async Task CommandsWithoutToken_Answer403AndNothingIsProcessed()
    {
        var (_, url) = await UploadAsync(Quadrants(), "khong-ma.png");
        var cached = FilesUnder(site, "cache").Count;

        using var response = await site.Anonymous.GetAsync(new Uri(url + "?width=100", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(cached, FilesUnder(site, "cache").Count);
    }

    [Fact]
    public async Task UrlWrittenByImageUrl_Answers200()
    {
        var (_, url) = await UploadAsync(Quadrants(), "co-ma.png");
        var signed = ImageUrl.For(url, new ImageCommands { Width = 100, Format = "webp", CacheBuster = "7" }, Signer);

        using var image = Image.Load<Rgba32>(await GetBytesAsync(site.Anonymous, signed));

        Assert.Contains("&hmac=", signed, StringComparison.Ordinal);
        Assert.Equal(100, image.Width);
    }

    [Fact]
    public async Task TokenOfAnotherWidth_Answers403()
    {
        var (_, url) = await UploadAsync(Quadrants(), "doi-ma.png");
        var signed = ImageUrl.For(url, new ImageCommands { Width = 100 }, Signer);

        await GetBytesAsync(site.Anonymous, signed.Replace("width=100", "width=4000", StringComparison.Ordinal), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task NoCommands_IsServedWithoutToken()
    {
        var png = Quadrants(30, 30);
        var (_, url) = await UploadAsync(png, "goc.png");

        Assert.Equal(png, await GetBytesAsync(site.Anonymous, url + "?v=1"));
    }

    [Fact]
    public async Task ArticlePage_PickedImage_IsAResponsiveImgWithSignedUrlsThatLoad()
    {
        var (media, url) = await UploadAsync(Quadrants(1000, 800), "tiep-cong-dan.png", focalPoint: "0.7,0.3");
        var article = await site.CreatePublishedAsync(InteriorUnit, "Lãnh đạo Sở Nội vụ tiếp công dân định kỳ", "article", new Dictionary<string, object?>
        {
            ["title"] = "Lãnh đạo Sở Nội vụ tiếp công dân định kỳ",
            ["summary"] = "Buổi tiếp công dân tháng 12.",
            ["body"] = new { markup = "<p>Nội dung buổi tiếp công dân.</p>", blocks = (object?)null },
            ["category"] = NewsCategory,
            ["image"] = new[] { new { key = Guid.NewGuid(), mediaKey = media, mediaTypeAlias = "Image", crops = Array.Empty<object>(), focalPoint = (object?)null } },
        });
        var path = (await DeliveryHttp.GetJsonAsync(site.Anonymous, $"content/item/{article}")).GetProperty("route").GetProperty("path").GetString()!;

        var html = await (await site.Anonymous.GetAsync(new Uri(path, UriKind.Relative))).Content.ReadAsStringAsync();

        var img = Assert.Single(ImgTag().Matches(html)).Value;
        Assert.Contains("alt=\"Lãnh đạo Sở Nội vụ tiếp công dân\"", img, StringComparison.Ordinal);
        Assert.Contains("width=\"1000\"", img, StringComparison.Ordinal);
        Assert.Contains("height=\"667\"", img, StringComparison.Ordinal);
        Assert.Contains("decoding=\"async\"", img, StringComparison.Ordinal);
        Assert.DoesNotContain("loading=\"lazy\"", img, StringComparison.Ordinal);
        Assert.Contains("sizes=\"", img, StringComparison.Ordinal);
        var srcset = Attribute(img, "srcset");
        Assert.Equal(["320w", "480w", "640w", "960w", "1000w"], srcset.Split(", ").Select(c => c.Split(' ')[1]));
        var webp = Attribute(Assert.Single(SourceTag().Matches(html)).Value, "srcset");
        foreach (var candidate in srcset.Split(", ").Concat(webp.Split(", ")).Select(c => c.Split(' ')[0]).Append(Attribute(img, "src")))
        {
            Assert.StartsWith(url + "?rxy=0.7,0.3&rmode=crop&width=", candidate, StringComparison.Ordinal);
            Assert.Matches("&v=[0-9]+&hmac=[0-9a-f]{64}$", candidate);
            using var image = Image.Load<Rgba32>(await GetBytesAsync(site.Anonymous, candidate));
            Assert.Equal(3 / 2.0, image.Width / (double)image.Height, 2);
        }

        // 1000×800 cut to 3:2 around 0.7,0.3 keeps the top rows: red on the left, green on the right.
        using var largest = Image.Load<Rgba32>(await GetBytesAsync(site.Anonymous, srcset.Split(", ")[^1].Split(' ')[0]));
        AssertNear(Red, largest[10, 10]);
        AssertNear(Green, largest[largest.Width - 10, 10]);
    }

    private static string Attribute(string tag, string name) =>
        System.Net.WebUtility.HtmlDecode(Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"").Groups[1].Value);

    [GeneratedRegex("<img [^>]*src=\"/media/[^>]*>")]
    private static partial Regex ImgTag();

    [GeneratedRegex("<source type=\"image/webp\"[^>]*>")]
    private static partial Regex SourceTag();
}
