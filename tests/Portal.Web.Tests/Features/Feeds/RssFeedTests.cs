using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Tests.TestHost;
using static Portal.Web.Tests.Features.Feeds.FeedTestKit;

namespace Portal.Web.Tests.Features.Feeds;

public sealed class RssFeedTests : FreshSiteTests
{
    [Fact]
    public async Task SiteFeed_Seeded_IsRss20WithVietnameseChannelAndSelfLink()
    {
        using var response = await Client.GetAsync(new Uri("/rss.xml", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var feed = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal((byte)'<', bytes[0]);
        Assert.Equal("rss", feed.Root!.Name.LocalName);
        Assert.Equal("2.0", feed.Root.Attribute("version")!.Value);
        var channel = feed.Root.Element("channel")!;
        Assert.Equal("Cải cách hành chính tỉnh Kon Tum", channel.Element("title")!.Value);
        Assert.Equal("http://localhost/", channel.Element("link")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(channel.Element("description")!.Value));
        Assert.Equal("vi", channel.Element("language")!.Value);
        Rfc822(channel.Element("lastBuildDate")!.Value);
        var self = channel.Element(Atom + "link")!;
        Assert.Equal("http://localhost/rss.xml", self.Attribute("href")!.Value);
        Assert.Equal("self", self.Attribute("rel")!.Value);
    }

    [Fact]
    public async Task SiteFeed_Seeded_ListsArticlesAndDirectivesNewestFirstWithPermalinksThatOpen()
    {
        var tree = Factory.Services.GetRequiredService<PublishedRouteTree>();
        var expected = tree.DescendantsOf(tree.Root!.Key, n => n.ContentTypeAlias is "article" or "directive")
            .Select(n => "http://localhost" + tree.UrlOf(n.Key))
            .ToHashSet();

        var items = Items(await GetXmlAsync(Client, "/rss.xml"));

        Assert.Equal(Math.Min(30, expected.Count), items.Count);
        Assert.Subset(expected, items.Select(i => i.Link).ToHashSet());
        Assert.Contains(items, i => i.Link.StartsWith("http://localhost/chi-dao-dieu-hanh/", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Link.StartsWith("http://localhost/chuyen-trang-cchc/", StringComparison.Ordinal));
        Assert.All(items.Zip(items.Skip(1)), pair => Assert.True(pair.First.Published >= pair.Second.Published));
        Assert.All(items, i => Assert.Equal(i.Link, i.Guid));
        foreach (var item in items)
        {
            using var page = await Client.GetAsync(new Uri(item.Link));
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{item.Link} answered {page.StatusCode}");
        }
    }

    [Fact]
    public async Task SiteFeed_ArticlePublishedThenUnpublished_AppearsFirstThenDisappears()
    {
        var (key, url) = await PublishArticleAsync(Factory, "/chuyen-trang-cchc/", "Kon Tum công bố Chỉ số cải cách hành chính năm 2018",
            "Chỉ số của các sở, ngành và huyện được công khai trên Trang thông tin.");

        var live = Items(await GetXmlAsync(Client, "/rss.xml"));
        await UnpublishAsync(Factory, key);
        var gone = Items(await GetXmlAsync(Client, "/rss.xml"));

        Assert.Equal("Kon Tum công bố Chỉ số cải cách hành chính năm 2018", live[0].Title);
        Assert.Equal("http://localhost" + url, live[0].Link);
        Assert.Equal("Chỉ số của các sở, ngành và huyện được công khai trên Trang thông tin.", live[0].Description);
        Assert.True(DateTimeOffset.UtcNow - live[0].Published < TimeSpan.FromMinutes(5), $"pubDate {live[0].Published} is not the publish time");
        Assert.DoesNotContain(gone, i => i.Link == "http://localhost" + url);
    }

    [Fact]
    public async Task DirectiveFeed_Seeded_ListsExactlyThePublishedDirectivesAndNoArticle()
    {
        var tree = Factory.Services.GetRequiredService<PublishedRouteTree>();
        var directives = tree.DescendantsOf(tree.Root!.Key, n => n.ContentTypeAlias == "directive")
            .Select(n => "http://localhost" + tree.UrlOf(n.Key))
            .Order(StringComparer.Ordinal)
            .ToList();

        var feed = await GetXmlAsync(Client, "/chi-dao-dieu-hanh/rss.xml");
        var items = Items(feed);

        Assert.Equal(6, directives.Count);
        Assert.Equal(directives, items.Select(i => i.Link).Order(StringComparer.Ordinal));
        Assert.All(items.Zip(items.Skip(1)), pair => Assert.True(pair.First.Published >= pair.Second.Published));
        var channel = feed.Root!.Element("channel")!;
        Assert.Equal("Chỉ đạo điều hành – Cải cách hành chính tỉnh Kon Tum", channel.Element("title")!.Value);
        Assert.Equal("http://localhost/chi-dao-dieu-hanh/", channel.Element("link")!.Value);
        Assert.Equal("http://localhost/chi-dao-dieu-hanh/rss.xml", channel.Element(Atom + "link")!.Attribute("href")!.Value);
    }

    [Fact]
    public async Task ColumnFeed_ArticlePublishedUnderAUnit_ListsOnlyTheColumnsOwnArticles()
    {
        var (_, unitArticle) = await PublishArticleAsync(Factory, "/don-vi/so-cong-thuong/", "Sở Công Thương rút ngắn thời gian giải quyết hồ sơ");

        var items = Items(await GetXmlAsync(Client, "/chuyen-trang-cchc/rss.xml"));

        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.StartsWith("http://localhost/chuyen-trang-cchc/", i.Link, StringComparison.Ordinal));
        Assert.DoesNotContain(items, i => i.Link == "http://localhost" + unitArticle);
    }

    [Fact]
    public async Task UnitFeed_ArticlePublishedUnderTheUnit_ListsItWithTextAsWritten()
    {
        var (_, url) = await PublishArticleAsync(Factory, "/don-vi/so-tu-phap/", "Hỏi & đáp: <thủ tục> chứng thực bản sao",
            "Một cửa & liên thông <điện tử>\u000B: chứng thực trong ngày.");

        var feed = await GetXmlAsync(Client, "/don-vi/so-tu-phap/rss.xml");
        var items = Items(feed);

        var item = Assert.Single(items);
        Assert.Equal("Hỏi & đáp: <thủ tục> chứng thực bản sao", item.Title);
        Assert.Equal("http://localhost" + url, item.Link);
        Assert.Equal("Một cửa & liên thông <điện tử>: chứng thực trong ngày.", item.Description);
        Assert.Equal("Sở Tư pháp – Cải cách hành chính tỉnh Kon Tum", feed.Root!.Element("channel")!.Element("title")!.Value);
    }

    [Fact]
    public async Task UnitFeed_UnitWithoutArticles_IsAValidEmptyFeed()
    {
        var feed = await GetXmlAsync(Client, "/don-vi/thanh-tra-tinh/rss.xml");

        Assert.Equal("rss", feed.Root!.Name.LocalName);
        Assert.Empty(Items(feed));
        Assert.Equal("http://localhost/don-vi/thanh-tra-tinh/", feed.Root.Element("channel")!.Element("link")!.Value);
    }

    [Fact]
    public async Task UnitFeed_UnknownUnit_Answers404()
    {
        using var response = await Client.GetAsync(new Uri("/don-vi/khong-co/rss.xml", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SiteFeed_IfModifiedSinceItsLastModified_Answers304AndAnOlderDateGetsTheFeed()
    {
        using var first = await Client.GetAsync(new Uri("/rss.xml", UriKind.Relative));
        var newest = Items(System.Xml.Linq.XDocument.Parse(await first.Content.ReadAsStringAsync()))[0];
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var same = new HttpRequestMessage(HttpMethod.Get, "/rss.xml");
        same.Headers.IfModifiedSince = lastModified;
        using var notModified = await Client.SendAsync(same);
        using var older = new HttpRequestMessage(HttpMethod.Get, "/rss.xml");
        older.Headers.IfModifiedSince = lastModified.AddDays(-1);
        using var modified = await Client.SendAsync(older);

        Assert.Equal("public, max-age=300", first.Headers.CacheControl!.ToString());
        // Items carry the date shown on the page; the header is the latest publish, which is never earlier.
        Assert.True(lastModified >= newest.Published);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal("public, max-age=300", notModified.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
    }

    [Fact]
    public async Task UnitFeed_OlderArticleUnpublishedAfterClientCached_AnswersTheNewFeedNot304()
    {
        var (older, olderUrl) = await PublishArticleAsync(Factory, "/don-vi/so-xay-dung/", "Sở Xây dựng công khai quy trình cấp phép xây dựng");
        await PublishArticleAsync(Factory, "/don-vi/so-xay-dung/", "Sở Xây dựng tiếp nhận hồ sơ cấp phép qua bưu điện");
        using var cached = await Client.GetAsync(new Uri("/don-vi/so-xay-dung/rss.xml", UriKind.Relative));

        await UnpublishAsync(Factory, older);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/don-vi/so-xay-dung/rss.xml");
        revalidate.Headers.IfModifiedSince = cached.Content.Headers.LastModified;
        revalidate.Headers.IfNoneMatch.Add(cached.Headers.ETag!);
        using var response = await Client.SendAsync(revalidate);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = Items(System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync()));
        Assert.DoesNotContain(items, i => i.Link == "http://localhost" + olderUrl);
        Assert.Single(items);
    }
}
