using System.Text.RegularExpressions;
using Portal.Infrastructure.Caching;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Web.Features.Site;

/// <summary>
/// The output-cache tags of a rendered page: what it shows, named with <see cref="ContentCacheTags"/> so that any
/// publish that changes it evicts it. A page shows itself and its breadcrumbs (Branch of each), its children, the menu,
/// the pages it links to through pickers, and the lists of its page kind.
/// </summary>
internal static partial class SitePageTags
{
    public static IReadOnlyCollection<string> For(PublishedPage page, PublishedRouteTree routes)
    {
        var node = page.Node;
        var tags = new HashSet<string>(StringComparer.Ordinal) { ContentCacheTags.Navigation, ContentCacheTags.Subtree(node.Key) };
        Branch(tags, node.Key, routes);

        // Picked pages appear by name and URL, which change with them and with their ancestors.
        foreach (var value in page.Content.Values.Values)
        {
            foreach (Match match in PickedDocument().Matches(value))
            {
                Branch(tags, Guid.ParseExact(match.Groups[1].Value, "N"), routes);
            }
        }

        if (page is HomePage or IndexResultsPage)
        {
            // Index results are kept in the backoffice, not in content: their changes evict this tag.
            tags.Add(Portal.Web.Features.IndexResults.IndexResultsOutputCache.Tag);
        }

        switch (page)
        {
            case HomePage or SearchPage:
                // Latest items and search results come from anywhere below the home page.
                if (routes.Root is { } root)
                {
                    tags.Add(ContentCacheTags.Subtree(root.Key));
                }

                break;
            case ArticlePage when node.ParentKey is { } parent:
                // Related items are the article's siblings.
                tags.Add(ContentCacheTags.Subtree(parent));
                break;
            case UnitPage unit:
                tags.Add(ContentCacheTags.Unit(node.Key));
                tags.Add(ContentCacheTags.UnitLists);
                foreach (var item in unit.Articles)
                {
                    Branch(tags, item.Key, routes);
                }

                break;
        }

        return tags;
    }

    /// <summary>Branch of the document and of each ancestor: an ancestor's rename changes the document's URL.</summary>
    private static void Branch(HashSet<string> tags, Guid key, PublishedRouteTree routes) => tags.UnionWith(ContentCacheTags.BranchOf(key, routes));

    [GeneratedRegex("umb://document/([0-9a-fA-F]{32})", RegexOptions.CultureInvariant)]
    private static partial Regex PickedDocument();
}
