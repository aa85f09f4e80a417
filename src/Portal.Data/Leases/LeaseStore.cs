using Microsoft.EntityFrameworkCore;

namespace Portal.Data.Leases;

/// <summary>
/// Leases in the shared database. Every step is a single statement, so the database arbitrates between nodes: on
/// PostgreSQL a concurrent UPDATE of the same row waits for the first and re-checks its WHERE clause against the
/// committed row, and two INSERTs of the same name meet the primary key.
/// </summary>
public sealed class LeaseStore(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock)
{
    /// <summary>
    /// Takes <paramref name="name"/> for <paramref name="duration"/> when it is free, expired or already held by
    /// <paramref name="holder"/> (a renewal); false while another holder's lease runs.
    /// </summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        var now = clock.GetUtcNow().UtcDateTime;
        var expiresAt = now + duration;

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var taken = await db.Leases
                .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt <= now))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, expiresAt), cancellationToken);
            if (taken > 0)
            {
                return true;
            }

            // A live lease of someone else: answer without provoking a key violation (and its error log) on every tick.
            if (await db.Leases.AnyAsync(l => l.Name == name, cancellationToken))
            {
                return false;
            }
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.Leases.Add(new Lease(name, holder, expiresAt));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException)
            {
                // Provider-neutral test for the primary-key violation: if the row now exists, another node inserted it first.
                if (await HolderAsync(name, cancellationToken) is not { } current)
                {
                    throw;
                }

                return current == holder;
            }
        }
    }

    /// <summary>Gives the lease up at once (a clean shutdown), so another node need not wait for it to expire.</summary>
    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Leases.Where(l => l.Name == name && l.Holder == holder).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<string?> HolderAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Leases.AsNoTracking().Where(l => l.Name == name).Select(l => l.Holder).FirstOrDefaultAsync(cancellationToken);
    }
}
