using Portal.Data.Forum;
using Portal.Infrastructure.Caching;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Features.Forum;
using Portal.Web.Features.OutputCaching;

namespace Portal.Web.Features.Feeds;

/// <summary>
/// <c>/rss.xml</c> and the section feeds, <c>/sitemap.xml</c> and <c>/robots.txt</c>. Minimal-API endpoints have order 0,
/// so they win over the site's catch-all page route, which would otherwise look for a page called "rss.xml".
/// </summary>
internal static class FeedEndpoints
{
    public static IServiceCollection AddFeeds(this IServiceCollection services)
    {
        services.AddSingleton<FeedCatalog>();
        services.AddSingleton(new SitemapLimits());
        return services;
    }

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/rss.xml", (HttpContext http, FeedCatalog feeds, CancellationToken cancellationToken) =>
            FeedAsync(http, feeds, feeds.SiteWide(), cancellationToken)).CacheOutput(OutputCachePolicies.Pages);
        endpoints.MapGet("/chuyen-trang-cchc/rss.xml", (HttpContext http, FeedCatalog feeds, CancellationToken cancellationToken) =>
            FeedAsync(http, feeds, feeds.Section("/chuyen-trang-cchc/", "column", "article"), cancellationToken)).CacheOutput(OutputCachePolicies.Pages);
        endpoints.MapGet("/chi-dao-dieu-hanh/rss.xml", (HttpContext http, FeedCatalog feeds, CancellationToken cancellationToken) =>
            FeedAsync(http, feeds, feeds.Section("/chi-dao-dieu-hanh/", "directiveList", "directive"), cancellationToken)).CacheOutput(OutputCachePolicies.Pages);
        endpoints.MapGet("/don-vi/{unit}/rss.xml", (string unit, HttpContext http, FeedCatalog feeds, CancellationToken cancellationToken) =>
            FeedAsync(http, feeds, feeds.Section($"/don-vi/{unit}/", "unit", "article"), cancellationToken)).CacheOutput(OutputCachePolicies.Pages);

        endpoints.MapGet("/sitemap.xml", Sitemap).CacheOutput(OutputCachePolicies.Pages);
        endpoints.MapGet("/sitemap-{number:int}.xml", SitemapFile).CacheOutput(OutputCachePolicies.Pages);
        endpoints.MapGet("/robots.txt", (HttpContext http) => Results.Text(Robots(SiteAddress.Of(http.Request)), "text/plain; charset=utf-8"));
        return endpoints;
    }

    /// <summary>The crawler rules: everything public may be crawled, the backoffice not; the sitemap's absolute address.</summary>
    public static string Robots(SiteAddress address) =>
        $"""
        User-agent: *
        Allow: /
        Disallow: /umbraco/

        Sitemap: {address.Absolute("/sitemap.xml")}

        """;

    private static async Task<IResult> FeedAsync(HttpContext http, FeedCatalog feeds, FeedSelection? selection, CancellationToken cancellationToken)
    {
        if (selection is null)
        {
            return Results.NotFound();
        }

        // Decided before any field value is read: a feed reader polling every few minutes costs one tree walk.
        if (selection.Freshness.IsNotModified(http.Request))
        {
            return new NotModifiedResult(selection.Freshness);
        }

        var channel = await feeds.LoadAsync(selection, SiteAddress.Of(http.Request), cancellationToken);
        TagWholeSite(http, http.RequestServices.GetRequiredService<PublishedRouteTree>());
        return new XmlDocumentResult(RssWriter.ContentType, selection.Freshness, body => RssWriter.WriteAsync(body, channel));
    }

    private static async Task<IResult> Sitemap(HttpContext http, PublishedRouteTree routes, ForumQueries forum, SitemapLimits limits,
        CancellationToken cancellationToken)
    {
        TagSitemap(http, routes);
        var entries = await SitemapLayout.EntriesAsync(routes, forum, cancellationToken);
        var files = SitemapLayout.Split(entries, limits.UrlsPerFile);
        var address = SiteAddress.Of(http.Request);
        var freshness = SitemapLayout.FreshnessOf(entries);
        return files.Count == 1
            ? Send(http, freshness, body => SitemapWriter.WriteUrlSetAsync(body, address, entries))
            : Send(http, freshness, body => SitemapWriter.WriteIndexAsync(body, address, files));
    }

    /// <summary>One numbered file behind the index; 404 when the site fits one file, so no page has two sitemap addresses.</summary>
    private static async Task<IResult> SitemapFile(int number, HttpContext http, PublishedRouteTree routes, ForumQueries forum, SitemapLimits limits,
        CancellationToken cancellationToken)
    {
        var files = SitemapLayout.Split(await SitemapLayout.EntriesAsync(routes, forum, cancellationToken), limits.UrlsPerFile);
        if (files.Count == 1 || number < 1 || number > files.Count)
        {
            return Results.NotFound();
        }

        var file = files[number - 1];
        TagSitemap(http, routes);
        var address = SiteAddress.Of(http.Request);
        return Send(http, SitemapLayout.FreshnessOf(file), body => SitemapWriter.WriteUrlSetAsync(body, address, file));
    }

    /// <summary>
    /// Feeds and sitemaps list items from anywhere below the home page by URL, title and date, so any change under it
    /// evicts them; a root-level change (a new home page) evicts everything through <see cref="ContentCacheTags.All"/>.
    /// </summary>
    private static void TagWholeSite(HttpContext http, PublishedRouteTree routes)
    {
        if (routes.Root is { } root)
        {
            OutputCacheTagging.Add(http, ContentCacheTags.Subtree(root.Key), ContentCacheTags.Branch(root.Key));
        }
    }

    /// <summary>The sitemap lists public forum threads too: what changes them evicts the forum tag.</summary>
    private static void TagSitemap(HttpContext http, PublishedRouteTree routes)
    {
        TagWholeSite(http, routes);
        OutputCacheTagging.Add(http, ForumOutputCache.Tag);
    }

    private static IResult Send(HttpContext http, Freshness freshness, Func<Stream, Task> write) =>
        freshness.IsNotModified(http.Request)
            ? new NotModifiedResult(freshness)
            : new XmlDocumentResult(SitemapWriter.ContentType, freshness, write);

    private sealed class NotModifiedResult(Freshness freshness) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status304NotModified;
            freshness.WriteTo(httpContext.Response);
            return Task.CompletedTask;
        }
    }

    /// <summary>Streams the document straight into the response: a 50,000-URL sitemap is never held in memory as one string.</summary>
    private sealed class XmlDocumentResult(string contentType, Freshness freshness, Func<Stream, Task> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            httpContext.Response.ContentType = contentType;
            freshness.WriteTo(httpContext.Response);
            await write(httpContext.Response.Body);
        }
    }
}
