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
    DateTime UpdatedAt,
    Guid? UnitKey);

public sealed record EditionRow(Guid DocumentKey, int Number, EditionStatus Status, string Name, string UrlSegment,
    IReadOnlyDictionary<string, string> Values, DateTime CreatedAt, DateTime UpdatedAt, DateTime? PublishedAt, string? PublishedBy);

public sealed class PublishedContentQueries(IDbContextFactory<PortalDbContext> contexts)
{
    /// <summary>
    /// Every live document, read with a plain data reader: at start-up this is 100,000 rows on a large site,
    /// and EF's materialiser costs three times the query itself. Same SQL on SQLite and PostgreSQL.
    /// </summary>
    public async Task<List<PublishedNode>> LiveNodesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = LiveNodesSql;
        var status = command.CreateParameter();
        status.ParameterName = "status";
        status.Value = nameof(EditionStatus.Published);
        command.Parameters.Add(status);
        var nodes = new List<PublishedNode>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            nodes.Add(new PublishedNode(
                reader.GetGuid(0),
                reader.IsDBNull(1) ? null : reader.GetGuid(1),
                reader.GetString(2),
                reader.GetInt32(3),
                reader.GetInt32(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetInt32(7),
                Utc(reader.GetDateTime(8)),
                Utc(reader.IsDBNull(9) ? reader.GetDateTime(10) : reader.GetDateTime(9)),
                reader.IsDBNull(11) ? null : reader.GetGuid(11)));
        }

        return nodes;
    }

    private const string LiveNodesSql = """
        SELECT d."Key", d."ParentKey", d."ContentTypeAlias", d."Level", d."SortOrder", e."Name", e."UrlSegment", e."Number",
               d."CreatedAt", e."PublishedAt", d."UpdatedAt", e."UnitKey"
        FROM "Editions" AS e
        INNER JOIN "Documents" AS d ON d."Key" = e."DocumentKey"
        WHERE e."Status" = @status AND NOT d."Trashed"
        """;

    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);

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

    /// <summary>When each edition of a document went live, oldest first: the page's public update history.</summary>
    public async Task<List<DateTime>> PublicationHistoryAsync(Guid documentKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Editions.AsNoTracking()
            .Where(e => e.DocumentKey == documentKey && e.PublishedAt != null
                && (e.Status == EditionStatus.Published || e.Status == EditionStatus.Superseded))
            .OrderBy(e => e.Number)
            .Select(e => e.PublishedAt!.Value)
            .ToListAsync(cancellationToken);
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
            d.CreatedAt, e.PublishedAt ?? d.UpdatedAt, e.UnitKey);
}
