using Portal.Data.Content;
using Portal.Core.Schema;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Web.Features.Site;

/// <summary>Turns a resolved route into the typed page model of its content type.</summary>
public sealed class SitePageBuilder(PublishedRouteTree routes, PublishedContentCache contents)
{
    public async Task<(PublishedPage Page, string View)?> BuildAsync(string path, CancellationToken cancellationToken)
    {
        var node = routes.Resolve(path);
        if (node is null || routes.UrlOf(node.Key) is not { } url)
        {
            return null;
        }

        var content = await contents.GetAsync(node, cancellationToken);
        if (content is null)
        {
            return null;
        }

        var breadcrumbs = routes.AncestorsOf(node.Key).Select(Link).OfType<PageLink>().ToList();
        var children = routes.ChildrenOf(node.Key).Select(Link).OfType<PageLink>().ToList();
        var navigation = routes.Root is { } root ? routes.ChildrenOf(root.Key).Select(Link).OfType<PageLink>().ToList() : [];
        PublishedPage page = node.ContentTypeAlias switch
        {
            "home" => new HomePage { Node = node, Content = content, Url = url, Breadcrumbs = breadcrumbs, Children = children, Navigation = navigation },
            "column" => new ColumnPage
            {
                Node = node, Content = content, Url = url, Breadcrumbs = breadcrumbs, Children = children, Navigation = navigation,
                Featured = Picked(content, "featuredItems"),
            },
            "article" => new ArticlePage
            {
                Node = node, Content = content, Url = url, Breadcrumbs = breadcrumbs, Children = children, Navigation = navigation,
                Unit = Picked(content, "unit").FirstOrDefault(),
            },
            "directiveList" => new DirectiveListPage { Node = node, Content = content, Url = url, Breadcrumbs = breadcrumbs, Children = children, Navigation = navigation },
            "directive" => new DirectivePage { Node = node, Content = content, Url = url, Breadcrumbs = breadcrumbs, Children = children, Navigation = navigation },
            "legalDocumentList" => new LegalDocumentListPage { Node = node, Content = content, Url = url, Breadcrumbs = breadcrumbs, Children = children, Navigation = navigation },
            "legalDocument" => new LegalDocumentPage { Node = node, Content = content, Url = url, Breadcrumbs = breadcrumbs, Children = children, Navigation = navigation },
            "unitsRoot" => new UnitsRootPage { Node = node, Content = content, Url = url, Breadcrumbs = breadcrumbs, Children = children, Navigation = navigation },
            "unit" => new UnitPage { Node = node, Content = content, Url = url, Breadcrumbs = breadcrumbs, Children = children, Navigation = navigation },
            "procedureSet" => new ProcedureSetPage { Node = node, Content = content, Url = url, Breadcrumbs = breadcrumbs, Children = children, Navigation = navigation },
            "procedure" => new ProcedurePage { Node = node, Content = content, Url = url, Breadcrumbs = breadcrumbs, Children = children, Navigation = navigation },
            "forumRoot" => new ForumRootPage { Node = node, Content = content, Url = url, Breadcrumbs = breadcrumbs, Children = children, Navigation = navigation },
            "indexResults" => new IndexResultsPage { Node = node, Content = content, Url = url, Breadcrumbs = breadcrumbs, Children = children, Navigation = navigation },
            "trainingCourse" => new TrainingCoursePage { Node = node, Content = content, Url = url, Breadcrumbs = breadcrumbs, Children = children, Navigation = navigation },
            "page" => new ContentPage { Node = node, Content = content, Url = url, Breadcrumbs = breadcrumbs, Children = children, Navigation = navigation },
            "searchPage" => new SearchPage { Node = node, Content = content, Url = url, Breadcrumbs = breadcrumbs, Children = children, Navigation = navigation },
            _ => new UntemplatedPage { Node = node, Content = content, Url = url, Breadcrumbs = breadcrumbs, Children = children, Navigation = navigation },
        };
        var view = page is UntemplatedPage ? "untemplated" : node.ContentTypeAlias;
        return (page, view);
    }

    private PageLink? Link(PublishedNode node) =>
        routes.UrlOf(node.Key) is { } url ? new PageLink(node.Name, url, node.CreatedAt) : null;

    /// <summary>Content picker values, in the order the editor picked them, that point at live pages.</summary>
    private List<PageLink> Picked(PublishedContent content, string alias)
    {
        if (!content.Values.TryGetValue(alias, out var value))
        {
            return [];
        }

        return value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(udi => DocumentUdi.TryParse(udi, out var key) ? routes.Find(key) : null)
            .OfType<PublishedNode>()
            .Select(Link)
            .OfType<PageLink>()
            .ToList();
    }
}
