using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Programme;
using Portal.Infrastructure.Caching;

namespace Portal.Web.Features.IndexResults;

/// <summary>
/// Cached pages that show province results (<c>/ket-qua-chi-so</c> and the home page) carry <see cref="Tag"/>; a unit's
/// page carries its unit tag already. Results are not content events, so other nodes with a memory store keep their copy
/// until it expires (<c>Portal:OutputCache:Duration</c>), as for the forum.
/// </summary>
internal static class IndexResultsOutputCache
{
    public const string Tag = "index-results";

    /// <summary>After a result of <paramref name="unitKey"/> changed: the results page (it lists unit rankings too) and the unit's page.</summary>
    public static async Task EvictAsync(HttpContext http, Guid unitKey)
    {
        var store = http.RequestServices.GetRequiredService<IOutputCacheStore>();
        await store.EvictByTagAsync(Tag, http.RequestAborted);
        if (unitKey != IndexResult.Province)
        {
            await store.EvictByTagAsync(ContentCacheTags.Unit(unitKey), http.RequestAborted);
        }
    }
}
