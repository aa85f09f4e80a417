using Microsoft.EntityFrameworkCore;

namespace Portal.Data.Webhooks;

/// <summary>Reads the webhooks stored by the backoffice (its writes commit with their audit entries, in the backoffice).</summary>
public sealed class WebhookDefinitionStore(IDbContextFactory<PortalDbContext> contexts)
{
    /// <summary>
    /// Read on every event and every delivery attempt rather than cached: a change made on one node then applies on the
    /// node that sends, at once, and there are only ever a handful of rows.
    /// </summary>
    public async Task<IReadOnlyList<WebhookDefinition>> AllAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Webhooks.AsNoTracking().ToListAsync(cancellationToken);
    }
}
