using Portal.Core.Schema;
using Portal.Data.Webhooks;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Backoffice.Settings;

// Forms posted by the Settings section's pages (public: MVC binds action parameters) and the models of their views.

public sealed class WebhookForm
{
    public string? Url { get; set; }
    public List<string> Events { get; set; } = [];

    /// <summary>Content type aliases; none means every type.</summary>
    public List<string> ContentTypes { get; set; } = [];

    /// <summary>A new secret; left empty, the current one stays.</summary>
    public string? Secret { get; set; }
    public bool RemoveSecret { get; set; }

    /// <summary>One header a line, <c>Name: value</c>.</summary>
    public string? Headers { get; set; }
    public bool Enabled { get; set; }

    internal static WebhookForm From(WebhookDefinition webhook) => new()
    {
        Url = webhook.Url,
        Events = [.. webhook.Events],
        ContentTypes = [.. webhook.ContentTypes],
        Headers = WebhookAdministration.HeadersText(webhook.Headers),
        Enabled = webhook.Enabled,
    };
}

internal sealed record SettingsPage(int ContentTypes, int Webhooks, SearchIndexReport Search, string? Notice);

internal sealed record ContentTypeListPage(IReadOnlyList<ContentType> ContentTypes);

internal sealed record ContentTypePage(ContentType ContentType, IReadOnlyList<ContentType> AllowedChildren, ISchemaCatalog Schema);

internal sealed record WebhookListPage(IReadOnlyList<WebhookDefinition> Stored, IReadOnlyList<WebhookDefinition> Configured, bool Enabled,
    IReadOnlyList<WebhookDelivery> Deliveries, string? Notice);

/// <param name="Key">Null for a new webhook.</param>
internal sealed record WebhookPage(Guid? Key, WebhookForm Form, bool HasSecret, IReadOnlyList<ContentType> ContentTypes,
    IReadOnlyList<WebhookDelivery> Deliveries, IReadOnlyList<FormError> Errors, string? Notice)
{
    public string Action => Key is { } key ? SettingsPaths.Webhook(key) : SettingsPaths.NewWebhook;
}

/// <summary>Where the section's pages and forms live.</summary>
internal static class SettingsPaths
{
    public const string Root = "/umbraco/cai-dat";
    public const string ContentTypes = Root + "/loai-noi-dung";
    public const string ExportAll = ContentTypes + "/xuat-usync.zip";
    public const string Webhooks = Root + "/webhook";
    public const string NewWebhook = Webhooks + "/tao-moi";
    public const string RebuildSearch = Root + "/tim-kiem/dung-lai";

    public static string ContentType(string alias) => $"{ContentTypes}/{alias}";

    public static string Export(string alias) => $"{ContentTypes}/{alias}/xuat-usync";

    public static string Webhook(Guid key) => $"{Webhooks}/{key}";

    public static string Enable(Guid key) => $"{Webhooks}/{key}/bat";

    public static string Disable(Guid key) => $"{Webhooks}/{key}/tat";

    public static string Delete(Guid key) => $"{Webhooks}/{key}/xoa";
}

/// <summary>The section's notice codes (<see cref="Shell.BackofficeNotices"/>) and their text.</summary>
internal static class SettingsNotices
{
    public const string Created = "da-tao";
    public const string Saved = "da-luu";
    public const string Enabled = "da-bat";
    public const string Disabled = "da-tat";
    public const string Deleted = "da-xoa";
    public const string RebuildStarted = "dung-lai-tim-kiem";
    public const string RebuildRunning = "dang-dung-lai-tim-kiem";

    public static string? Text(string? code) => code switch
    {
        Created => "Đã tạo webhook.",
        Saved => "Đã lưu webhook.",
        Enabled => "Đã bật webhook.",
        Disabled => "Đã tắt webhook; các lần gửi đang chờ sẽ bị bỏ.",
        Deleted => "Đã xóa webhook.",
        RebuildStarted => "Đã bắt đầu dựng lại chỉ mục tìm kiếm. Chỉ mục cũ vẫn trả lời tìm kiếm cho đến khi chỉ mục mới xong.",
        RebuildRunning => "Đang có một lần dựng lại chạy; chưa bắt đầu lần mới.",
        _ => null,
    };
}

/// <summary>The ids of the webhook form's inputs, which the error summary links to.</summary>
internal static class WebhookFields
{
    public const string Url = "url";
    public const string Secret = "secret";
    public const string Headers = "headers";

    public static string EventId(string alias) => "event-" + alias.Replace('.', '-');

    public static string ContentTypeId(string alias) => "type-" + alias;
}
