using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Forum;
using Portal.Core.Text;
using Portal.Data.Forum;
using Portal.Infrastructure.Forum;
using Portal.Web.Tests.TestHost;
using static Portal.Web.Tests.Features.Feeds.FeedTestKit;

namespace Portal.Web.Tests.Features.Feeds;

public sealed class SitemapTests : FreshSiteTests
{
    [Fact]
    public async Task Sitemap_Seeded_ListsEveryReachablePageAndPublicThreadWithAbsoluteLocAndW3cLastmod()
    {
        var expected = await PublicUrlsAsync(Factory.Services);

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
    public async Task Sitemap_SeededForum_ListsPublicThreadsAtTheirLastPublicStepAndNoUnpublishedOne()
    {
        var all = (await Factory.Services.GetRequiredService<ForumQueries>().ListAllAsync(new ForumListFilter(PageSize: 100), null, CancellationToken.None)).Items;
        var closed = all.First(q => q.Status == QuestionStatus.Closed);
        var answered = all.First(q => q.Status == QuestionStatus.Answered);
        var submitted = all.First(q => q.Status == QuestionStatus.Submitted);
        var rejected = all.First(q => q.Status == QuestionStatus.Rejected);
        var closedAt = (await Factory.Services.GetRequiredService<ForumQueries>().FindAsync(closed.Key, CancellationToken.None))!.ClosedAt!.Value;

        var lastmods = (await GetXmlAsync(Client, "/sitemap.xml")).Root!.Elements(Sitemap + "url")
            .ToDictionary(u => u.Element(Sitemap + "loc")!.Value, u => u.Element(Sitemap + "lastmod")!.Value, StringComparer.Ordinal);

        string Loc(ForumListItem q) => "http://localhost" + ForumPaths.Thread(q.TrackingCode);
        Assert.Equal(W3c(closedAt), lastmods[Loc(closed)]);
        Assert.Equal(W3c(answered.AnsweredAt!.Value), lastmods[Loc(answered)]);
        Assert.DoesNotContain(Loc(submitted), lastmods.Keys);
        Assert.DoesNotContain(Loc(rejected), lastmods.Keys);
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

    /// <summary>W3C datetime in Vietnam time, as the sitemap protocol and the site write it.</summary>
    private static string W3c(DateTime utc) =>
        VietnamTime.WithOffset(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

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
