using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;

namespace Portal.Data.Content;

/// <summary>One live document as the route tree needs it: no field values, so 100,000 of them stay small.</summary>
public sealed record PublishedNode(
    Guid Key,
    Guid? ParentKey,
    string ContentTypeAlias,
    int Level,
    int SortOrder,
    string Name,
    string UrlSegment,
    int EditionNumber,
    DateTime CreatedAt,
    DateTime UpdatedAt);

public sealed record EditionRow(Guid DocumentKey, int Number, EditionStatus Status, string Name, string UrlSegment,
    IReadOnlyDictionary<string, string> Values, DateTime CreatedAt, DateTime UpdatedAt, DateTime? PublishedAt, string? PublishedBy);

public sealed class PublishedContentQueries(IDbContextFactory<PortalDbContext> contexts)
{
    public async Task<List<PublishedNode>> LiveNodesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LiveQuery(db, db.Documents).ToListAsync(cancellationToken);
    }

    /// <summary>The live rows for a document and everything below it, after a move, trash or restore.</summary>
    public async Task<List<PublishedNode>> LiveSubtreeAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var path = await db.Documents.Where(d => d.Key == key).Select(d => d.Path).FirstOrDefaultAsync(cancellationToken);
        if (path is null)
        {
            return [];
        }

        return await LiveQuery(db, db.Documents.Where(d => d.Path.StartsWith(path))).ToListAsync(cancellationToken);
    }

    public async Task<PublishedNode?> LiveNodeAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LiveQuery(db, db.Documents.Where(d => d.Key == key)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<EditionRow?> EditionAsync(Guid documentKey, int number, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Editions.AsNoTracking()
            .Where(e => e.DocumentKey == documentKey && e.Number == number)
            .Select(e => new EditionRow(e.DocumentKey, e.Number, e.Status, e.Name, e.UrlSegment, e.Values, e.CreatedAt, e.UpdatedAt,
                e.PublishedAt, e.PublishedBy))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Filters go on <paramref name="documents"/>: after the projection into a record EF can no longer translate them.</summary>
    private static IQueryable<PublishedNode> LiveQuery(PortalDbContext db, IQueryable<Document> documents) =>
        from d in documents.AsNoTracking()
        join e in db.Editions.AsNoTracking() on d.Key equals e.DocumentKey
        where !d.Trashed && e.Status == EditionStatus.Published
        select new PublishedNode(d.Key, d.ParentKey, d.ContentTypeAlias, d.Level, d.SortOrder, e.Name, e.UrlSegment, e.Number,
            d.CreatedAt, e.PublishedAt ?? d.UpdatedAt);
}
