using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;

namespace Portal.Data.Content;

/// <summary>A document as an editor sees it in preview: its current edition (pending, else live, else the newest).</summary>
public sealed record PreviewDocument(PublishedNode Node, EditionRow Edition, IReadOnlyList<Guid> AncestorKeys);

/// <summary>
/// Reads documents that need not be live, for the Delivery API's preview mode. Preview is rare and keyed by
/// one document, so it goes to the database instead of keeping a second tree of drafts in memory.
/// </summary>
public sealed class PreviewContentQueries(IDbContextFactory<PortalDbContext> contexts)
{
    public async Task<PreviewDocument?> FindAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.AsNoTracking().Include(d => d.Editions)
            .FirstOrDefaultAsync(d => d.Key == key && !d.Trashed, cancellationToken);
        return document is null ? null : ToPreview(document);
    }

    /// <summary>
    /// Documents whose preview differs from the live site: a pending edition, or never live. Usually a handful,
    /// so preview lists are the live tree with these laid over it.
    /// </summary>
    public async Task<IReadOnlyList<PreviewDocument>> DraftsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking().Include(d => d.Editions)
            .Where(d => !d.Trashed && (d.Editions.Any(e => e.Status == EditionStatus.Draft || e.Status == EditionStatus.InReview
                || e.Status == EditionStatus.Scheduled) || !d.Editions.Any(e => e.Status == EditionStatus.Published)))
            .ToListAsync(cancellationToken);
        return documents.Select(ToPreview).ToList();
    }

    /// <summary>The non-trashed children of a parent (null: the roots) with their current editions, in sort order.</summary>
    public async Task<IReadOnlyList<PreviewDocument>> ChildrenAsync(Guid? parentKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking().Include(d => d.Editions)
            .Where(d => d.ParentKey == parentKey && !d.Trashed)
            .OrderBy(d => d.SortOrder)
            .ToListAsync(cancellationToken);
        return documents.Select(ToPreview).ToList();
    }

    private static PreviewDocument ToPreview(Document document)
    {
        var edition = document.Current;
        var node = new PublishedNode(document.Key, document.ParentKey, document.ContentTypeAlias, document.Level, document.SortOrder,
            edition.Name, edition.UrlSegment, edition.Number, document.CreatedAt, edition.UpdatedAt, edition.UnitKey);
        var row = new EditionRow(document.Key, edition.Number, edition.Status, edition.Name, edition.UrlSegment, edition.Values,
            edition.CreatedAt, edition.UpdatedAt, edition.PublishedAt, edition.PublishedBy);
        var ancestors = document.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(hex => Guid.ParseExact(hex, "N"))
            .Where(k => k != document.Key)
            .ToList();
        return new PreviewDocument(node, row, ancestors);
    }
}
