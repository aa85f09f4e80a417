using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Workflow;
using Portal.Infrastructure.Leases;

namespace Portal.Infrastructure.Scheduling;

/// <summary><c>Portal:Scheduler</c>, and the promise the scheduler keeps.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Portal:Scheduler";

    /// <summary>A due publish or unpublish happens at most this late; <c>/healthz</c> reports every one that is later.</summary>
    public static readonly TimeSpan Promise = TimeSpan.FromSeconds(60);

    /// <summary>Half the promise: an item falling due just after a tick waits one interval, and the run itself must fit in the rest.</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(30);

    public TimeSpan Interval { get; set; } = MaxInterval;

    public bool IsValid => Interval > TimeSpan.Zero && Interval <= MaxInterval;
}

/// <summary>
/// Publishes and unpublishes on schedule, on the one node that holds the <c>scheduler</c> lease (Umbraco's
/// SchedulingPublisher role). Optimistic concurrency would already make a double run harmless; the lease saves the
/// duplicated reads and the concurrency failures of every node racing for the same due editions.
/// </summary>
public sealed partial class ScheduledPublishingService(ContentPublishing publishing, NodeLeases leases, IOptions<SchedulerOptions> options,
    TimeProvider clock, ILogger<ScheduledPublishingService> logger) : BackgroundService
{
    public const string LeaseName = "scheduler";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;

        // Renewed once per interval, so it must outlast a few intervals; a dead holder is replaced within three.
        var leaseDuration = interval * 3;
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (await leases.HoldAsync(LeaseName, leaseDuration, stoppingToken))
                    {
                        await publishing.RunDueScheduleAsync(stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRunFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await ReleaseAsync();
            throw;
        }
    }

    /// <summary>On a clean shutdown (a rolling deploy) another node takes over at its next tick, well inside the promise, not at expiry.</summary>
    private async Task ReleaseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await leases.ReleaseAsync(LeaseName, timeout.Token);
        }
        catch (Exception ex)
        {
            // Best effort: the lease expires by itself.
            LogReleaseFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled publishing run failed; it runs again at the next tick")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Releasing the scheduler lease at shutdown failed; it expires by itself")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
}
