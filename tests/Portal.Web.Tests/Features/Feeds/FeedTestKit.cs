using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Workflow;
using Portal.Data.Forum;
using Portal.Infrastructure.Forum;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Web.Tests.Features.Feeds;

/// <summary>What the feed tests read from a response, and the one way they put a new article on the site.</summary>
internal static class FeedTestKit
{
    private static readonly Actor Tester = Actor.System("tester");
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>A feed item as a reader shows it.</summary>
    public sealed record Item(string Title, string Link, string Guid, DateTimeOffset Published, string? Description);

    public static async Task<XDocument> GetXmlAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.RelativeOrAbsolute));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public static IReadOnlyList<Item> Items(XDocument feed) =>
        feed.Root!.Element("channel")!.Elements("item")
            .Select(i => new Item(
                i.Element("title")!.Value,
                i.Element("link")!.Value,
                i.Element("guid")!.Value,
                Rfc822(i.Element("pubDate")!.Value),
                i.Element("description")?.Value))
            .ToList();

    /// <summary>Parses the RFC 822 date in Vietnam time that RSS 2.0 readers expect, failing on any other shape.</summary>
    public static DateTimeOffset Rfc822(string value)
    {
        Assert.Matches(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0700$", value);
        return new DateTimeOffset(DateTime.ParseExact(value[..^" +0700".Length], "ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture),
            TimeSpan.FromHours(7));
    }

    /// <summary>Creates and publishes an article below the live page at <paramref name="parentPath"/>; returns its key and URL.</summary>
    public static async Task<(Guid Key, string Url)> PublishArticleAsync(WebApplicationFactory<Program> factory, string parentPath, string title,
        string summary = "Tin, bài về cải cách hành chính tỉnh Kon Tum.")
    {
        var tree = factory.Services.GetRequiredService<PublishedRouteTree>();
        var editing = factory.Services.GetRequiredService<ContentEditing>();
        var publishing = factory.Services.GetRequiredService<ContentPublishing>();
        var values = new Dictionary<string, string>
        {
            ["title"] = title,
            ["body"] = "<p>Nội dung chi tiết.</p>",
            ["summary"] = summary,
            ["category"] = "[\"Tin tức\"]",
        };

        var created = await editing.CreateAsync("article", tree.Resolve(parentPath)!.Key, title, values, Tester);
        Assert.True(created.Succeeded, created.Status.ToString());
        var key = created.DocumentKey!.Value;
        var published = await publishing.PublishAsync(key, Tester);
        Assert.True(published.Succeeded, published.Status.ToString());
        return (key, tree.UrlOf(key)!);
    }

    /// <summary>Every page the site serves to crawlers: the reachable live pages and the threads the forum's public list shows.</summary>
    public static async Task<List<string>> PublicUrlsAsync(IServiceProvider services)
    {
        var threads = await services.GetRequiredService<ForumQueries>().ListPublicAsync(new ForumListFilter(PageSize: 100), CancellationToken.None);
        Assert.True(threads.PageCount == 1, "more public threads than one list page");
        return services.GetRequiredService<PublishedRouteTree>().Reachable().Select(r => r.Url)
            .Concat(threads.Items.Select(t => ForumPaths.Thread(t.TrackingCode)))
            .Select(url => "http://localhost" + url).Order(StringComparer.Ordinal).ToList();
    }

    public static async Task UnpublishAsync(WebApplicationFactory<Program> factory, Guid key)
    {
        var result = await factory.Services.GetRequiredService<ContentPublishing>().UnpublishAsync(key, Tester);
        Assert.True(result.Succeeded, result.Status.ToString());
    }
}
