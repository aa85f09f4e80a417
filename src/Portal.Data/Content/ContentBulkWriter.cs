using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Events;
using Portal.Data.Outbox;

namespace Portal.Data.Content;

/// <summary>
/// Writes many already-validated documents in batches (synthetic seed for benchmarks). Each batch is one
/// transaction with its timeline entries; a single bulk event tells consumers to reload.
/// </summary>
public sealed class ContentBulkWriter(IDbContextFactory<PortalDbContext> contexts, IOutboxSignal signal, TimeProvider clock)
{
    public async Task WriteAsync(IEnumerable<(Document Document, TimelineEntry[] Timeline)> items, int batchSize, CancellationToken cancellationToken)
    {
        var total = 0;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var inBatch = 0;
        foreach (var (document, timeline) in items)
        {
            db.Documents.Add(document);
            foreach (var edition in document.Editions)
            {
                db.Entry(edition).State = EntityState.Added;
            }

            db.Timeline.AddRange(timeline);
            inBatch++;
            total++;
            if (inBatch == batchSize)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                inBatch = 0;
            }
        }

        db.Outbox.Add(OutboxSerializer.ToMessage(new ContentBulkLoaded(Guid.Empty, total), clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        await signal.CommittedAsync(cancellationToken);
    }
}
