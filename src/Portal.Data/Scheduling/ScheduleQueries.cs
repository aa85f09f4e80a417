using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;

namespace Portal.Data.Scheduling;

/// <summary>How the scheduler keeps its promise, read from the database so every node reports the same.</summary>
public sealed class ScheduleQueries(IDbContextFactory<PortalDbContext> contexts)
{
    /// <summary>
    /// Scheduled publishes and unpublishes that fell due before <paramref name="dueBefore"/> and have not happened.
    /// Trashed pages are left out: trashing keeps an edition's schedule, but nothing will or should publish it.
    /// </summary>
    public async Task<OverdueSchedule> OverdueAsync(DateTime dueBefore, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var live = db.Documents.Where(d => !d.Trashed).Select(d => d.Key);
        var publishes = db.Editions.AsNoTracking()
            .Where(e => e.Status == EditionStatus.Scheduled && e.PublishAt < dueBefore && live.Contains(e.DocumentKey))
            .Select(e => new { e.DocumentKey, Due = e.PublishAt!.Value });
        var unpublishes = db.Editions.AsNoTracking()
            .Where(e => e.Status == EditionStatus.Published && e.UnpublishAt < dueBefore && live.Contains(e.DocumentKey))
            .Select(e => new { e.DocumentKey, Due = e.UnpublishAt!.Value });

        // Two small indexed reads each (Status+PublishAt, Status+UnpublishAt) rather than a UNION the providers translate differently.
        var count = await publishes.CountAsync(cancellationToken) + await unpublishes.CountAsync(cancellationToken);
        if (count == 0)
        {
            return new OverdueSchedule(0, null, null);
        }

        var oldestPublish = await publishes.OrderBy(e => e.Due).FirstOrDefaultAsync(cancellationToken);
        var oldestUnpublish = await unpublishes.OrderBy(e => e.Due).FirstOrDefaultAsync(cancellationToken);
        var oldest = new[] { oldestPublish, oldestUnpublish }.Where(o => o is not null).MinBy(o => o!.Due)!;
        return new OverdueSchedule(count, oldest.DocumentKey, oldest.Due);
    }
}

/// <summary>How many scheduled changes are late, and the one that has waited longest.</summary>
public sealed record OverdueSchedule(int Count, Guid? OldestDocumentKey, DateTime? OldestDueAt);
