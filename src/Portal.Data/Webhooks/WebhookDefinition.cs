namespace Portal.Data.Webhooks;

/// <summary>
/// A webhook: where to POST which events. Read from configuration (<c>Portal:Webhooks:{n}</c>) or stored in the database
/// by the backoffice (Cài đặt › Webhook); both kinds fire alike.
/// </summary>
public sealed class WebhookDefinition
{
    public const int UrlMaxLength = WebhookDelivery.UrlMaxLength;

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

    /// <summary>Only absolute http(s) addresses are ever called: anything else would be a request Portal cannot make.</summary>
    public static bool IsUsableUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps);
}
