using Microsoft.AspNetCore.Mvc;
using Portal.Data.Forum;

namespace Portal.Web.Features.Forum;

/// <summary>The home page's "latest answered questions": read here so that the site's page builder need not know the forum.</summary>
[ViewComponent(Name = "ForumLatestAnswers")]
public sealed class ForumLatestAnswers(ForumQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        OutputCaching.OutputCacheTagging.Add(HttpContext, ForumOutputCache.Tag);
        return View("~/Features/Forum/Views/_LatestAnswers.cshtml", await queries.LatestAnsweredAsync(5, HttpContext.RequestAborted));
    }
}
