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

    /// <summary>The events Portal raises today, which a webhook made in the backoffice may subscribe to.</summary>
    public static readonly IReadOnlyList<string> Raised = [ContentPublish, ContentUnpublish, ContentDelete];

    public static string ToVietnamese(string alias) => alias switch
    {
        ContentPublish => "Xuất bản trang",
        ContentUnpublish => "Gỡ xuất bản trang (cả khi trang đang xuất bản bị đưa vào thùng rác)",
        ContentDelete => "Xóa hẳn trang khỏi thùng rác",
        MediaSave => "Lưu tệp media (chưa phát sinh)",
        MediaDelete => "Xóa tệp media (chưa phát sinh)",
        _ => alias,
    };

    /// <summary>The version Portal answers for in <c>User-Agent: Umbraco-Cms/{version}</c>: the Umbraco.Cms.Core it is checked against.</summary>
    public const string UmbracoVersion = "17.8.1";
}
