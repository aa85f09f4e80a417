using Microsoft.Net.Http.Headers;

namespace Portal.Web.Features.Site;

/// <summary>The browser-cache headers of a public page and the conditional GET they allow.</summary>
internal static class PageValidators
{
    /// <summary>Writes ETag, Cache-Control and Last-Modified; true when the browser's copy is still this one (answer 304).</summary>
    public static bool Write(HttpContext http, string etagValue, TimeSpan maxAge, DateTime lastChanged)
    {
        var etag = new EntityTagHeaderValue(etagValue, isWeak: true);
        http.Response.Headers[HeaderNames.ETag] = etag.ToString();
        http.Response.Headers[HeaderNames.CacheControl] = $"public, max-age={(long)Math.Ceiling(maxAge.TotalSeconds)}";
        http.Response.Headers[HeaderNames.LastModified] = lastChanged.ToString("R");
        return http.Request.Headers.IfNoneMatch.Count > 0 && EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var tags)
            && tags.Any(t => t.Compare(etag, useStrongComparison: false));
    }
}
