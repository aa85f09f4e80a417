using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Events;
using Portal.Core.Workflow;
using Portal.Data.Outbox;

namespace Portal.Data.Content;

internal sealed class ContentSession(PortalDbContext db, IOutboxSignal signal, TimeProvider clock) : IContentSession
{
    private static readonly EditionStatus[] SegmentHolders =
        [EditionStatus.Draft, EditionStatus.InReview, EditionStatus.Scheduled, EditionStatus.Published];

    private bool raisedEvents;

    public Task<Document?> FindAsync(Guid key, CancellationToken cancellationToken) =>
        db.Documents.Include(d => d.Editions).FirstOrDefaultAsync(d => d.Key == key, cancellationToken);

    public async Task<IReadOnlyList<Document>> ChildrenAsync(Guid? parentKey, CancellationToken cancellationToken) =>
        await db.Documents.Include(d => d.Editions).Where(d => d.ParentKey == parentKey).OrderBy(d => d.SortOrder).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Document>> DescendantsAsync(Document ancestor, CancellationToken cancellationToken) =>
        await db.Documents.Include(d => d.Editions)
            .Where(d => d.Path.StartsWith(ancestor.Path) && d.Key != ancestor.Key)
            .OrderBy(d => d.Level).ThenBy(d => d.SortOrder)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlySet<string>> SegmentsInUseAsync(Guid? parentKey, Guid exceptDocument, CancellationToken cancellationToken)
    {
        var segments = await db.Editions
            .Where(e => SegmentHolders.Contains(e.Status) && e.DocumentKey != exceptDocument)
            .Join(db.Documents.Where(d => d.ParentKey == parentKey && !d.Trashed), e => e.DocumentKey, d => d.Key, (e, _) => e.UrlSegment)
            .Distinct()
            .ToListAsync(cancellationToken);

        // Documents created earlier in this session are not in the database yet.
        segments.AddRange(db.ChangeTracker.Entries<Document>()
            .Where(e => e.State == EntityState.Added && e.Entity.ParentKey == parentKey && e.Entity.Key != exceptDocument)
            .Select(e => e.Entity.Current.UrlSegment));
        return segments.ToHashSet(StringComparer.Ordinal);
    }

    public async Task<int> NextSortOrderAsync(Guid? parentKey, CancellationToken cancellationToken) =>
        (await db.Documents.Where(d => d.ParentKey == parentKey).MaxAsync(d => (int?)d.SortOrder, cancellationToken) ?? -1) + 1;

    public async Task<IReadOnlyList<Guid>> DueForScheduleAsync(DateTime now, CancellationToken cancellationToken) =>
        await db.Editions
            .Where(e => (e.Status == EditionStatus.Scheduled && e.PublishAt <= now)
                || (e.Status == EditionStatus.Published && e.UnpublishAt <= now))
            .Select(e => e.DocumentKey)
            .Distinct()
            .ToListAsync(cancellationToken);

    public void Add(Document document) => db.Documents.Add(document);

    public void Remove(Document document) => db.Documents.Remove(document);

    public void Record(TimelineEntry entry) => db.Timeline.Add(entry);

    public void Raise(ContentEvent contentEvent)
    {
        db.Outbox.Add(OutboxSerializer.ToMessage(contentEvent, clock.GetUtcNow().UtcDateTime));
        raisedEvents = true;
    }

    public async Task<bool> CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        catch (DbUpdateException)
        {
            // Two editors opened the same new edition number; the document's version shows the other one committed first.
            if (await AnotherWriterWonAsync(cancellationToken))
            {
                return false;
            }

            throw;
        }

        if (raisedEvents)
        {
            raisedEvents = false;
            await signal.CommittedAsync(cancellationToken);
        }

        return true;
    }

    private async Task<bool> AnotherWriterWonAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in db.ChangeTracker.Entries<Document>().Where(e => e.State == EntityState.Modified))
        {
            var original = entry.OriginalValues.GetValue<int>(nameof(Document.Version));
            var stored = await db.Documents.AsNoTracking().Where(d => d.Key == entry.Entity.Key)
                .Select(d => (int?)d.Version).FirstOrDefaultAsync(cancellationToken);
            if (stored != original)
            {
                return true;
            }
        }

        foreach (var entry in db.ChangeTracker.Entries<Document>().Where(e => e.State == EntityState.Added))
        {
            if (await db.Documents.AsNoTracking().AnyAsync(d => d.Key == entry.Entity.Key, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}

public sealed class ContentSessionFactory(IDbContextFactory<PortalDbContext> contexts, IOutboxSignal signal, TimeProvider clock)
    : IContentSessionFactory
{
    public IContentSession Open() => new ContentSession(contexts.CreateDbContext(), signal, clock);
}
