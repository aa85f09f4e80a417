namespace Portal.Infrastructure.Delivery;

/// <summary>
/// Umbraco's <c>Umbraco:CMS:DeliveryApi</c> keys with Umbraco's names. Defaults are Umbraco's, except
/// <see cref="Enabled"/>: Portal is headless first, so its API is on unless switched off.
/// </summary>
public sealed class DeliveryApiSettings
{
    public const string Section = "Umbraco:CMS:DeliveryApi";

    public bool Enabled { get; set; } = true;

    public bool PublicAccess { get; set; } = true;

    public string? ApiKey { get; set; }

    public string[] AllowedContentTypeAliases { get; set; } = [];

    public string[] DisallowedContentTypeAliases { get; set; } = [];

    public bool RichTextOutputAsJson { get; set; }

    public DeliveryMediaSettings Media { get; set; } = new();

    public DeliveryExposure Exposure => new(AllowedContentTypeAliases, DisallowedContentTypeAliases);
}

public sealed class DeliveryMediaSettings
{
    public bool Enabled { get; set; }

    /// <summary>Can only be more restrictive than the content setting.</summary>
    public bool PublicAccess { get; set; } = true;
}
