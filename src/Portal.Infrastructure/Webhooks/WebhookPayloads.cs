using System.Text.Json.Nodes;
using Portal.Core.Events;
using Portal.Data.Content;
using Portal.Infrastructure.Delivery;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Infrastructure.Webhooks;

public enum WebhookPayloadStatus
{
    Ready = 0,

    /// <summary>The document is no longer live (unpublished, trashed or deleted since): there is nothing to describe.</summary>
    NotLive = 1,

    /// <summary>The document is live in the database but this node's route tree has not applied the event yet.</summary>
    NotCaughtUp = 2,
}

public sealed record WebhookPayload(WebhookPayloadStatus Status, string? Json);

/// <summary>The request bodies of Umbraco's "Legacy" payload type, the default of v17.</summary>
public sealed class WebhookPayloads(DeliveryContentBuilder delivery, PublishedRouteTree routes, PublishedContentQueries queries)
{
    /// <summary>ContentPublish: the Delivery API content item, as Umbraco's ContentPublishedWebhookEvent sends it.</summary>
    public async Task<WebhookPayload> PublishedAsync(EditionPublished published, CancellationToken cancellationToken)
    {
        var key = published.DocumentKey;
        if (routes.Find(key) is { } node && node.EditionNumber >= published.EditionNumber)
        {
            var item = await delivery.BuildPublishedAsync(key, cancellationToken);
            return item is null ? new WebhookPayload(WebhookPayloadStatus.NotLive, null) : new WebhookPayload(WebhookPayloadStatus.Ready, item.ToJsonString(DeliveryContentBuilder.Json));
        }

        // The route tree is a node consumer fed just before the durable ones, so it lags only at start-up or when a
        // commit lands between the two; the database tells a lag apart from a page that has gone down since.
        var live = await queries.LiveNodeAsync(key, cancellationToken);
        return live is not null && live.EditionNumber >= published.EditionNumber
            ? new WebhookPayload(WebhookPayloadStatus.NotCaughtUp, null)
            : new WebhookPayload(WebhookPayloadStatus.NotLive, null);
    }

    /// <summary>ContentUnpublish and ContentDelete: Umbraco's DefaultPayloadModel, only the key.</summary>
    public static string Id(Guid key) => new JsonObject { ["id"] = key }.ToJsonString(DeliveryContentBuilder.Json);
}
