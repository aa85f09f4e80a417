using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Core.Workflow;
using Portal.Infrastructure.Leases;

namespace Portal.Infrastructure.Scheduling;

/// <summary>
/// Publishes and unpublishes on schedule, on the one node that holds the <c>scheduler</c> lease (Umbraco's
/// SchedulingPublisher role). Optimistic concurrency would already make a double run harmless; the lease saves the
/// duplicated reads and the concurrency failures of every node racing for the same due editions.
/// </summary>
public sealed partial class ScheduledPublishingService(ContentPublishing publishing, NodeLeases leases, TimeProvider clock,
    ILogger<ScheduledPublishingService> logger) : BackgroundService
{
    public const string LeaseName = "scheduler";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    // Renewed once per interval, so it must outlast a few intervals; a dead holder is replaced within two minutes.
    private static readonly TimeSpan LeaseDuration = Interval * 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await leases.HoldAsync(LeaseName, LeaseDuration, stoppingToken))
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled publishing run failed; it runs again at the next tick")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
