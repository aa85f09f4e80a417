using Portal.Core.Events;
using Portal.Data.Webhooks;
using Portal.Infrastructure.Outbox;

namespace Portal.Infrastructure.Webhooks;

/// <summary>
/// Turns committed content events into queued webhook requests, one per subscribed webhook. Durable: its outbox cursor
/// is stored, so no event is missed across a restart, and only the node holding the durable-outbox lease runs it.
/// </summary>
/// <remarks>
/// After a crash between writing the rows and the dispatcher saving its cursor an event is seen again and queued
/// twice. That is accepted rather than prevented: the consumer is not told the outbox id it could deduplicate on, and
/// receivers must be idempotent anyway, because a request that times out after the receiver acted is retried (as in
/// Umbraco).
/// </remarks>
public sealed class WebhookEnqueuer(WebhookRegistry registry, WebhookPayloads payloads, WebhookDeliveryStore store, TimeProvider clock)
    : IContentEventConsumer
{
    public string Name => "webhooks";

    public ConsumerScope Scope => ConsumerScope.Durable;

    public async Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken)
    {
        if (!registry.Settings.Enabled)
        {
            return;
        }

        switch (contentEvent)
        {
            case EditionPublished published:
                await PublishedAsync(published, cancellationToken);
                break;
            case EditionUnpublished unpublished:
                await EnqueueAsync(WebhookEvents.ContentUnpublish, unpublished.ContentTypeAlias, [unpublished.DocumentKey], cancellationToken);
                break;
            case DocumentDeleted deleted:
                // The filter sees the deleted root's type only: the event does not say what type each descendant was.
                await EnqueueAsync(WebhookEvents.ContentDelete, deleted.ContentTypeAlias, deleted.DeletedKeys, cancellationToken);
                break;
        }
    }

    private async Task PublishedAsync(EditionPublished published, CancellationToken cancellationToken)
    {
        var subscribers = await registry.SubscribersAsync(WebhookEvents.ContentPublish, published.ContentTypeAlias, cancellationToken);
        if (subscribers.Count == 0)
        {
            return;
        }

        var payload = await payloads.PublishedAsync(published, cancellationToken);
        switch (payload.Status)
        {
            case WebhookPayloadStatus.NotCaughtUp:
                throw new ConsumerNotReadyException($"The route tree has not applied edition {published.EditionNumber} of {published.DocumentKey} yet.");
            case WebhookPayloadStatus.NotLive:
                // Gone down again before the event was handled; its ContentUnpublish (or ContentDelete) follows.
                return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await store.AddAsync(
            subscribers.Select(w => new WebhookDelivery(w.Key, WebhookEvents.ContentPublish, published.DocumentKey, w.Url, payload.Json!, now)).ToList(),
            cancellationToken);
    }

    private async Task EnqueueAsync(string eventAlias, string contentTypeAlias, IReadOnlyList<Guid> documentKeys, CancellationToken cancellationToken)
    {
        var subscribers = await registry.SubscribersAsync(eventAlias, contentTypeAlias, cancellationToken);
        if (subscribers.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var deliveries = (
            from key in documentKeys
            from webhook in subscribers
            select new WebhookDelivery(webhook.Key, eventAlias, key, webhook.Url, WebhookPayloads.Id(key), now)).ToList();
        await store.AddAsync(deliveries, cancellationToken);
    }
}
