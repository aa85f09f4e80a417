using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Webhooks;

/// <summary>The current settings and webhooks, with the rules for which webhook wants which event.</summary>
public sealed partial class WebhookRegistry(IOptionsMonitor<WebhookSettings> settings, IOptionsMonitor<PortalWebhookOptions> webhooks,
    ILogger<WebhookRegistry> logger)
{
    public WebhookSettings Settings => settings.CurrentValue;

    /// <summary>Enabled, well-formed webhooks subscribed to <paramref name="eventAlias"/> whose filter lets <paramref name="contentTypeAlias"/> through.</summary>
    public IReadOnlyList<WebhookDefinition> Subscribers(string eventAlias, string contentTypeAlias) =>
        Usable().Where(w => w.Events.Contains(eventAlias, StringComparer.OrdinalIgnoreCase)
                && (w.ContentTypes.Count == 0 || w.ContentTypes.Contains(contentTypeAlias, StringComparer.OrdinalIgnoreCase)))
            .ToList();

    /// <summary>The webhook as configured now (its URL, secret and headers apply to retries too); null when removed or disabled.</summary>
    public WebhookDefinition? Find(Guid key) => Usable().FirstOrDefault(w => w.Key == key);

    private IEnumerable<WebhookDefinition> Usable()
    {
        foreach (var webhook in webhooks.CurrentValue.Webhooks)
        {
            if (!webhook.Enabled)
            {
                continue;
            }

            if (webhook.Key == Guid.Empty || !Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url)
                || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                // Loud on every use rather than once: a webhook that silently never fires is worse than a noisy log.
                LogUnusable(logger, webhook.Key, webhook.Url);
                continue;
            }

            yield return webhook;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookKey} is ignored: it needs a Key and an absolute http(s) Url (got {Url})")]
    private static partial void LogUnusable(ILogger logger, Guid webhookKey, string url);
}
