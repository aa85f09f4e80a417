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
/// The webhooks, bound from <c>Portal:Webhooks:{n}</c> (the <c>Portal</c> section's <c>Webhooks</c> array). Read
/// through IOptionsMonitor, so a later backoffice can supply them from the database instead of configuration.
/// </summary>
public sealed class PortalWebhookOptions
{
    public List<WebhookDefinition> Webhooks { get; set; } = [];
}

public sealed class WebhookDefinition
{
    public Guid Key { get; set; }

    public string Url { get; set; } = string.Empty;

    /// <summary>Umbraco event aliases, e.g. <c>Umbraco.ContentPublish</c>.</summary>
    public List<string> Events { get; set; } = [];

    /// <summary>Content type aliases; empty means every type.</summary>
    public List<string> ContentTypes { get; set; } = [];

    /// <summary>When set, each request carries <c>X-Portal-Signature</c>, an HMAC-SHA256 of the body under this secret.</summary>
    public string? Secret { get; set; }

    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Enabled { get; set; } = true;
}

/// <summary>Not bound to configuration: tests shorten it.</summary>
public sealed class WebhookFiringOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
