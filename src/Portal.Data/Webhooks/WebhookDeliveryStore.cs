using Microsoft.EntityFrameworkCore;

namespace Portal.Data.Webhooks;

public sealed class WebhookDeliveryStore(IDbContextFactory<PortalDbContext> contexts)
{
    public async Task AddAsync(IReadOnlyCollection<WebhookDelivery> deliveries, CancellationToken cancellationToken)
    {
        if (deliveries.Count == 0)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.WebhookDeliveries.AddRange(deliveries);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Pending deliveries whose time has come, oldest first.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> DueAsync(DateTime now, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.State == WebhookDeliveryState.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The webhook log: the newest deliveries, of one webhook or of all.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> RecentAsync(Guid? webhookKey, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var deliveries = db.WebhookDeliveries.AsNoTracking();
        if (webhookKey is { } key)
        {
            deliveries = deliveries.Where(d => d.WebhookKey == key);
        }

        return await deliveries.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>Writes the outcome of an attempt (a delivery read by <see cref="DueAsync"/> and then marked).</summary>
    public async Task SaveAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.WebhookDeliveries.Update(delivery);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The webhook log cleanup: removes delivered and failed rows created before <paramref name="cutoff"/>; pending ones stay.</summary>
    public async Task<int> DeleteCompletedBeforeAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WebhookDeliveries
            .Where(d => d.State != WebhookDeliveryState.Pending && d.CreatedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
