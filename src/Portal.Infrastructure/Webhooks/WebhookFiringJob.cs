using Microsoft.Extensions.Logging;
using Portal.Data.Webhooks;

namespace Portal.Infrastructure.Webhooks;

/// <summary>The work of one <see cref="WebhookFiring"/> tick: send what is due, and now and then clear old log rows.</summary>
public sealed partial class WebhookFiringJob(WebhookDeliveryStore store, WebhookSender sender, WebhookRegistry registry, TimeProvider clock,
    ILogger<WebhookFiringJob> logger)
{
    /// <summary>At most this many per tick, so a long backlog cannot hold the tick (and the lease renewal) for long.</summary>
    public const int BatchSize = 100;
    private const int Parallelism = 8;
    private static readonly TimeSpan CleanupEvery = TimeSpan.FromHours(1);
    private DateTimeOffset? lastCleanup;

    public WebhookSettings Settings => registry.Settings;

    /// <summary>Sends due pending deliveries in parallel (a slow receiver must not hold up the others); returns how many were attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var due = await store.DueAsync(clock.GetUtcNow().UtcDateTime, BatchSize, cancellationToken);
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (delivery, token) =>
            {
                await sender.AttemptAsync(delivery, token);
                await store.SaveAsync(delivery, token);
                Log(delivery);
            });
        return due.Count;
    }

    /// <summary>Deletes delivered and failed rows older than KeepLogsForDays, at most once an hour; returns how many went.</summary>
    public async Task<int> CleanupIfDueAsync(CancellationToken cancellationToken)
    {
        var settings = registry.Settings;
        var now = clock.GetUtcNow();
        if (!settings.EnableLoggingCleanup || (lastCleanup is { } last && now >= last && now - last < CleanupEvery))
        {
            return 0;
        }

        var removed = await store.DeleteCompletedBeforeAsync((now - TimeSpan.FromDays(settings.KeepLogsForDays)).UtcDateTime, cancellationToken);
        lastCleanup = now;
        if (removed > 0)
        {
            LogCleaned(logger, removed, settings.KeepLogsForDays);
        }

        return removed;
    }

    private void Log(WebhookDelivery delivery)
    {
        switch (delivery.State)
        {
            case WebhookDeliveryState.Delivered:
                LogDelivered(logger, delivery.Id, delivery.EventAlias, delivery.WebhookKey, delivery.LastStatusCode);
                break;
            case WebhookDeliveryState.Failed:
                LogFailed(logger, delivery.Id, delivery.EventAlias, delivery.WebhookKey, delivery.Attempts, delivery.LastError);
                break;
            default:
                LogRetrying(logger, delivery.Id, delivery.EventAlias, delivery.WebhookKey, delivery.Attempts, delivery.LastError, delivery.NextAttemptAt);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook delivery {DeliveryId} ({EventAlias}) to {WebhookKey} delivered: HTTP {StatusCode}")]
    private static partial void LogDelivered(ILogger logger, long deliveryId, string eventAlias, Guid webhookKey, int? statusCode);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Webhook delivery {DeliveryId} ({EventAlias}) to {WebhookKey} failed (attempt {Attempts}): {Error}; next attempt at {NextAttemptAt:o}")]
    private static partial void LogRetrying(ILogger logger, long deliveryId, string eventAlias, Guid webhookKey, int attempts, string? error,
        DateTime nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} ({EventAlias}) to {WebhookKey} given up after {Attempts} failed attempts: {Error}")]
    private static partial void LogFailed(ILogger logger, long deliveryId, string eventAlias, Guid webhookKey, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook log cleanup removed {Count} deliveries older than {Days} days")]
    private static partial void LogCleaned(ILogger logger, int count, int days);
}
