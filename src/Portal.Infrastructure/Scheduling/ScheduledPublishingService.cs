using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Core.Workflow;

namespace Portal.Infrastructure.Scheduling;

/// <summary>
/// Publishes and unpublishes on schedule. Optimistic concurrency makes a double run harmless; the
/// single-node lease comes with the workflow issue.
/// </summary>
public sealed partial class ScheduledPublishingService(ContentPublishing publishing, TimeProvider clock, ILogger<ScheduledPublishingService> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await publishing.RunDueScheduleAsync(stoppingToken);
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
