using System.Globalization;
using Portal.Core.Schema;
using Portal.Data.Content;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Web.Features.Feeds;

/// <summary>A page listed in a feed, with its URL in the site (leading and trailing slash).</summary>
internal sealed record FeedEntry(PublishedNode Node, string Url);

/// <summary>
/// Which pages a feed lists, chosen from the in-memory route tree alone, so that answering 304 costs no database
/// or cache lookup. <see cref="Channel"/> is the page the feed belongs to: home for the site-wide feed, else the section.
/// </summary>
internal sealed record FeedSelection(PublishedNode Channel, string ChannelUrl, bool IsSiteWide, IReadOnlyList<FeedEntry> Entries, Freshness Freshness)
{
    /// <summary>The feed's own path: <c>/rss.xml</c> or the section's URL followed by <c>rss.xml</c>.</summary>
    public string FeedUrl => ChannelUrl + "rss.xml";
}

internal sealed record RssItem(string Title, string Link, DateTime PublishedUtc, string? Description);

internal sealed record RssChannel(string Title, string Link, string Description, string SelfLink, DateTime? LastBuildUtc, IReadOnlyList<RssItem> Items);

/// <summary>The RSS feeds: latest articles and directives site-wide, and the same per section (CCHC column, directives, one unit).</summary>
internal sealed class FeedCatalog(PublishedRouteTree routes, PublishedContentCache contents)
{
    public const int ItemsPerFeed = 30;
    public const string SiteTitle = "Cải cách hành chính tỉnh Kon Tum";
    public const string SiteDescription = "Tin, bài và chỉ đạo, điều hành mới nhất về cải cách hành chính tỉnh Kon Tum.";

    public FeedSelection? SiteWide()
    {
        if (routes.Root is not { } home)
        {
            return null;
        }

        var entries = Latest(home.Key, n => n.ContentTypeAlias is "article" or "directive");
        return new FeedSelection(home, "/", IsSiteWide: true, entries, FreshnessOf(home, "/", entries, includeChannel: false));
    }

    /// <summary>The feed of the section at <paramref name="path"/>, or null when no live page of that type is there (404).</summary>
    public FeedSelection? Section(string path, string sectionAlias, string itemAlias)
    {
        var section = routes.Resolve(path);
        if (section is null || section.ContentTypeAlias != sectionAlias || routes.UrlOf(section.Key) is not { } url)
        {
            return null;
        }

        var entries = Latest(section.Key, n => n.ContentTypeAlias == itemAlias);
        return new FeedSelection(section, url, IsSiteWide: false, entries, FreshnessOf(section, url, entries, includeChannel: true));
    }

    /// <summary>Reads titles and summaries of the chosen pages, for a feed that is really going to be sent.</summary>
    public async Task<RssChannel> LoadAsync(FeedSelection selection, SiteAddress address, CancellationToken cancellationToken)
    {
        var items = new List<RssItem>(selection.Entries.Count);
        foreach (var entry in selection.Entries)
        {
            // Null when the page was unpublished between choosing and reading; it is simply no longer in the feed.
            if (await contents.GetAsync(entry.Node, cancellationToken) is not { } content)
            {
                continue;
            }

            items.Add(new RssItem(Field(content, "title") ?? content.Name, address.Absolute(entry.Url), entry.Node.CreatedAt, Field(content, "summary")));
        }

        var title = selection.IsSiteWide ? SiteTitle : $"{selection.Channel.Name} – {SiteTitle}";
        var description = selection.IsSiteWide ? SiteDescription : await SectionDescriptionAsync(selection.Channel, cancellationToken);
        return new RssChannel(title, address.Absolute(selection.ChannelUrl), description, address.Absolute(selection.FeedUrl),
            selection.Freshness.LastModified?.UtcDateTime, items);
    }

    /// <summary>Newest first by publish time; ties (pages imported in one go) keep a stable order so the ETag does not flap.</summary>
    private List<FeedEntry> Latest(Guid below, Func<PublishedNode, bool> filter) =>
        routes.DescendantsOf(below, filter)
            // The date a reader sees on the page ("Ngày đăng"), so feed and site agree, also for imported pages.
            .OrderByDescending(n => n.CreatedAt)
            .ThenByDescending(n => n.UpdatedAt)
            .ThenBy(n => n.Key)
            .Select(n => routes.UrlOf(n.Key) is { } url ? new FeedEntry(n, url) : null)
            .OfType<FeedEntry>()
            .Take(ItemsPerFeed)
            .ToList();

    /// <summary>A section feed also changes when the section itself is republished: its name and intro are the channel's title and description.</summary>
    private static Freshness FreshnessOf(PublishedNode channel, string channelUrl, List<FeedEntry> entries, bool includeChannel)
    {
        var newest = entries.Count > 0 ? entries.Max(e => e.Node.UpdatedAt) : (DateTime?)null;
        if (includeChannel && (newest is null || channel.UpdatedAt > newest))
        {
            newest = channel.UpdatedAt;
        }

        var parts = entries.Select(e => Part(e.Node, e.Url));
        return Freshness.Of(newest, includeChannel ? parts.Prepend(Part(channel, channelUrl)) : parts);
    }

    private static string Part(PublishedNode node, string url) =>
        string.Create(CultureInfo.InvariantCulture, $"{node.Key:N} {node.EditionNumber} {node.UpdatedAt.Ticks} {url}");

    /// <summary>The section's own intro when it is plain text (column, directives); units keep theirs as rich text, so a sentence stands in.</summary>
    private async Task<string> SectionDescriptionAsync(PublishedNode section, CancellationToken cancellationToken)
    {
        var content = await contents.GetAsync(section, cancellationToken);
        if (content is not null && Field(content, "intro") is { } intro && !FieldValueRules.IsRichTextJson(intro))
        {
            return intro;
        }

        return $"Tin, bài mới nhất của {section.Name} trên trang {SiteTitle}.";
    }

    private static string? Field(PublishedContent content, string alias) => content.Text(alias)?.Trim();
}
