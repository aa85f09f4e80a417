using System.Collections.Concurrent;
using Portal.Data.Leases;

namespace Portal.Infrastructure.Leases;

/// <summary>
/// This node's view of the cluster-wide leases. Each call renews (or tries to take) the lease in the database, except
/// that an answer less than <see cref="RecheckAfter"/> old is reused: the outbox dispatcher asks after every commit,
/// and a write per commit would buy nothing when the lease runs for tens of seconds.
/// </summary>
/// <remarks>
/// Expiry is computed from each node's own clock, so the nodes' clocks must agree to well within a lease's duration
/// (NTP does this by orders of magnitude).
/// </remarks>
public sealed class NodeLeases(LeaseStore store, INodeIdentity node, TimeProvider clock)
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (DateTimeOffset CheckedAt, bool Held)> answers = new(StringComparer.Ordinal);

    public string Holder => node.Id;

    /// <summary>True while this node holds <paramref name="name"/>; taking it when free or expired, renewing it for <paramref name="duration"/>.</summary>
    public async ValueTask<bool> HoldAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (answers.TryGetValue(name, out var last) && now >= last.CheckedAt && now - last.CheckedAt < RecheckAfter)
        {
            return last.Held;
        }

        var held = await store.TryAcquireAsync(name, node.Id, duration, cancellationToken);
        answers[name] = (now, held);
        return held;
    }

    /// <summary>Gives <paramref name="name"/> up (clean shutdown), so another node takes over at its next tick instead of at expiry.</summary>
    public async Task ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        answers.TryRemove(name, out _);
        await store.ReleaseAsync(name, node.Id, cancellationToken);
    }
}
