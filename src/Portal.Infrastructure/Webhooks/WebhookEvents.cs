namespace Portal.Infrastructure.Webhooks;

/// <summary>Umbraco 17's aliases of its default webhook events (constants of Umbraco.Core's *WebhookEvent classes), sent as <c>Umb-Webhook-Event</c>.</summary>
public static class WebhookEvents
{
    public const string ContentPublish = "Umbraco.ContentPublish";
    public const string ContentUnpublish = "Umbraco.ContentUnpublish";
    public const string ContentDelete = "Umbraco.ContentDelete";

    // Defined so that a webhook configured with Umbraco's default event list binds without surprises; the media library
    // does not raise these two yet (its changes are not outbox events).
    public const string MediaSave = "Umbraco.MediaSave";
    public const string MediaDelete = "Umbraco.MediaDelete";

    /// <summary>The version Portal answers for in <c>User-Agent: Umbraco-Cms/{version}</c>: the Umbraco.Cms.Core it is checked against.</summary>
    public const string UmbracoVersion = "17.8.1";
}
