using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Tests.TestHost;
using static Portal.Web.Tests.Features.Feeds.FeedTestKit;

namespace Portal.Web.Tests.Features.Feeds;

public sealed class SitemapTests : FreshSiteTests
{
    [Fact]
    public async Task Sitemap_Seeded_ListsEveryReachablePageWithAbsoluteLocAndW3cLastmod()
    {
        var tree = Factory.Services.GetRequiredService<PublishedRouteTree>();
        var expected = tree.Reachable().Select(r => "http://localhost" + r.Url).Order(StringComparer.Ordinal).ToList();

        using var response = await Client.GetAsync(new Uri("/sitemap.xml", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var urls = sitemap.Root!.Elements(Sitemap + "url").ToList();
        var locs = urls.Select(u => u.Element(Sitemap + "loc")!.Value).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal((byte)'<', bytes[0]);
        Assert.Equal(Sitemap + "urlset", sitemap.Root.Name);
        Assert.Contains("http://localhost/don-vi/so-noi-vu/", locs);
        Assert.Contains("http://localhost/", locs);
        Assert.Equal(expected, locs.Order(StringComparer.Ordinal));
        Assert.All(locs, loc => Assert.True(Uri.TryCreate(loc, UriKind.Absolute, out var uri) && uri.Host == "localhost", loc));
        Assert.All(urls, u => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$", u.Element(Sitemap + "lastmod")!.Value));
    }

    [Fact]
    public async Task Sitemap_ArticlePublished_IsListedWithItsPublishTime()
    {
        var (_, url) = await PublishArticleAsync(Factory, "/chuyen-trang-cchc/", "Hướng dẫn nộp hồ sơ trực tuyến mức độ 4");

        var sitemap = await GetXmlAsync(Client, "/sitemap.xml");

        var entry = sitemap.Root!.Elements(Sitemap + "url").Single(u => u.Element(Sitemap + "loc")!.Value == "http://localhost" + url);
        var lastmod = DateTimeOffset.Parse(entry.Element(Sitemap + "lastmod")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(DateTimeOffset.UtcNow - lastmod < TimeSpan.FromMinutes(5), $"lastmod {lastmod} is not the publish time");
    }

    [Fact]
    public async Task Sitemap_IfModifiedSinceItsLastModified_Answers304WithCacheHeaders()
    {
        using var first = await Client.GetAsync(new Uri("/sitemap.xml", UriKind.Relative));
        using var again = new HttpRequestMessage(HttpMethod.Get, "/sitemap.xml");
        again.Headers.IfModifiedSince = first.Content.Headers.LastModified;

        using var response = await Client.SendAsync(again);

        Assert.Equal("public, max-age=300", first.Headers.CacheControl!.ToString());
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task SitemapFile_SiteFitsInOneFile_Answers404()
    {
        using var response = await Client.GetAsync(new Uri("/sitemap-1.xml", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RobotsTxt_RequestedOnThePublicHost_AllowsAllButTheBackofficeAndPointsAtTheSitemap()
    {
        using var response = await Client.GetAsync(new Uri("https://cchc.kontum.gov.vn/robots.txt"));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.TrimEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Allow: /", lines);
        Assert.Contains("Disallow: /umbraco/", lines);
        Assert.Contains("Sitemap: https://cchc.kontum.gov.vn/sitemap.xml", lines);
        Assert.DoesNotContain(lines, l => l == "Disallow: /");
    }
}
