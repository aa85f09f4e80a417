using Microsoft.AspNetCore.Http.Extensions;

namespace Portal.Web.Features.Feeds;

/// <summary>
/// The public address as the visitor reached it. Feeds and the sitemap need absolute URLs, and taking them from
/// the request keeps them right behind any host name without a configured base URL.
/// </summary>
internal sealed record SiteAddress(string Scheme, HostString Host, PathString PathBase)
{
    public static SiteAddress Of(HttpRequest request) => new(request.Scheme, request.Host, request.PathBase);

    /// <summary>An absolute URL for a site path such as <c>/chi-dao-dieu-hanh/</c>, escaped where the path needs it.</summary>
    public string Absolute(string path) => UriHelper.BuildAbsolute(Scheme, Host, PathBase, new PathString(path));
}
