using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Data;

namespace Portal.Web.Features.Management.Documents;

/// <summary>One row of the document tree: where the node sits, and the name and state its editor sees.</summary>
internal sealed record TreeNode(Guid Key, Guid? ParentKey, string Path, int Level, int SortOrder, string ContentTypeAlias, DateTime CreatedAt,
    bool HasChildren, string Name, bool HasLive, bool HasPending);

/// <summary>
/// The Management API's reads. Unlike the Delivery API's preview they include trashed documents (the backoffice shows
/// them with <c>isTrashed</c>), and tree rows are projected so a parent with thousands of children reads no field values.
/// </summary>
internal sealed class DocumentQueries(IDbContextFactory<PortalDbContext> contexts)
{
    private sealed record EditionHead(int Number, EditionStatus Status, string Name);

    /// <summary>The document with all its editions, untracked.</summary>
    public async Task<Document?> FindAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Documents.AsNoTracking().Include(d => d.Editions).AsSplitQuery()
            .FirstOrDefaultAsync(d => d.Key == key, cancellationToken);
    }

    /// <summary>The non-trashed children of these parents with all their editions, untracked, in sort order (one read for all parents).</summary>
    public async Task<IReadOnlyList<Document>> ChildrenWithEditionsAsync(IReadOnlyCollection<Guid> parentKeys, CancellationToken cancellationToken)
    {
        if (parentKeys.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Documents.AsNoTracking().Include(d => d.Editions).AsSplitQuery()
            .Where(d => d.ParentKey != null && parentKeys.Contains(d.ParentKey.Value) && !d.Trashed)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Key)
            .ToListAsync(cancellationToken);
    }

    public async Task<string?> ContentTypeOfAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Documents.Where(d => d.Key == key).Select(d => d.ContentTypeAlias).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The non-trashed children of a parent (null: the top level), in sort order.</summary>
    public async Task<IReadOnlyList<TreeNode>> ChildrenAsync(Guid? parentKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await TreeNodesAsync(db, db.Documents.Where(d => d.ParentKey == parentKey && !d.Trashed), cancellationToken);
    }

    /// <summary>The non-trashed documents among <paramref name="keys"/>, top-most first.</summary>
    public async Task<IReadOnlyList<TreeNode>> NodesAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var nodes = await TreeNodesAsync(db, db.Documents.Where(d => keys.Contains(d.Key) && !d.Trashed), cancellationToken);
        return nodes.OrderBy(n => n.Level).ThenBy(n => n.SortOrder).ToList();
    }

    /// <summary>The recycle bin: trashed documents whose parent is not trashed too (a trashed subtree shows as its top).</summary>
    public async Task<IReadOnlyList<TreeNode>> TrashedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await TreeNodesAsync(db, db.Documents.Where(d => d.Trashed
            && (d.ParentKey == null || !db.Documents.Any(p => p.Key == d.ParentKey && p.Trashed))), cancellationToken);
    }

    /// <summary>Which document and edition number an edition key (a Management API version id) names.</summary>
    public async Task<(Guid DocumentKey, int Number)?> EditionAsync(Guid editionKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var edition = await db.Editions.Where(e => e.Key == editionKey)
            .Select(e => new { e.DocumentKey, e.Number }).FirstOrDefaultAsync(cancellationToken);
        return edition is null ? null : (edition.DocumentKey, edition.Number);
    }

    /// <summary>Keys of the backoffice users with these sign-in names: editions remember who wrote them by name.</summary>
    public async Task<IReadOnlyDictionary<string, Guid>> UserKeysAsync(IReadOnlyCollection<string> userNames, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => u.UserName != null && userNames.Contains(u.UserName))
            .Select(u => new { u.UserName, u.Id }).ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.UserName!, u => u.Id, StringComparer.Ordinal);
    }

    private static async Task<IReadOnlyList<TreeNode>> TreeNodesAsync(PortalDbContext db, IQueryable<Document> documents,
        CancellationToken cancellationToken)
    {
        var rows = await documents.AsNoTracking()
            .OrderBy(d => d.SortOrder)
            .Select(d => new
            {
                d.Key,
                d.ParentKey,
                d.Path,
                d.Level,
                d.SortOrder,
                d.ContentTypeAlias,
                d.CreatedAt,
                HasChildren = db.Documents.Any(c => c.ParentKey == d.Key && !c.Trashed),
                Editions = d.Editions.Select(e => new EditionHead(e.Number, e.Status, e.Name)).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            var pending = r.Editions.Find(e => e.Status.IsPending());
            var live = r.Editions.Find(e => e.Status == EditionStatus.Published);
            var shown = pending ?? live ?? r.Editions.MaxBy(e => e.Number);
            return new TreeNode(r.Key, r.ParentKey, r.Path, r.Level, r.SortOrder, r.ContentTypeAlias, r.CreatedAt, r.HasChildren,
                shown?.Name ?? string.Empty, live is not null, pending is not null);
        }).ToList();
    }
}
