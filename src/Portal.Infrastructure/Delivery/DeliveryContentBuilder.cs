using System.Text.Json.Nodes;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Infrastructure.Delivery;

/// <summary>Writes published documents in the Content Delivery API v2 item shape (also the webhook payload).</summary>
public sealed class DeliveryContentBuilder(PublishedRouteTree routes, PublishedContentCache cache)
{
    /// <summary>The live edition of <paramref name="key"/> as a Delivery API content item, or null when it is not live.</summary>
    public async Task<JsonObject?> BuildPublishedAsync(Guid key, CancellationToken cancellationToken)
    {
        var node = routes.Find(key);
        if (node is null)
        {
            return null;
        }

        var content = await cache.GetAsync(node, cancellationToken);
        return content is null ? null : new JsonObject { ["contentType"] = node.ContentTypeAlias, ["name"] = content.Name, ["id"] = key };
    }
}
