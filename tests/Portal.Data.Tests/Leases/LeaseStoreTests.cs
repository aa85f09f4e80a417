using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Leases;
using Portal.Data.Tests.TestHost;

namespace Portal.Data.Tests.Leases;

/// <summary>LeaseStore: one holder at a time, renewal by the holder, take-over after expiry, and a single winner under contention.</summary>
public abstract class LeaseStoreTests : DatabaseSuite
{
    private const string LeaseName = "test-lease";
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TryAcquire_LeaseNeverTaken_AcquiredUntilNowPlusDuration()
    {
        await using var host = await StartAsync();
        var leases = host.Services.GetRequiredService<LeaseStore>();

        var acquired = await leases.TryAcquireAsync(LeaseName, "node-a", Duration, CancellationToken.None);

        Assert.True(acquired);
        var lease = await LoadAsync(host);
        Assert.Equal("node-a", lease.Holder);
        Assert.Equal(host.Now + Duration, lease.ExpiresAt);
    }

    [Fact]
    public async Task TryAcquire_HeldByAnotherAndNotExpired_RefusedAndHolderUnchanged()
    {
        await using var host = await StartAsync();
        var leases = host.Services.GetRequiredService<LeaseStore>();
        Assert.True(await leases.TryAcquireAsync(LeaseName, "node-a", Duration, CancellationToken.None));
        host.Clock.Advance(Duration - TimeSpan.FromSeconds(1));

        var acquired = await leases.TryAcquireAsync(LeaseName, "node-b", Duration, CancellationToken.None);

        Assert.False(acquired);
        Assert.Equal("node-a", (await LoadAsync(host)).Holder);
    }

    [Fact]
    public async Task TryAcquire_HeldByAnotherButExpired_TakenOver()
    {
        await using var host = await StartAsync();
        var leases = host.Services.GetRequiredService<LeaseStore>();
        Assert.True(await leases.TryAcquireAsync(LeaseName, "node-a", Duration, CancellationToken.None));
        host.Clock.Advance(Duration + TimeSpan.FromSeconds(1));

        var acquired = await leases.TryAcquireAsync(LeaseName, "node-b", Duration, CancellationToken.None);

        Assert.True(acquired);
        var lease = await LoadAsync(host);
        Assert.Equal("node-b", lease.Holder);
        Assert.Equal(host.Now + Duration, lease.ExpiresAt);
        Assert.False(await leases.TryAcquireAsync(LeaseName, "node-a", Duration, CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquire_HeldBySameHolder_RenewedWithLaterExpiry()
    {
        await using var host = await StartAsync();
        var leases = host.Services.GetRequiredService<LeaseStore>();
        Assert.True(await leases.TryAcquireAsync(LeaseName, "node-a", Duration, CancellationToken.None));
        host.Clock.Advance(TimeSpan.FromSeconds(20));

        var renewed = await leases.TryAcquireAsync(LeaseName, "node-a", Duration, CancellationToken.None);

        Assert.True(renewed);
        Assert.Equal(host.Now + Duration, (await LoadAsync(host)).ExpiresAt);

        // Without the renewal the lease would have run out 30 s after the first acquisition.
        host.Clock.Advance(TimeSpan.FromSeconds(15));
        Assert.False(await leases.TryAcquireAsync(LeaseName, "node-b", Duration, CancellationToken.None));
    }

    [Fact]
    public async Task Release_ByHolder_AnotherNodeTakesItAtOnce()
    {
        await using var host = await StartAsync();
        var leases = host.Services.GetRequiredService<LeaseStore>();
        Assert.True(await leases.TryAcquireAsync(LeaseName, "node-a", Duration, CancellationToken.None));

        await leases.ReleaseAsync(LeaseName, "node-b", CancellationToken.None);
        Assert.Equal("node-a", await leases.HolderAsync(LeaseName, CancellationToken.None));
        await leases.ReleaseAsync(LeaseName, "node-a", CancellationToken.None);

        Assert.True(await leases.TryAcquireAsync(LeaseName, "node-b", Duration, CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquire_ManyNodesAtOnceOnFreeLease_ExactlyOneWins()
    {
        await using var host = await StartAsync();
        var leases = host.Services.GetRequiredService<LeaseStore>();

        var results = await RaceAsync(leases, 8);

        var winner = Assert.Single(results, r => r.Acquired);
        Assert.Equal(winner.Holder, (await LoadAsync(host)).Holder);
    }

    [Fact]
    public async Task TryAcquire_ManyNodesAtOnceOnExpiredLease_ExactlyOneWins()
    {
        await using var host = await StartAsync();
        var leases = host.Services.GetRequiredService<LeaseStore>();
        Assert.True(await leases.TryAcquireAsync(LeaseName, "node-dead", Duration, CancellationToken.None));
        host.Clock.Advance(Duration + TimeSpan.FromSeconds(1));

        var results = await RaceAsync(leases, 8);

        var winner = Assert.Single(results, r => r.Acquired);
        Assert.Equal(winner.Holder, (await LoadAsync(host)).Holder);
    }

    /// <summary>Every contender waits at the same gate, so their statements reach the database together.</summary>
    private static async Task<(string Holder, bool Acquired)[]> RaceAsync(LeaseStore leases, int contenders)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, contenders).Select(i => Task.Run(async () =>
        {
            var holder = $"node-{i}";
            await gate.Task;
            return (holder, await leases.TryAcquireAsync(LeaseName, holder, Duration, CancellationToken.None));
        })).ToList();
        gate.SetResult();
        return await Task.WhenAll(attempts);
    }

    private static async Task<Lease> LoadAsync(PortalTestHost host)
    {
        await using var db = await host.NewContextAsync();
        return await db.Leases.AsNoTracking().SingleAsync(l => l.Name == LeaseName);
    }
}

public sealed class LeaseStoreTestsOnSqlite : LeaseStoreTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class LeaseStoreTestsOnPostgreSql : LeaseStoreTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
