using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Leases;

namespace Portal.Infrastructure.Webhooks;

public enum WebhookTickOutcome
{
    Ran = 0,

    /// <summary>Another node holds the <c>webhooks</c> lease and does the sending.</summary>
    NotLeaseHolder = 1,

    /// <summary>Webhooks and the log cleanup are both switched off.</summary>
    Disabled = 2,
}

/// <summary>
/// Umbraco's recurring WebhookFiring job: sends queued deliveries and retries failed ones. Only the node holding the
/// <c>webhooks</c> lease fires (Umbraco fires only on its SchedulingPublisher server), so a request goes out once even
/// with several nodes; if that node dies, another takes over when the lease expires.
/// </summary>
public sealed partial class WebhookFiring(WebhookFiringJob job, NodeLeases leases, IOptions<WebhookFiringOptions> options, TimeProvider clock,
    ILogger<WebhookFiring> logger) : BackgroundService
{
    public const string LeaseName = "webhooks";
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    public async Task<WebhookTickOutcome> TickAsync(CancellationToken cancellationToken)
    {
        var settings = job.Settings;
        if (!settings.Enabled && !settings.EnableLoggingCleanup)
        {
            return WebhookTickOutcome.Disabled;
        }

        if (!await leases.HoldAsync(LeaseName, LeaseDuration, cancellationToken))
        {
            return WebhookTickOutcome.NotLeaseHolder;
        }

        if (settings.Enabled)
        {
            await job.SendDueAsync(cancellationToken);
        }

        await job.CleanupIfDueAsync(cancellationToken);
        return WebhookTickOutcome.Ran;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await TickAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogTickFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await ReleaseAsync();
            throw;
        }
    }

    /// <summary>On a clean shutdown another node can take over at its next tick rather than after the lease runs out.</summary>
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook firing failed; trying again at the next tick")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Releasing the webhooks lease at shutdown failed; it expires by itself")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
}
