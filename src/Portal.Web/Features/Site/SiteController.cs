using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Features.OutputCaching;
using Portal.Web.Features.Search;

namespace Portal.Web.Features.Site;

/// <summary>Renders any live document at its tree URL with the view of its content type.</summary>
public sealed class SiteController : Controller
{
    private static readonly TimeSpan BrowserMaxAge = TimeSpan.FromSeconds(60);

    [HttpGet("{**path}", Order = int.MaxValue)]
    [OutputCache(PolicyName = OutputCachePolicies.Pages)]
    public async Task<IActionResult> Render(string? path, [FromServices] SitePageBuilder pages, [FromServices] PublishedRouteTree routes,
        [FromServices] ColumnCuration curation, CancellationToken cancellationToken)
    {
        // Any published change anywhere can change a page's lists, so the validator is the tree's version plus the query;
        // a page showing placements by display window adds its period, which changes at a window edge without a publish.
        var node = routes.Resolve(path ?? string.Empty);
        var period = node is not null ? await curation.PeriodAsync(node, cancellationToken) : null;
        var maxAge = period?.Cap(BrowserMaxAge, curation.UtcNow) ?? BrowserMaxAge;

        // Index results and course registrations are kept outside the content tree, so pages showing them add their own
        // stamp: a browser revalidating after a change must not be told its copy is current.
        var services = HttpContext.RequestServices;
        var outside = node?.ContentTypeAlias switch
        {
            "home" or "indexResults" or "unit" => await services.GetRequiredService<Portal.Infrastructure.Programme.IndexResults.IndexResultBook>()
                .StampAsync(cancellationToken),
            "trainingCourse" => await services.GetRequiredService<Portal.Infrastructure.Programme.Training.TrainingDesk>()
                .StampAsync(node.Key, cancellationToken),
            _ => null,
        };
        var results = outside is null ? string.Empty : "-" + outside;
        if (SearchPageCaching.ShowsResults(node, Request))
        {
            SearchPageCaching.Bypass(HttpContext);
        }
        else if (PageValidators.Write(HttpContext,
                $"\"{routes.Version:x}-{Request.QueryString.Value?.GetHashCode(StringComparison.Ordinal) ?? 0:x}{(period is null ? "" : "-" + period.Name)}{results}\"",
                maxAge, routes.LastChangedAt))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var built = await pages.BuildAsync(PageRequest.From(Request, path), cancellationToken);
        if (built is not { } found)
        {
            Response.Headers.Remove(HeaderNames.ETag);
            Response.Headers.Remove(HeaderNames.LastModified);
            return NotFound();
        }

        OutputCacheTagging.Add(HttpContext, SitePageTags.For(found.Page, routes));
        return View($"~/Features/Site/Views/{found.View}.cshtml", found.Page);
    }

    [HttpGet("/loi/{code:int}")]
    public IActionResult Error(int code)
    {
        Response.StatusCode = code is >= 400 and < 600 ? code : 500;
        Response.Headers.Remove(HeaderNames.ETag);
        Response.Headers.CacheControl = "no-store";
        return View("~/Features/Site/Views/error.cshtml", new ErrorModel(Response.StatusCode));
    }
}

public sealed record ErrorModel(int StatusCode)
{
    public string Title => StatusCode == 404 ? "Không tìm thấy trang" : "Đã có lỗi xảy ra";

    public string Message => StatusCode == 404
        ? "Trang bạn tìm không tồn tại hoặc đã được gỡ xuống. Hãy quay về trang chủ hoặc dùng mục tìm kiếm."
        : "Hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút.";
}
