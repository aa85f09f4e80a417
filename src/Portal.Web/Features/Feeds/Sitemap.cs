using System.Globalization;
using System.Xml;
using Portal.Data.Forum;
using Portal.Infrastructure.Forum;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Web.Features.Feeds;

/// <summary>One page in the sitemap: its URL in the site and when its live edition was published.</summary>
internal sealed record SitemapEntry(string Url, DateTime UpdatedUtc);

/// <summary>How many URLs one sitemap file may hold. The protocol's limit is 50,000; tests lower it to see the index without 50,000 pages.</summary>
internal sealed class SitemapLimits
{
    public const int ProtocolMaximum = 50_000;

    public int UrlsPerFile { get; init; } = ProtocolMaximum;
}

/// <summary>The sitemap files of a site: one <c>urlset</c> when the pages fit, else numbered files behind a sitemap index.</summary>
internal static class SitemapLayout
{
    /// <summary>
    /// Every reachable live page in tree order, then every public forum thread oldest first (one read for all), so an
    /// entry keeps its file until entries before it come or go.
    /// </summary>
    public static async Task<IReadOnlyList<SitemapEntry>> EntriesAsync(PublishedRouteTree routes, ForumQueries forum, CancellationToken cancellationToken)
    {
        var threads = await forum.PublicThreadsAsync(cancellationToken);
        return
        [
            .. routes.Reachable().Select(r => new SitemapEntry(r.Url, r.Node.UpdatedAt)),
            .. threads.Select(t => new SitemapEntry(ForumPaths.Thread(t.TrackingCode), t.LastPublicChange)),
        ];
    }

    /// <summary>The files, in order; always at least one, so an empty site still answers a valid, empty <c>urlset</c>.</summary>
    public static IReadOnlyList<IReadOnlyList<SitemapEntry>> Split(IReadOnlyList<SitemapEntry> entries, int urlsPerFile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(urlsPerFile, 1);
        return entries.Count <= urlsPerFile ? [entries] : entries.Chunk(urlsPerFile).ToList();
    }

    /// <summary>The numbered file's path: <c>/sitemap-1.xml</c>, <c>/sitemap-2.xml</c>…</summary>
    public static string FilePath(int number) => string.Create(CultureInfo.InvariantCulture, $"/sitemap-{number}.xml");

    /// <summary>The validators of one sitemap document; the index is validated over every entry, since it names every file.</summary>
    public static Freshness FreshnessOf(IReadOnlyList<SitemapEntry> entries)
    {
        DateTime? newest = entries.Count > 0 ? entries.Max(e => e.UpdatedUtc) : null;
        return Freshness.Of(newest, entries.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.UpdatedUtc.Ticks} {e.Url}")));
    }
}

/// <summary>Writes sitemap documents per sitemaps.org 0.9.</summary>
internal static class SitemapWriter
{
    public const string ContentType = "application/xml; charset=utf-8";
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static async Task WriteUrlSetAsync(Stream output, SiteAddress address, IReadOnlyList<SitemapEntry> entries)
    {
        await using var xml = XmlWriter.Create(output, XmlOutput.Settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "urlset", Namespace);
        foreach (var entry in entries)
        {
            await xml.WriteStartElementAsync(null, "url", Namespace);
            await xml.WriteElementStringAsync(null, "loc", Namespace, address.Absolute(entry.Url));
            await xml.WriteElementStringAsync(null, "lastmod", Namespace, FeedDates.W3c(entry.UpdatedUtc));
            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    public static async Task WriteIndexAsync(Stream output, SiteAddress address, IReadOnlyList<IReadOnlyList<SitemapEntry>> files)
    {
        await using var xml = XmlWriter.Create(output, XmlOutput.Settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "sitemapindex", Namespace);
        for (var i = 0; i < files.Count; i++)
        {
            await xml.WriteStartElementAsync(null, "sitemap", Namespace);
            await xml.WriteElementStringAsync(null, "loc", Namespace, address.Absolute(SitemapLayout.FilePath(i + 1)));
            await xml.WriteElementStringAsync(null, "lastmod", Namespace, FeedDates.W3c(files[i].Max(e => e.UpdatedUtc)));
            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }
}
