using Portal.Core.Events;
using Portal.Core.Schema;
using Portal.Data.Content;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Infrastructure.Caching;

/// <summary>
/// Which <see cref="ContentCacheTags"/> a content event evicts, read from the route tree as it stands when asked.
/// The output-cache evictor asks twice: before the tree applies the event (the document's old place, old
/// edition and old descendants, which an unpublish or trash removes from the tree) and after (its new place
/// and edition), and evicts the union.
/// </summary>
public sealed class ContentCacheEviction(PublishedRouteTree routes)
{
    /// <summary>The content type whose pages list "their" items.</summary>
    public const string UnitAlias = "unit";

    public Task<IReadOnlySet<string>> TagsAsync(ContentEvent contentEvent, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(Tags(contentEvent));

    private HashSet<string> Tags(ContentEvent contentEvent)
    {
        ArgumentNullException.ThrowIfNull(contentEvent);
        var tags = new HashSet<string>(StringComparer.Ordinal);
        switch (contentEvent)
        {
            case ContentBulkLoaded:
                tags.Add(ContentCacheTags.All);
                break;
            case EditionPublished published:
                tags.Add(ContentCacheTags.ContentType(published.ContentTypeAlias));
                Document(tags, published.DocumentKey);
                break;
            case EditionUnpublished unpublished:
                tags.Add(ContentCacheTags.ContentType(unpublished.ContentTypeAlias));
                Document(tags, unpublished.DocumentKey);
                break;
            case DocumentMoved moved:
                // The old place may already be gone from the tree; the event names both parents.
                Chain(tags, moved.OldParentKey);
                Chain(tags, moved.NewParentKey);
                tags.Add(ContentCacheTags.UnitLists);
                Document(tags, moved.DocumentKey);
                break;
            case DocumentTrashed or DocumentRestored:
                tags.Add(ContentCacheTags.UnitLists);
                Document(tags, contentEvent.DocumentKey);
                break;
            case DocumentsSorted sorted:
                Sorted(tags, sorted);
                break;
            case DocumentDeleted deleted:
                // Trashed documents were no longer live, so lists did not show them; only responses about them by key remain.
                tags.Add(ContentCacheTags.ContentType(deleted.ContentTypeAlias));
                tags.Add(ContentCacheTags.UnitLists);
                tags.Add(ContentCacheTags.Branch(deleted.DocumentKey));
                tags.UnionWith(deleted.DeletedKeys.Select(ContentCacheTags.Branch));
                break;
        }

        // Drafts, schedules and creations change nothing a visitor can see.
        return tags;
    }

    /// <summary>A change to one document: its own responses, every list it appears in, and every response that shows its descendants.</summary>
    private void Document(HashSet<string> tags, Guid key)
    {
        tags.Add(ContentCacheTags.Branch(key));
        tags.Add(ContentCacheTags.Subtree(key));
        if (routes.Find(key) is not { } node)
        {
            // Not live in this state of the tree: the other state (before or after the event) names its place.
            return;
        }

        tags.Add(ContentCacheTags.ContentType(node.ContentTypeAlias));
        if (node.ParentKey is null)
        {
            // A root document: it may be (or become) the home page, which every response hangs from.
            tags.Add(ContentCacheTags.All);
            tags.Add(ContentCacheTags.Navigation);
        }

        if (node.ContentTypeAlias == UnitAlias)
        {
            tags.Add(ContentCacheTags.Unit(key));
        }

        Chain(tags, node.ParentKey);

        // An ancestor's rename or (un)publish changes its descendants' routes and reachability: every list that
        // shows one of them must go too. Type-filtered lists are named by type; unit lists cannot be named one by one.
        var descendants = routes.DescendantsOf(key);
        if (descendants.Count > 0)
        {
            tags.Add(ContentCacheTags.UnitLists);
            foreach (var alias in descendants.Select(d => d.ContentTypeAlias).Distinct(StringComparer.Ordinal))
            {
                tags.Add(ContentCacheTags.ContentType(alias));
            }
        }

        // The edition this state of the tree holds: before the event the old one, after it the new one, so a unit
        // field changed from one unit to another evicts both units' lists.
        if (node.UnitKey is { } unit)
        {
            tags.Add(ContentCacheTags.Unit(unit));
        }
    }

    private void Sorted(HashSet<string> tags, DocumentsSorted sorted)
    {
        var parent = sorted.DocumentKey == Guid.Empty ? (Guid?)null : sorted.DocumentKey;
        if (parent is null)
        {
            // Sorting the roots can change which one is the home page.
            tags.Add(ContentCacheTags.All);
            tags.Add(ContentCacheTags.Navigation);
        }

        Chain(tags, parent);
        foreach (var key in sorted.OrderedKeys)
        {
            // Responses about a child carry its sort order; type-filtered lists are in tree order.
            tags.Add(ContentCacheTags.Branch(key));
            if (routes.Find(key) is { } child)
            {
                tags.Add(ContentCacheTags.ContentType(child.ContentTypeAlias));
            }
        }
    }

    /// <summary>
    /// The lists that hold a child of <paramref name="parentKey"/>: the parent's and every ancestor's subtree lists, the
    /// lists of the units among them, and the navigation when the parent is the home page.
    /// </summary>
    private void Chain(HashSet<string> tags, Guid? parentKey)
    {
        if (parentKey is not { } key)
        {
            return;
        }

        tags.Add(ContentCacheTags.Subtree(key));
        var parent = routes.Find(key);
        if (parent is null)
        {
            return;
        }

        if (parent.ParentKey is null)
        {
            tags.Add(ContentCacheTags.Navigation);
        }

        if (parent.ContentTypeAlias == UnitAlias)
        {
            tags.Add(ContentCacheTags.Unit(key));
        }

        foreach (var ancestor in routes.AncestorsOf(key))
        {
            tags.Add(ContentCacheTags.Subtree(ancestor.Key));
            if (ancestor.ContentTypeAlias == UnitAlias)
            {
                tags.Add(ContentCacheTags.Unit(ancestor.Key));
            }
        }
    }
}
