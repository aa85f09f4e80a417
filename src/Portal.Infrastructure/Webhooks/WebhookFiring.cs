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
public sealed class WebhookFiring(WebhookFiringJob job, NodeLeases leases, IOptions<WebhookFiringOptions> options, TimeProvider clock,
    ILogger<WebhookFiring> logger) : LeasedPeriodicService(leases, clock, logger)
{
    public const string LeaseName = "webhooks";
    public static readonly TimeSpan FixedLeaseDuration = TimeSpan.FromSeconds(30);

    protected override string Lease => LeaseName;

    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override TimeSpan LeaseDuration => FixedLeaseDuration;

    public async Task<WebhookTickOutcome> TickAsync(CancellationToken cancellationToken)
    {
        var settings = job.Settings;
        if (!settings.Enabled && !settings.EnableLoggingCleanup)
        {
            return WebhookTickOutcome.Disabled;
        }

        if (!await Leases.HoldAsync(LeaseName, LeaseDuration, cancellationToken))
        {
            return WebhookTickOutcome.NotLeaseHolder;
        }

        await RunOnceAsync(cancellationToken);
        return WebhookTickOutcome.Ran;
    }

    /// <summary>Disabled webhooks never take the lease, so a node that has them on can.</summary>
    protected override Task TickCoreAsync(CancellationToken cancellationToken) => TickAsync(cancellationToken);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        if (job.Settings.Enabled)
        {
            await job.SendDueAsync(cancellationToken);
        }

        await job.CleanupIfDueAsync(cancellationToken);
    }
}
