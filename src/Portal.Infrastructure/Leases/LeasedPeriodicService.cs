using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Portal.Infrastructure.Leases;

/// <summary>
/// A periodic job that runs on one node at a time: each tick renews (or takes) the named lease and runs only while
/// holding it. A dead holder is replaced within three intervals; a clean shutdown releases the lease so another node
/// takes over at its next tick.
/// </summary>
public abstract partial class LeasedPeriodicService(NodeLeases leases, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract string Lease { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>Renewed once per tick, so it must outlast a few ticks; a dead holder is replaced within three.</summary>
    protected virtual TimeSpan LeaseDuration => Interval * 3;

    protected NodeLeases Leases => leases;

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>One tick: the job runs while this node holds the lease. A job that may decide first that it has nothing to do overrides it.</summary>
    protected virtual async Task TickCoreAsync(CancellationToken cancellationToken)
    {
        if (await leases.HoldAsync(Lease, LeaseDuration, cancellationToken))
        {
            await RunOnceAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await TickCoreAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRunFailed(logger, Lease, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await ReleaseAsync();
            throw;
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await leases.ReleaseAsync(Lease, timeout.Token);
        }
        catch (Exception ex)
        {
            // Best effort: the lease expires by itself.
            LogReleaseFailed(logger, Lease, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Lease} run failed; it runs again at the next tick")]
    private static partial void LogRunFailed(ILogger logger, string lease, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Releasing the {Lease} lease at shutdown failed; it expires by itself")]
    private static partial void LogReleaseFailed(ILogger logger, string lease, Exception exception);
}
