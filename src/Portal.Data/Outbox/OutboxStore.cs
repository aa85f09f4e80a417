using Microsoft.EntityFrameworkCore;

namespace Portal.Data.Outbox;

public sealed class OutboxStore(IDbContextFactory<PortalDbContext> contexts)
{
    public async Task<long> LastIdAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Outbox.MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
    }

    public async Task<IReadOnlyList<OutboxMessage>> ReadAfterAsync(long afterId, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Outbox.AsNoTracking().Where(m => m.Id > afterId).OrderBy(m => m.Id).Take(take).ToListAsync(cancellationToken);
    }

    public async Task<long?> CursorAsync(string consumer, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OutboxCursors.Where(c => c.Consumer == consumer).Select(c => (long?)c.LastMessageId).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task SaveCursorAsync(string consumer, long lastMessageId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cursor = await db.OutboxCursors.FirstOrDefaultAsync(c => c.Consumer == consumer, cancellationToken);
        if (cursor is null)
        {
            db.OutboxCursors.Add(new OutboxCursor(consumer, lastMessageId));
        }
        else if (cursor.LastMessageId < lastMessageId)
        {
            cursor.LastMessageId = lastMessageId;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
