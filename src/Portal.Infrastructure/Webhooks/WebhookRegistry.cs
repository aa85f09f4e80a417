using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Data.Webhooks;

namespace Portal.Infrastructure.Webhooks;

/// <summary>
/// The current settings and webhooks (configured ones and those stored by the backoffice), with the rules for which
/// webhook wants which event.
/// </summary>
public sealed partial class WebhookRegistry(IOptionsMonitor<WebhookSettings> settings, IOptionsMonitor<PortalWebhookOptions> webhooks,
    WebhookDefinitionStore store, ILogger<WebhookRegistry> logger)
{
    public WebhookSettings Settings => settings.CurrentValue;

    /// <summary>The webhooks of <c>Portal:Webhooks</c>, as configured (the backoffice shows them but cannot change them).</summary>
    public IReadOnlyList<WebhookDefinition> Configured => webhooks.CurrentValue.Webhooks;

    /// <summary>Enabled, well-formed webhooks subscribed to <paramref name="eventAlias"/> whose filter lets <paramref name="contentTypeAlias"/> through.</summary>
    public async Task<IReadOnlyList<WebhookDefinition>> SubscribersAsync(string eventAlias, string contentTypeAlias, CancellationToken cancellationToken) =>
        (await UsableAsync(cancellationToken))
            .Where(w => w.Events.Contains(eventAlias, StringComparer.OrdinalIgnoreCase)
                && (w.ContentTypes.Count == 0 || w.ContentTypes.Contains(contentTypeAlias, StringComparer.OrdinalIgnoreCase)))
            .ToList();

    /// <summary>The webhook as it is now (its URL, secret and headers apply to retries too); null when removed or disabled.</summary>
    public async Task<WebhookDefinition?> FindAsync(Guid key, CancellationToken cancellationToken) =>
        (await UsableAsync(cancellationToken)).FirstOrDefault(w => w.Key == key);

    private async Task<IEnumerable<WebhookDefinition>> UsableAsync(CancellationToken cancellationToken) =>
        Usable(Configured.Concat(await store.AllAsync(cancellationToken)));

    private IEnumerable<WebhookDefinition> Usable(IEnumerable<WebhookDefinition> all)
    {
        foreach (var webhook in all)
        {
            if (!webhook.Enabled)
            {
                continue;
            }

            if (webhook.Key == Guid.Empty || !WebhookDefinition.IsUsableUrl(webhook.Url))
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
