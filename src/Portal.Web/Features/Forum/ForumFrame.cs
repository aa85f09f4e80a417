using Portal.Data.Content;
using Portal.Infrastructure.Forum;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Features.Site;

namespace Portal.Web.Features.Forum;

/// <summary>
/// Puts a forum page in the site's frame: the forumRoot content page's navigation, breadcrumbs and intro when the site
/// has one, or a bare frame (home link only) when it does not, so the forum works on any site.
/// </summary>
public sealed class ForumFrame(SitePageBuilder sitePages, PublishedRouteTree routes)
{
    public const string RootAlias = "forumRoot";
    private const string ForumName = "Diễn đàn";

    /// <summary>Attaches <paramref name="page"/> at <paramref name="url"/>; below the forum's own page the forum joins the breadcrumbs.</summary>
    public async Task<T> AttachAsync<T>(T page, HttpRequest request, string url, CancellationToken cancellationToken)
        where T : ForumPage
    {
        var isRoot = url == ForumPaths.Root;
        var canonical = $"{request.Scheme}://{request.Host}{request.PathBase}{url}";
        var root = routes.Resolve(ForumPaths.Root.TrimStart('/'));
        if (root is { ContentTypeAlias: RootAlias } && routes.UrlOf(root.Key) is { } rootUrl
            && await sitePages.BuildAsync(PageRequest.From(request, rootUrl), cancellationToken) is { } built)
        {
            var from = built.Page;
            var crumbs = isRoot ? from.Breadcrumbs : [.. from.Breadcrumbs, new PageLink(from.Title, rootUrl, from.Node.CreatedAt)];
            page.ForumName = from.Title;
            page.Intro = from.Text("intro");
            page.Attach(from.Node, from.Content, url, canonical, crumbs, [], from.Navigation);
            return page;
        }

        // No forum page in the tree: a stand-in node, so the layout has a title and breadcrumbs but no section navigation.
        var now = DateTime.UnixEpoch;
        var node = new PublishedNode(Guid.Empty, Guid.Empty, RootAlias, 1, 0, ForumName, "dien-dan", 0, now, now, null);
        var content = new PublishedContent(Guid.Empty, 0, ForumName, new Dictionary<string, string>(), now, null);
        var home = new PageLink("Trang chủ", "/", now);
        page.ForumName = ForumName;
        page.Attach(node, content, url, canonical, isRoot ? [home] : [home, new PageLink(ForumName, ForumPaths.Root, now)], [], []);
        return page;
    }
}
