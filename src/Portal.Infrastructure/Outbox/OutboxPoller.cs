using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Outbox;

public sealed class OutboxOptions
{
    /// <summary>How often a node looks for events it has not applied: other nodes' writes, or retries after a failure.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}

public sealed partial class OutboxPoller(OutboxDispatcher dispatcher, IOptions<OutboxOptions> options, TimeProvider clock,
    ILogger<OutboxPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await dispatcher.DispatchPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPollFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the outbox failed; trying again at the next tick")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
