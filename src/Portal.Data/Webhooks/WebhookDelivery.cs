namespace Portal.Data.Webhooks;

public enum WebhookDeliveryState
{
    /// <summary>Waiting for its first attempt or for a retry at <see cref="WebhookDelivery.NextAttemptAt"/>.</summary>
    Pending = 0,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered = 1,

    /// <summary>Every retry was used up without a 2xx answer.</summary>
    Failed = 2,
}

/// <summary>
/// One request to one webhook for one event: the queue the firing job works through and, once completed, the
/// webhook log (kept <c>Umbraco:CMS:Webhook:KeepLogsForDays</c> days).
/// </summary>
public sealed class WebhookDelivery
{
    public const int EventAliasMaxLength = 100;
    public const int UrlMaxLength = 2000;
    public const int LastErrorMaxLength = 2000;

    private WebhookDelivery()
    {
        EventAlias = string.Empty;
        Url = string.Empty;
        Payload = string.Empty;
    }

    public WebhookDelivery(Guid webhookKey, string eventAlias, Guid? documentKey, string url, string payload, DateTime createdAt)
    {
        WebhookKey = webhookKey;
        EventAlias = eventAlias;
        DocumentKey = documentKey;
        Url = url;
        Payload = payload;
        State = WebhookDeliveryState.Pending;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    public long Id { get; private set; }

    public Guid WebhookKey { get; private set; }

    /// <summary>Umbraco's event alias, sent as <c>umb-webhook-event</c>.</summary>
    public string EventAlias { get; private set; }

    public Guid? DocumentKey { get; private set; }

    /// <summary>Where the last attempt went (the webhook's URL at that time: a corrected URL applies to pending retries too).</summary>
    public string Url { get; private set; }

    /// <summary>The JSON body, fixed when the event was queued so that every retry sends the same bytes.</summary>
    public string Payload { get; private set; }

    /// <summary>Failed attempts so far; sent as <c>umb-webhook-retrycount</c>.</summary>
    public int Attempts { get; private set; }

    public WebhookDeliveryState State { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public void SendTo(string url) => Url = url;

    public void MarkDelivered(int statusCode, DateTime now)
    {
        State = WebhookDeliveryState.Delivered;
        LastStatusCode = statusCode;
        LastError = null;
        CompletedAt = now;
    }

    /// <summary>Gives up without an attempt, e.g. because its webhook was removed or disabled.</summary>
    public void Abandon(string reason, DateTime now)
    {
        State = WebhookDeliveryState.Failed;
        LastError = Truncate(reason);
        CompletedAt = now;
    }

    /// <summary>Counts a failed attempt: retried after <paramref name="retryAfter"/> until more than <paramref name="maximumRetries"/> have failed.</summary>
    public void MarkAttemptFailed(int? statusCode, string error, int maximumRetries, TimeSpan retryAfter, DateTime now)
    {
        Attempts++;
        LastStatusCode = statusCode;
        LastError = Truncate(error);
        if (Attempts > maximumRetries)
        {
            State = WebhookDeliveryState.Failed;
            CompletedAt = now;
        }
        else
        {
            NextAttemptAt = now + retryAfter;
        }
    }

    private static string Truncate(string error) => error.Length > LastErrorMaxLength ? error[..LastErrorMaxLength] : error;
}
