using Microsoft.EntityFrameworkCore;

namespace Portal.Data.Notifications;

/// <summary>Each backoffice user's in-app notifications: written by the approval notifier, read and ticked off by their owner.</summary>
public sealed class NotificationStore(IDbContextFactory<PortalDbContext> contexts)
{
    public async Task AddAsync(IReadOnlyCollection<Notification> notifications, CancellationToken cancellationToken)
    {
        if (notifications.Count == 0)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Notifications.AddRange(notifications);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Which of <paramref name="userKeys"/> already hold this exact notification. The text names the moment of the
    /// action it reports, so a match means the same event was handled before (a replay after a crash), not a new one.
    /// </summary>
    public async Task<IReadOnlySet<Guid>> AlreadyToldAsync(IReadOnlyCollection<Guid> userKeys, Guid? documentKey, string title, string body,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var told = await db.Notifications.AsNoTracking()
            .Where(n => userKeys.Contains(n.UserKey) && n.DocumentKey == documentKey && n.Title == title && n.Body == body)
            .Select(n => n.UserKey)
            .Distinct()
            .ToListAsync(cancellationToken);
        return told.ToHashSet();
    }

    /// <summary>The user's notifications, newest first.</summary>
    public async Task<NotificationPage> PageAsync(Guid userKey, int skip, int take, bool unreadOnly, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserKey == userKey && (!unreadOnly || n.ReadAt == null));
        var total = await mine.CountAsync(cancellationToken);

        // Ids grow with every insert, so they order by creation on both providers without comparing stored dates.
        var items = await mine.OrderByDescending(n => n.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return new NotificationPage(total, items);
    }

    /// <summary>Marks the notification read; false when it does not exist or belongs to someone else (the caller answers 404 for both).</summary>
    public async Task<bool> MarkReadAsync(Guid userKey, long id, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserKey == userKey, cancellationToken);
        if (notification is null)
        {
            return false;
        }

        notification.MarkRead(now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

public sealed record NotificationPage(int Total, IReadOnlyList<Notification> Items);
