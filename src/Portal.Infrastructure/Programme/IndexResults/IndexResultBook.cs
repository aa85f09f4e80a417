using Microsoft.EntityFrameworkCore;
using Portal.Core.Access;
using Portal.Core.Programme;
using Portal.Core.Text;
using Portal.Data;
using Portal.Data.Audit;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Infrastructure.Programme.IndexResults;

/// <summary>A unit that can be given a result: a live unit page.</summary>
public sealed record IndexResultUnit(Guid Key, string Name, string Url);

/// <summary>The figures of one result as the editor typed them (scope and index are fixed once entered).</summary>
public sealed record IndexResultFigures(int Year, decimal Score, decimal? MaxScore, int? Rank, int? RankOf, string? Source, string? Note);

/// <summary>
/// The reform-index results Sở Nội vụ enters from published decisions: read by the public pages, written from the
/// backoffice. Every change is checked against <see cref="ProgrammeAccess.CanEditIndexResults"/> and audited in the
/// same save, so the log never misses a figure that changed.
/// </summary>
public sealed class IndexResultBook(IDbContextFactory<PortalDbContext> contexts, PublishedRouteTree routes, TimeProvider clock)
{
    public const string UnitAlias = "unit";

    /// <summary>Every result of one index (or of all), oldest year first, the province before its units.</summary>
    public async Task<IReadOnlyList<IndexResult>> ListAsync(ReformIndex? index, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.IndexResults.AsNoTracking();
        if (index is { } only)
        {
            query = query.Where(r => r.Index == only);
        }

        return Ordered(await query.ToListAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<IndexResult>> ProvinceAsync(CancellationToken cancellationToken) => await ForUnitAsync(IndexResult.Province, cancellationToken);

    /// <summary>The results of one scope (a unit, or <see cref="IndexResult.Province"/>).</summary>
    public async Task<IReadOnlyList<IndexResult>> ForUnitAsync(Guid unitKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return Ordered(await db.IndexResults.AsNoTracking().Where(r => r.UnitKey == unitKey).ToListAsync(cancellationToken));
    }

    public async Task<IndexResult?> FindAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.IndexResults.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, cancellationToken);
    }

    /// <summary>
    /// Changes whenever a result is added, corrected or deleted: pages showing results add it to their validator, since the
    /// route tree's version (the rest of the validator) does not move when a figure does.
    /// </summary>
    public async Task<string> StampAsync(CancellationToken cancellationToken)
    {
        // A correction moves a version, an addition the count and the highest id, a deletion the count; the time covers the rest.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var all = await db.IndexResults.AsNoTracking().GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Id = g.Max(r => r.Id), Versions = g.Sum(r => r.Version), Latest = g.Max(r => r.UpdatedAt) })
            .FirstOrDefaultAsync(cancellationToken);
        return all is null
            ? "0"
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{all.Count:x}.{all.Id:x}.{all.Versions:x}.{all.Latest.Ticks:x}");
    }

    /// <summary>The live unit pages, in Vietnamese order: the scopes a result can be entered for besides the province.</summary>
    public IReadOnlyList<IndexResultUnit> Units() => routes.Reachable()
        .Where(r => r.Node.ContentTypeAlias == UnitAlias)
        .Select(r => new IndexResultUnit(r.Node.Key, r.Node.Name, r.Url))
        .OrderBy(u => u.Name, VietnameseText.Order)
        .ToList();

