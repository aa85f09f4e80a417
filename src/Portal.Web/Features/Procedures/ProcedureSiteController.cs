using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;
using Portal.Core.Media;
using Portal.Infrastructure.Caching;
using Portal.Infrastructure.Procedures;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Features.OutputCaching;
using Portal.Web.Features.Site;

namespace Portal.Web.Features.Procedures;

/// <summary>
/// The procedure finder at the procedure set's URL, one procedure at <c>/thu-tuc-hanh-chinh/{code}</c> (and its print view),
/// and the permanent move from a procedure's name-based tree URL to its code URL. Every other path goes on to the site.
/// </summary>
public sealed class ProcedureSiteController(SitePageBuilder sitePages, PublishedRouteTree routes, ProcedureCatalog catalog) : Controller
{
    private static readonly TimeSpan BrowserMaxAge = TimeSpan.FromSeconds(60);

    [HttpGet("{**path}", Order = int.MaxValue - 1)]
    [ProcedureRoute]
    [OutputCache(PolicyName = OutputCachePolicies.Pages,
        VaryByQueryKeys = ["q", "linh-vuc", "cap", "co-quan", "truc-tuyen", "buu-chinh", "tinh-trang", "trang", "ban-in"])]
    public async Task<IActionResult> Render(string? path, [FromServices] ProcedureFinder finder, [FromServices] IMediaItemStore media,
        [FromServices] TimeProvider clock, CancellationToken cancellationToken)
    {
        var (kind, node, code) = ProcedureRoutes.Classify(routes, path);
        var snapshot = await catalog.CurrentAsync(cancellationToken);
        if (kind == ProcedureRouteKind.TreeUrl)
        {
            return snapshot.FindByKey(node!.Key) is { } moved && moved.Url != moved.TreeUrl
                ? (IActionResult)RedirectPermanent(moved.Url + Request.QueryString.Value)
                : Missing();
        }

        // Statuses change at midnight (a decision's effective date) without any publish, so the validator carries the date.
        if (PageValidators.Write(HttpContext,
                $"\"p{routes.Version:x}-{Request.QueryString.Value?.GetHashCode(StringComparison.Ordinal) ?? 0:x}-{snapshot.Today.DayNumber:x}\"",
                BrowserMaxAge, routes.LastChangedAt))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var setUrl = routes.UrlOf(node!.Key)!;
        var request = PageRequest.From(Request, setUrl);
        if (kind == ProcedureRouteKind.Finder)
        {
            if (await sitePages.BuildAsync(request, cancellationToken) is not { } set)
            {
                return Missing();
            }

            var query = ProcedureFinderQuery.From(Request.Query);
            var result = await finder.FindAsync(query.ToQuery(), cancellationToken);
            var finderPage = new ProcedureFinderPage
            {
                Query = query, Result = result,
                PreviousPageUrl = result.Page > 1 ? set.Page.Url + query.QueryString(result.Page - 1) : null,
                NextPageUrl = result.Page < result.PageCount ? set.Page.Url + query.QueryString(result.Page + 1) : null,
            };
            Attach(finderPage, set.Page, set.Page.Url, set.Page.CanonicalUrl);
            Tag(set.Page.Node.Key);
            return View("~/Features/Procedures/Views/finder.cshtml", finderPage);
        }

        if (snapshot.FindByCode(code!) is not { } entry || routes.Find(entry.Key) is not { } procedureNode
            || routes.UrlOf(procedureNode.Key) is not { } treeUrl
            || await sitePages.BuildAsync(PageRequest.From(Request, treeUrl), cancellationToken) is not { } built)
        {
            return Missing();
        }

        if (!string.Equals(entry.Code, code, StringComparison.Ordinal))
        {
            // One spelling per procedure: 1.001194, not 1.001194 in another case.
            return RedirectPermanent(entry.Url + Request.QueryString.Value);
        }

        var detail = await ProcedureDetailBuilder.BuildAsync(built.Page.Content, entry, snapshot, media, clock, request.Print,
            request.BaseUrl + entry.Url, cancellationToken);
        Attach(detail, built.Page, entry.Url, request.BaseUrl + entry.Url);
        Tag(procedureNode.Key);
        OutputCacheTagging.Add(HttpContext, ContentCacheTags.ContentType("legalDocument"));
        return View(request.Print ? "~/Features/Procedures/Views/print.cshtml" : "~/Features/Procedures/Views/procedure.cshtml", detail);
    }

    private static void Attach(PublishedPage page, PublishedPage from, string url, string canonical) =>
        page.Attach(from.Node, from.Content, url, canonical, from.Breadcrumbs, from.Children, from.Navigation);

    /// <summary>Lists and statuses change with any procedure or decision, and with the page's own branch (a rename of the set).</summary>
    private void Tag(Guid key) => OutputCacheTagging.Add(HttpContext,
        ContentCacheTags.BranchOf(key, routes)
            .Append(ContentCacheTags.Navigation)
            .Append(ContentCacheTags.ContentType(Portal.Core.Procedures.ProcedureAliases.ProcedureType))
            .Append(ContentCacheTags.ContentType(Portal.Core.Procedures.ProcedureAliases.DecisionType)));

    private NotFoundResult Missing()
    {
        Response.Headers.Remove(HeaderNames.ETag);
        Response.Headers.Remove(HeaderNames.LastModified);
        return NotFound();
    }
}
