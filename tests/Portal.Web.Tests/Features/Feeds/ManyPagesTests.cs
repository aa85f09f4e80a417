using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Feeds;
using Portal.Web.Tests.TestHost;
using static Portal.Web.Tests.Features.Feeds.FeedTestKit;

namespace Portal.Web.Tests.Features.Feeds;

/// <summary>
/// A site with more pages than one feed or sitemap file holds. The sitemap limit is lowered to 25 URLs per file:
/// the demo content is about 80 pages, far from the protocol's 50,000.
/// </summary>
public sealed class ManyPagesTests : IAsyncLifetime
{
    private const int UrlsPerFile = 25;
    private readonly string folder = TestServices.NewDataDirectory();
    private PortalFactory baseFactory = null!;
    private WebApplicationFactory<Program> factory = null!;
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        baseFactory = new PortalFactory(folder, new Dictionary<string, string?>());
        factory = baseFactory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(new SitemapLimits { UrlsPerFile = UrlsPerFile })));
        client = factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
        await baseFactory.DisposeAsync();
        TestServices.DeleteQuietly(folder);
    }

    [Fact]
    public async Task SiteFeed_31ArticlesPublished_ListsOnlyTheNewest30()
    {
        var newest = new List<string>();
        for (var i = 1; i <= 31; i++)
        {
            var (_, url) = await PublishArticleAsync(factory, "/don-vi/so-khoa-hoc-va-cong-nghe/", $"Bản tin cải cách hành chính số {i}");
            newest.Insert(0, "http://localhost" + url);
        }

        var items = Items(await GetXmlAsync(client, "/rss.xml"));
        var unitItems = Items(await GetXmlAsync(client, "/don-vi/so-khoa-hoc-va-cong-nghe/rss.xml"));

        Assert.Equal(newest.Take(30), items.Select(i => i.Link));
        Assert.Equal(newest.Take(30), unitItems.Select(i => i.Link));
    }

    [Fact]
    public async Task Sitemap_MorePagesThanAFileHolds_AnswersAnIndexWhoseFilesTogetherListEveryPageOnce()
    {
        var expected = await PublicUrlsAsync(factory.Services);

        var index = await GetXmlAsync(client, "/sitemap.xml");
        var files = index.Root!.Elements(Sitemap + "sitemap").ToList();
        var listed = new List<string>();
        foreach (var file in files)
        {
            var urls = (await GetXmlAsync(client, file.Element(Sitemap + "loc")!.Value)).Root!.Elements(Sitemap + "url").ToList();
            Assert.InRange(urls.Count, 1, UrlsPerFile);
            listed.AddRange(urls.Select(u => u.Element(Sitemap + "loc")!.Value));
        }

        Assert.Equal(Sitemap + "sitemapindex", index.Root.Name);
        Assert.Equal((expected.Count + UrlsPerFile - 1) / UrlsPerFile, files.Count);
        Assert.Equal(
            Enumerable.Range(1, files.Count).Select(n => $"http://localhost/sitemap-{n}.xml"),
            files.Select(f => f.Element(Sitemap + "loc")!.Value));
        Assert.All(files, f => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$", f.Element(Sitemap + "lastmod")!.Value));
        Assert.Equal(expected, listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SitemapFile_PastTheLastFile_Answers404()
    {
        var files = (await GetXmlAsync(client, "/sitemap.xml")).Root!.Elements(Sitemap + "sitemap").Count();

        using var response = await client.GetAsync(new Uri($"/sitemap-{files + 1}.xml", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