    public async Task<(ProgrammeOperationStatus Status, IndexResult? Result)> CreateAsync(Actor actor, ReformIndex index, Guid unitKey,
        IndexResultFigures figures, CancellationToken cancellationToken)
    {
        if (!ProgrammeAccess.CanEditIndexResults(actor))
        {
            return (ProgrammeOperationStatus.NotAllowed, null);
        }

        string? unitName = null;
        if (unitKey != IndexResult.Province)
        {
            if (routes.Find(unitKey) is not { ContentTypeAlias: UnitAlias } unit)
            {
                return (ProgrammeOperationStatus.UnitNotFound, null);
            }

            unitName = unit.Name;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (status, result) = IndexResult.Create(index, figures.Year, unitKey, unitName, figures.Score, figures.MaxScore, figures.Rank,
            figures.RankOf, figures.Source, figures.Note, actor.Name, now);
        if (result is null)
        {
            return (status, null);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.IndexResults.AnyAsync(r => r.Index == index && r.Year == result.Year && r.UnitKey == unitKey, cancellationToken))
        {
            return (ProgrammeOperationStatus.DuplicateResult, null);
        }

        db.IndexResults.Add(result);
        db.AuditLog.Add(new AuditEntry(actor, AuditEntityTypes.IndexResult, result.Key, AuditActions.IndexResultCreated, now, result.Describe()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two editors entering the same figure at once: the unique index (Index, Year, UnitKey) keeps the first.
            if (await ExistsAsync(index, result.Year, unitKey, null, cancellationToken))
            {
                return (ProgrammeOperationStatus.DuplicateResult, null);
            }

            throw;
        }

        return (ProgrammeOperationStatus.Success, result);
    }

    /// <summary>Corrects the figures; <paramref name="expectedVersion"/> is the version the editor saw.</summary>
    public async Task<(ProgrammeOperationStatus Status, IndexResult? Result)> ChangeAsync(Actor actor, Guid key, int expectedVersion,
        IndexResultFigures figures, CancellationToken cancellationToken)
    {
        if (!ProgrammeAccess.CanEditIndexResults(actor))
        {
            return (ProgrammeOperationStatus.NotAllowed, null);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var result = await db.IndexResults.FirstOrDefaultAsync(r => r.Key == key, cancellationToken);
        if (result is null)
        {
            return (ProgrammeOperationStatus.ResultNotFound, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var status = result.Change(expectedVersion, figures.Year, figures.Score, figures.MaxScore ?? result.Index.DefaultMaximum(), figures.Rank,
            figures.RankOf, figures.Source, figures.Note, actor.Name, now);
        if (status != ProgrammeOperationStatus.Success)
        {
            return (status, null);
        }

        if (await db.IndexResults.AnyAsync(r => r.Key != key && r.Index == result.Index && r.Year == result.Year && r.UnitKey == result.UnitKey,
                cancellationToken))
        {
            return (ProgrammeOperationStatus.DuplicateResult, null);
        }

        db.AuditLog.Add(new AuditEntry(actor, AuditEntityTypes.IndexResult, result.Key, AuditActions.IndexResultChanged, now, result.Describe()));
        try
        {
            return (await SaveAsync(db, cancellationToken), result);
        }
        catch (DbUpdateException)
        {
            // Another editor moved a figure to the same year at once: the unique index keeps theirs.
            if (await ExistsAsync(result.Index, result.Year, result.UnitKey, key, cancellationToken))
            {
                return (ProgrammeOperationStatus.DuplicateResult, null);
            }

            throw;
        }
    }

    public async Task<ProgrammeOperationStatus> DeleteAsync(Actor actor, Guid key, int expectedVersion, CancellationToken cancellationToken)
    {
        if (!ProgrammeAccess.CanEditIndexResults(actor))
        {
            return ProgrammeOperationStatus.NotAllowed;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var result = await db.IndexResults.FirstOrDefaultAsync(r => r.Key == key, cancellationToken);
        if (result is null)
        {
            return ProgrammeOperationStatus.ResultNotFound;
        }

        if (result.Version != expectedVersion)
        {
            return ProgrammeOperationStatus.Stale;
        }

        db.IndexResults.Remove(result);
        db.AuditLog.Add(new AuditEntry(actor, AuditEntityTypes.IndexResult, result.Key, AuditActions.IndexResultDeleted,
            clock.GetUtcNow().UtcDateTime, result.Describe()));
        return await SaveAsync(db, cancellationToken);
    }

    /// <summary>The province's results of a first start, written once through the same Core verb (no audit: no person entered them).</summary>
    internal async Task SeedAsync(IEnumerable<(ReformIndex Index, int Year, decimal Score, int? Rank, int? RankOf, string Source, string? Note)> rows,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.IndexResults.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in rows)
        {
            var (_, result) = IndexResult.Create(row.Index, row.Year, IndexResult.Province, null, row.Score, null, row.Rank, row.RankOf, row.Source,
                row.Note, "seed", now);
            if (result is not null)
            {
                db.IndexResults.Add(result);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<ProgrammeOperationStatus> SaveAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ProgrammeOperationStatus.Success;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Version is the concurrency token: someone saved or deleted the result since it was read.
            return ProgrammeOperationStatus.Stale;
        }
    }

    /// <summary>Whether another result (not <paramref name="except"/>) holds this index, year and scope.</summary>
    private async Task<bool> ExistsAsync(ReformIndex index, int year, Guid unitKey, Guid? except, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.IndexResults.AnyAsync(r => r.Index == index && r.Year == year && r.UnitKey == unitKey && r.Key != except, cancellationToken);
    }

    private static List<IndexResult> Ordered(List<IndexResult> results) =>
        results.OrderBy(r => r.Index).ThenBy(r => r.Year).ThenBy(r => r.IsProvince ? 0 : 1).ThenBy(r => r.UnitName ?? string.Empty, VietnameseText.Order)
            .ToList();
}
