using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Programme;
using Portal.Core.Text;

namespace Portal.Data.Programme;

/// <summary>An item's publications as the output report reads them: where it sits and when each edition went live.</summary>
public sealed record ItemPublication(Guid DocumentKey, string Path, Guid? UnitField, DateTime PublishedAtUtc);

/// <summary>A unit's forum figures for a year: questions assigned to it, and those answered by their deadline.</summary>
public sealed record UnitForumFigures(Guid UnitKey, int Received, int AnsweredInTime, int AnsweredLate, int Unanswered);

/// <summary>The reads behind programme tracking: units, first publications of items, forum and training figures.</summary>
public sealed class ProgrammeQueries(IDbContextFactory<PortalDbContext> contexts)
{
    public const string ItemAlias = "article";

    /// <summary>
    /// Every publication before <paramref name="beforeUtc"/> of an item (an article outside the recycle bin): the caller
    /// keeps each item's first one, so an item published again later still counts once, in its first month.
    /// </summary>
    public async Task<IReadOnlyList<ItemPublication>> ItemPublicationsAsync(DateTime beforeUtc, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Editions.AsNoTracking()
            .Where(e => e.PublishedAt != null && e.PublishedAt < beforeUtc)
            .Join(db.Documents.Where(d => d.ContentTypeAlias == ItemAlias && !d.Trashed), e => e.DocumentKey, d => d.Key,
                (e, d) => new ItemPublication(d.Key, d.Path, e.UnitKey, e.PublishedAt!.Value))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Each item's first publication, counted for the unit it belongs to (<see cref="UnitAttribution"/>).</summary>
    public static IEnumerable<UnitPublication> FirstPublications(IEnumerable<ItemPublication> publications, IReadOnlySet<Guid> unitKeys) =>
        publications.GroupBy(p => p.DocumentKey)
            .Select(g => g.MinBy(p => p.PublishedAtUtc)!)
            .Select(p => (p, unit: UnitAttribution.UnitOf(p.Path, p.UnitField, unitKeys)))
            .Where(x => x.unit is not null)
            .Select(x => new UnitPublication(x.unit!.Value, x.p.DocumentKey, x.p.PublishedAtUtc));

    /// <summary>Questions assigned to units in the Vietnam year, and whether their answer was approved by the deadline.</summary>
    public async Task<IReadOnlyDictionary<Guid, UnitForumFigures>> ForumFiguresAsync(int year, CancellationToken cancellationToken)
    {
        var start = VietnamTime.ToUtc(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
        var end = VietnamTime.ToUtc(new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ForumQuestions.AsNoTracking()
            .Where(q => q.AssignedUnitKey != null && q.AssignedAt >= start && q.AssignedAt < end)
            .Select(q => new { Unit = q.AssignedUnitKey!.Value, q.AnsweredAt, q.DueOn })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Unit).ToDictionary(g => g.Key, g =>
        {
            var inTime = g.Count(r => r.AnsweredAt is { } at && (r.DueOn is not { } due || DateOnly.FromDateTime(VietnamTime.FromUtc(at)) <= due));
            var answered = g.Count(r => r.AnsweredAt is not null);
            return new UnitForumFigures(g.Key, g.Count(), inTime, answered - inTime, g.Count() - answered);
        });
    }

    /// <summary>How many participants each unit registered for courses starting in the year (course keys given by the caller).</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> ParticipantsAsync(IReadOnlyCollection<Guid> courseKeys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.TrainingRegistrations.AsNoTracking().Where(r => courseKeys.Contains(r.CourseKey)).Select(r => r.UnitKey)
            .ToListAsync(cancellationToken);
        return rows.GroupBy(u => u).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>The documents among <paramref name="keys"/> that had an edition published in the window.</summary>
    public async Task<IReadOnlySet<Guid>> PublishedBetweenAsync(IReadOnlyCollection<Guid> keys, DateTime fromUtc, DateTime toUtc,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var published = await db.Editions.AsNoTracking()
            .Where(e => keys.Contains(e.DocumentKey) && e.PublishedAt >= fromUtc && e.PublishedAt < toUtc)
            .Select(e => e.DocumentKey).Distinct().ToListAsync(cancellationToken);
        return published.ToHashSet();
    }
}
