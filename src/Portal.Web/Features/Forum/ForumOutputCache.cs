using Microsoft.AspNetCore.OutputCaching;

namespace Portal.Web.Features.Forum;

/// <summary>
/// Cached pages that show forum questions (the home page's latest answers, the sitemap) carry this tag; whatever changes what the
/// public sees of the forum (an answer published, a post hidden or shown again) evicts it. Forum changes are not content
/// events, so other nodes with a memory store keep their copy until it expires (<c>Portal:OutputCache:Duration</c>).
/// </summary>
internal static class ForumOutputCache
{
    public const string Tag = "forum";

    public static async Task EvictAsync(HttpContext http) =>
        await http.RequestServices.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(Tag, http.RequestAborted);
}
