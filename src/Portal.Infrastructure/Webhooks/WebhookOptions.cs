using Portal.Data.Webhooks;

namespace Portal.Infrastructure.Webhooks;

/// <summary><c>Umbraco:CMS:Webhook</c>, with Umbraco's names and defaults.</summary>
public sealed class WebhookSettings
{
    public const string Section = "Umbraco:CMS:Webhook";

    /// <summary>When false nothing is queued or sent (events are still consumed, so enabling later does not replay history).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Failed attempts retried after the first; the delivery fails for good after <c>1 + MaximumRetries</c> attempts.</summary>
    public int MaximumRetries { get; set; } = 5;

    /// <summary>The wait between a failed attempt and the next.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(10);

    public bool EnableLoggingCleanup { get; set; } = true;

    public int KeepLogsForDays { get; set; } = 30;
}

/// <summary>
/// The configured webhooks, bound from <c>Portal:Webhooks:{n}</c> (the <c>Portal</c> section's <c>Webhooks</c> array).
/// The backoffice's own are in the database; <see cref="WebhookRegistry"/> reads both.
/// </summary>
public sealed class PortalWebhookOptions
{
    public List<WebhookDefinition> Webhooks { get; set; } = [];
}

/// <summary>Not bound to configuration: tests shorten it.</summary>
public sealed class WebhookFiringOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
