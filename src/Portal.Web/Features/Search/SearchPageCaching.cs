using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;
using Portal.Data.Content;

namespace Portal.Web.Features.Search;

/// <summary>
/// Search results come from the index, which applies a publish after the route tree does and is rebuilt or healed on its own:
/// neither the tree's version (the site's ETag) nor the publish that evicts cached pages says when results change, so a stored
/// copy could keep the results of a half-built index for the whole cache lifetime. The index answers in milliseconds, and every
/// typed text would be a new entry in the shared store anyway, so results pages are rendered each time. The empty form is
/// cached like any page.
/// </summary>
internal static class SearchPageCaching
{
    public static bool ShowsResults(PublishedNode? node, HttpRequest request) =>
        node?.ContentTypeAlias == "searchPage" && !string.IsNullOrWhiteSpace(request.Query["q"]);

    public static void Bypass(HttpContext http)
    {
        if (http.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            cache.Context.AllowCacheStorage = false;
        }

        http.Response.Headers[HeaderNames.CacheControl] = "no-cache";
    }
}
