using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;

namespace Portal.Data.Search;

/// <summary>
/// The edition an index holds for one document: the published one (site search) or the newest the editors work on,
/// draft or published (backoffice search). <see cref="Published"/>: whether the document has a published edition.
/// </summary>
public sealed record SearchSourceRow(Guid Key, string Path, string ContentTypeAlias, string Name, IReadOnlyDictionary<string, string> Values,
    DateTime CreatedAt, Guid? UnitKey, bool Published);

/// <summary>One document's edition for the backoffice index (<see cref="Working"/>) and for the site (<see cref="Published"/>, when it has one).</summary>
public sealed record SearchSourceEditions(SearchSourceRow Working, SearchSourceRow? Published)
{
    /// <summary>True when both are the same edition, so what is derived from one serves the other.</summary>
    public bool Same => ReferenceEquals(Working, Published);
}

/// <summary>What the search indexes are built from; rows stream, so a rebuild of 100,000 documents holds few in memory.</summary>
public sealed class SearchSourceQueries(IDbContextFactory<PortalDbContext> contexts)
{
    private static readonly EditionStatus[] WorkingStatuses = [EditionStatus.Draft, EditionStatus.InReview, EditionStatus.Scheduled, EditionStatus.Published];

    /// <summary>The published edition of every document not in the recycle bin (reachability is the route tree's call).</summary>
    public async IAsyncEnumerable<SearchSourceRow> PublishedAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = from e in db.Editions.AsNoTracking()
            join d in db.Documents.AsNoTracking() on e.DocumentKey equals d.Key
            where e.Status == EditionStatus.Published && !d.Trashed
            select new SearchSourceRow(d.Key, d.Path, d.ContentTypeAlias, e.Name, e.Values, d.CreatedAt, e.UnitKey, true);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>
    /// For every document not in the recycle bin — or only the one at <paramref name="path"/>, or with
    /// <paramref name="subtree"/> that one and everything below it — its newest draft, in review, scheduled or published edition.
    /// </summary>
    public async IAsyncEnumerable<SearchSourceRow> WorkingAsync(string? path, bool subtree, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var editions in EditionsAsync(path, subtree, cancellationToken))
        {
            yield return editions.Working;
        }
    }

    /// <summary>
    /// For every document not in the recycle bin, in one read: the edition <see cref="WorkingAsync"/> gives and the
    /// published one <see cref="PublishedAsync"/> gives, so a full rebuild of both indexes reads the database once.
    /// </summary>
    public IAsyncEnumerable<SearchSourceEditions> EditionsAsync(CancellationToken cancellationToken) => EditionsAsync(null, subtree: true, cancellationToken);

    private async IAsyncEnumerable<SearchSourceEditions> EditionsAsync(string? path, bool subtree, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var documents = db.Documents.AsNoTracking().Where(d => !d.Trashed);
        if (path is not null)
        {
            documents = subtree ? documents.Where(d => d.Path.StartsWith(path)) : documents.Where(d => d.Path == path);
        }

        var rows = from e in db.Editions.AsNoTracking()
            join d in documents on e.DocumentKey equals d.Key
            where WorkingStatuses.Contains(e.Status)
            orderby d.CreatedAt, d.Key, e.Number
            select new { d.Key, d.Path, d.ContentTypeAlias, d.CreatedAt, e.Number, e.Status, e.Name, e.Values, e.UnitKey };

        // Rows come grouped by document, oldest edition first: the last one of a group is the newest. Documents come oldest
        // first, so a rebuilt index numbers them by age, as appending does afterwards: the newest matches of a broad search
        // (its first candidates) then lie together, and re-ranking them reads a few blocks of postings, not hundreds.
        SearchSourceRow? pending = null;
        SearchSourceRow? published = null;
        var newestPublished = false;
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (pending is not null && pending.Key != row.Key)
            {
                yield return Editions(pending, published, newestPublished);
                published = null;
            }

            pending = new SearchSourceRow(row.Key, row.Path, row.ContentTypeAlias, row.Name, row.Values, row.CreatedAt, row.UnitKey, false);
            newestPublished = row.Status == EditionStatus.Published;
            if (newestPublished)
            {
                published = pending with { Published = true };
            }
        }

        if (pending is not null)
        {
            yield return Editions(pending, published, newestPublished);
        }
    }

    /// <summary>The newest edition is the published one when no draft was saved after it: both indexes then hold the same row.</summary>
    private static SearchSourceEditions Editions(SearchSourceRow newest, SearchSourceRow? published, bool newestPublished) =>
        newestPublished && published is not null
            ? new SearchSourceEditions(published, published)
            : new SearchSourceEditions(newest with { Published = published is not null }, published);

    /// <summary>Documents the backoffice index should hold: every one outside the recycle bin with a live edition.</summary>
    public async Task<int> WorkingCountAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Documents.AsNoTracking()
            .Where(d => !d.Trashed && db.Editions.Any(e => e.DocumentKey == d.Key && WorkingStatuses.Contains(e.Status)))
            .CountAsync(cancellationToken);
    }

    public async Task<string?> PathAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Documents.AsNoTracking().Where(d => d.Key == key).Select(d => d.Path).FirstOrDefaultAsync(cancellationToken);
    }
}
