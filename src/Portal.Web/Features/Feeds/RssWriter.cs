using System.Xml;

namespace Portal.Web.Features.Feeds;

/// <summary>Writes an RSS 2.0 document, with the Atom self link that feed validators ask for.</summary>
internal static class RssWriter
{
    public const string ContentType = "application/rss+xml; charset=utf-8";
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public static async Task WriteAsync(Stream output, RssChannel channel)
    {
        await using var xml = XmlWriter.Create(output, XmlOutput.Settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "rss", null);
        await xml.WriteAttributeStringAsync(null, "version", null, "2.0");
        await xml.WriteAttributeStringAsync("xmlns", "atom", null, AtomNamespace);
        await xml.WriteStartElementAsync(null, "channel", null);
        await xml.WriteElementStringAsync(null, "title", null, XmlOutput.Text(channel.Title));
        await xml.WriteElementStringAsync(null, "link", null, channel.Link);
        await xml.WriteElementStringAsync(null, "description", null, XmlOutput.Text(channel.Description));
        await xml.WriteElementStringAsync(null, "language", null, "vi");
        if (channel.LastBuildUtc is { } lastBuild)
        {
            await xml.WriteElementStringAsync(null, "lastBuildDate", null, FeedDates.Rfc822(lastBuild));
        }

        await xml.WriteStartElementAsync("atom", "link", AtomNamespace);
        await xml.WriteAttributeStringAsync(null, "href", null, channel.SelfLink);
        await xml.WriteAttributeStringAsync(null, "rel", null, "self");
        await xml.WriteAttributeStringAsync(null, "type", null, "application/rss+xml");
        await xml.WriteEndElementAsync();

        foreach (var item in channel.Items)
        {
            await xml.WriteStartElementAsync(null, "item", null);
            await xml.WriteElementStringAsync(null, "title", null, XmlOutput.Text(item.Title));
            await xml.WriteElementStringAsync(null, "link", null, item.Link);
            await xml.WriteStartElementAsync(null, "guid", null);
            await xml.WriteAttributeStringAsync(null, "isPermaLink", null, "true");
            await xml.WriteStringAsync(item.Link);
            await xml.WriteEndElementAsync();
            await xml.WriteElementStringAsync(null, "pubDate", null, FeedDates.Rfc822(item.PublishedUtc));
            if (item.Description is { } description)
            {
                await xml.WriteElementStringAsync(null, "description", null, XmlOutput.Text(description));
            }

            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }
}
