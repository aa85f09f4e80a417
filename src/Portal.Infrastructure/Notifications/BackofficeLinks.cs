namespace Portal.Infrastructure.Notifications;

/// <summary>
/// Addresses of pages in the backoffice, as Umbraco's (<c>/umbraco/section/content/workspace/document/edit/{key}</c>).
/// Absolute when <c>Umbraco:CMS:WebRouting:UmbracoApplicationUrl</c> is set (Umbraco uses it for the same purpose:
/// links in notification e-mails); otherwise relative, which the backoffice follows but a mail client cannot.
/// </summary>
public sealed class BackofficeLinks(string? applicationUrl)
{
    public const string ApplicationUrlKey = "Umbraco:CMS:WebRouting:UmbracoApplicationUrl";

    private readonly string root = (applicationUrl ?? string.Empty).Trim().TrimEnd('/');

    /// <summary>The site's configured address (no trailing slash); empty when not configured, which leaves links relative.</summary>
    public string Site => root;

    public string Document(Guid key) => $"{root}/umbraco/section/content/workspace/document/edit/{key}";
}
