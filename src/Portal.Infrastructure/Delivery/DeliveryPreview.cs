using Portal.Data.Content;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Infrastructure.Delivery;

/// <summary>
/// Items as they will look once published (the <c>Preview: true</c> header with a valid key): the current
/// edition of any non-trashed document, drafts and never-published pages included, with the route its
/// current URL segments give.
/// </summary>
public sealed class DeliveryPreview(PreviewContentQueries queries)
{
    public async Task<DeliveryItem?> FindAsync(Guid key, CancellationToken cancellationToken)
    {
        var document = await queries.FindAsync(key, cancellationToken);
        return document is null ? null : await ItemAsync(document, cancellationToken);
    }

    /// <summary>Walks the URL segments of current editions from the start item (or the first root) down.</summary>
    public async Task<DeliveryItem?> ResolveAsync(string path, Guid? startItemKey, CancellationToken cancellationToken)
    {
        var roots = await queries.ChildrenAsync(null, cancellationToken);
        var current = startItemKey is { } startKey ? roots.FirstOrDefault(r => r.Node.Key == startKey) : roots.FirstOrDefault();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current is null)
            {
                return null;
            }

            var children = await queries.ChildrenAsync(current.Node.Key, cancellationToken);
            current = children.FirstOrDefault(c => string.Equals(c.Node.UrlSegment, segment, StringComparison.OrdinalIgnoreCase));
        }

        return current is null ? null : await ItemAsync(current, cancellationToken);
    }

    /// <summary>Documents whose preview differs from the live site (pending edition, or never live).</summary>
    public Task<IReadOnlyList<PreviewDocument>> DraftsAsync(CancellationToken cancellationToken) => queries.DraftsAsync(cancellationToken);

    public async Task<DeliveryItem?> ItemAsync(PreviewDocument document, CancellationToken cancellationToken)
    {
        var segments = new List<string>();
        PreviewDocument? root = null;
        foreach (var ancestorKey in document.AncestorKeys)
        {
            var ancestor = await queries.FindAsync(ancestorKey, cancellationToken);
            if (ancestor is null)
            {
                return null;
            }

            if (root is null)
            {
                root = ancestor;
            }
            else
            {
                segments.Add(ancestor.Node.UrlSegment);
            }
        }

        if (root is not null)
        {
            segments.Add(document.Node.UrlSegment);
        }

        var start = root ?? document;
        var route = new ItemRoute("/" + string.Concat(segments.Select(s => s + "/")), start.Node.Key, start.Node.UrlSegment);
        var edition = document.Edition;
        var content = new PublishedContent(document.Node.Key, edition.Number, edition.Name, edition.Values, edition.UpdatedAt, edition.PublishedAt);
        return new DeliveryItem(document.Node, content, route);
    }
}
