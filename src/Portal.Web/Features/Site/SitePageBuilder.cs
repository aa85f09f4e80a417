using System.Globalization;
using Portal.Core.Schema;
using Portal.Core.Text;
using Portal.Data.Content;
using Portal.Infrastructure.PublishedCache;
using Portal.Infrastructure.Search;
using Portal.Web.Features.Search;

namespace Portal.Web.Features.Site;

/// <summary>
/// What a page request asks for beyond its path: the page of a list, filters, a search query, the print view.
/// <see cref="Unit"/> and <see cref="Sort"/> are the search page's unit key and order, as typed (validated by the page).
/// </summary>
public sealed record PageRequest(string Path, string BaseUrl, int Page = 1, string? Category = null, string? Type = null, string? Issuer = null,
    int? Year = null, string? Query = null, bool Print = false, string? Unit = null, string? Sort = null)
{
    public static PageRequest From(HttpRequest request, string? path)
    {
        string? Text(string key) => request.Query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;
        int? Number(string key) => int.TryParse(Text(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
        return new PageRequest(path ?? string.Empty, $"{request.Scheme}://{request.Host}", Math.Max(1, Number("trang") ?? 1), Text("chuyen-muc"),
            Text("loai"), Text("co-quan"), Number("nam"), Text("q"), Text("ban-in") == "1", Text("don-vi"), Text("sap-xep"));
    }
}

/// <summary>Turns a resolved route into the typed page model of its content type.</summary>
public sealed class SitePageBuilder(PublishedRouteTree routes, PublishedContentCache contents, SiteListings listings, PublishedContentQueries queries,
    ColumnCuration curation, SiteSearch search, ISchemaCatalog schema, TimeProvider clock,
    Portal.Infrastructure.Programme.IndexResults.IndexResultBook indexResults, Hosting.PortalOptions options)
{
    public async Task<(PublishedPage Page, string View)?> BuildAsync(PageRequest request, CancellationToken cancellationToken)
    {
        var node = routes.Resolve(request.Path);
        if (node is null || routes.UrlOf(node.Key) is not { } url)
        {
            return null;
        }

        var content = await contents.GetAsync(node, cancellationToken);
        if (content is null)
        {
            return null;
        }

        return await BuildAsync(node, content, url, request, cancellationToken);
    }

    /// <summary>
    /// A draft shown exactly as its public page will be: the same builder and view over the draft's values. The node
    /// need not be live (a page never published yet previews at the address it will have).
    /// </summary>
    public Task<(PublishedPage Page, string View)> PreviewAsync(PublishedNode node, PublishedContent draft, string url, PageRequest request,
        CancellationToken cancellationToken) => BuildAsync(node, draft, url, request, cancellationToken);

    private async Task<(PublishedPage Page, string View)> BuildAsync(PublishedNode node, PublishedContent content, string url, PageRequest request,
        CancellationToken cancellationToken)
    {
        var common = new Common(node, content, url, request.BaseUrl + url,
            routes.AncestorsOf(node.Key).Select(Link).OfType<PageLink>().ToList(),
            routes.ChildrenOf(node.Key).Select(Link).OfType<PageLink>().ToList(),
            routes.Root is { } root ? routes.ChildrenOf(root.Key).Select(Link).OfType<PageLink>().ToList() : []);
        PublishedPage page = node.ContentTypeAlias switch
        {
            "home" => await HomeAsync(common, cancellationToken),
            "column" => await ColumnAsync(common, request, cancellationToken),
            "article" => await ArticleAsync(common, request, cancellationToken),
            "directiveList" => await DirectivesAsync(common, request, cancellationToken),
            "directive" => new DirectivePage(),
            "legalDocumentList" => await LegalDocumentsAsync(common, request, cancellationToken),
            "legalDocument" => new LegalDocumentPage(),
            "unitsRoot" => await UnitsAsync(common, cancellationToken),
            "unit" => await UnitAsync(common, cancellationToken),
            "procedureSet" => new ProcedureSetPage(),
            "procedure" => new ProcedurePage(),
            "forumRoot" => new ForumRootPage(),
            "indexResults" => await IndexResultsAsync(cancellationToken),
            "trainingCourse" => new TrainingCoursePage(),
            "contest" => new ContestPage { Results = ChildLinks(node, "contestResults") },
            "contestResults" => new ContestResultsPage(),
            "page" => new ContentPage(),
            "searchPage" => await SearchAsync(common, request, cancellationToken),
            _ => new UntemplatedPage(),
        };
        page.Attach(node, content, url, common.Canonical, common.Breadcrumbs, common.Children, common.Navigation);
        var view = page is UntemplatedPage ? "untemplated" : node.ContentTypeAlias;
        return (page, view);
    }

    private async Task<HomePage> HomeAsync(Common c, CancellationToken cancellationToken)
    {
        var column = SectionUrl("column");
        var showcase = curation.ColumnShownOn(c.Node) is { } columnNode
            ? await curation.ShowcaseAsync(columnNode, curation.UtcNow, cancellationToken) : [];
        return new HomePage
        {
            LatestNews = await listings.LatestAsync("article", 6, cancellationToken),
            Showcase = showcase,
            LatestDirectives = await listings.LatestAsync("directive", 5, cancellationToken),
            ColumnUrl = column,
            DirectivesUrl = SectionUrl("directiveList"),
            ProceduresUrl = SectionUrl("procedureSet"),
            ForumUrl = SectionUrl("forumRoot"),
            IndexResultsUrl = SectionUrl("indexResults"),
            LatestIndexResults = (await indexResults.ProvinceAsync(cancellationToken)).GroupBy(r => r.Index).Select(g => g.MaxBy(r => r.Year)!).ToList(),
        };
    }

    private async Task<ColumnPage> ColumnAsync(Common c, PageRequest request, CancellationToken cancellationToken)
    {
        var curated = await curation.VisibleAsync(c.Node, curation.UtcNow, cancellationToken);

        // The placements head the first page and the column's own items follow, newest first. A placed item of the column
        // is left out of that list on every page, not only the first, so that no item shows twice and pages never overlap.
        var unfiltered = request.Category is null;
        var exclude = unfiltered && curated.Count > 0 ? curated.Select(i => i.Item.Key).ToHashSet() : null;
        var items = await listings.SectionAsync(c.Node.Key, request.Category, request.Page, cancellationToken, exclude);
        return new ColumnPage
        {
            Curated = unfiltered && items.Page == 1 ? curated : [], Items = items, Category = request.Category,
            ContestResults = ContestResultsOf(c.Node),
            PreviousPageUrl = items.HasPrevious ? PageUrl(c.Url, items.Page - 1, ("chuyen-muc", request.Category)) : null,
            NextPageUrl = items.HasNext ? PageUrl(c.Url, items.Page + 1, ("chuyen-muc", request.Category)) : null,
        };
    }

    private async Task<ArticlePage> ArticleAsync(Common c, PageRequest request, CancellationToken cancellationToken)
    {
        var unit = Picked(c.Content, "unit").FirstOrDefault();
        var category = c.Content.First("category");

        // The editor's own choice of related items comes first, in the order picked; siblings of the same category fill up to five.
        var related = (await listings.ItemsAsync(PickedNodes(c.Content, "relatedItems").Where(n => n.Key != c.Node.Key), cancellationToken)).ToList();
        var listed = related.Select(r => r.Key).ToHashSet();
        if (c.Node.ParentKey is { } parent && related.Count < 5)
        {
            var siblings = routes.ChildrenOf(parent)
                .Where(n => n.Key != c.Node.Key && n.ContentTypeAlias == "article" && !listed.Contains(n.Key)).OrderByDescending(n => n.CreatedAt);
            foreach (var item in await listings.ItemsAsync(siblings, cancellationToken))
            {
                if (item.Category == category)
                {
                    related.Add(item);
                }

                if (related.Count == 5)
                {
                    break;
                }
            }
        }

        var history = await queries.PublicationHistoryAsync(c.Node.Key, cancellationToken);
        return new ArticlePage
        {
            Unit = unit, Related = related,
            Updates = history.Count > 1 ? history.Skip(1).ToList() : [],
            PrintView = request.Print,
            ZaloShareUrl = ZaloShare.Url(options.Site.ZaloOfficialAccountId, c.Canonical),
        };
    }

    private async Task<DirectiveListPage> DirectivesAsync(Common c, PageRequest request, CancellationToken cancellationToken)
    {
        var items = await listings.SectionAsync(c.Node.Key, null, request.Page, cancellationToken);
        return new DirectiveListPage
        {
            Items = items,
            PreviousPageUrl = items.HasPrevious ? PageUrl(c.Url, items.Page - 1) : null,
            NextPageUrl = items.HasNext ? PageUrl(c.Url, items.Page + 1) : null,
        };
    }

    private async Task<LegalDocumentListPage> LegalDocumentsAsync(Common c, PageRequest request, CancellationToken cancellationToken)
    {
        var all = await listings.ItemsAsync(routes.ChildrenOf(c.Node.Key).Where(n => n.ContentTypeAlias == "legalDocument"), cancellationToken);
        string? Type(ListItem i) => i.Content.First("documentType");
        string? Issuer(ListItem i) => i.Content.Text("issuer");
        DateTime? Issued(ListItem i) => i.Content.Text("issueDate") is { } d && FieldValueRules.TryParseDate(d, out var date) ? date : null;
        int? Year(ListItem i) => Issued(i)?.Year;
        var vietnamese = StringComparer.Create(new CultureInfo("vi-VN"), false);
        var filtered = all.Where(i => (request.Type is null || Type(i) == request.Type)
                && (request.Issuer is null || Issuer(i) == request.Issuer)
                && (request.Year is null || Year(i) == request.Year))
            .OrderByDescending(i => Issued(i) ?? DateTime.MinValue).ToList();
        return new LegalDocumentListPage
        {
            Documents = filtered,
            Types = all.Select(Type).OfType<string>().Distinct().Order(vietnamese).ToList(),
            Issuers = all.Select(Issuer).OfType<string>().Distinct().Order(vietnamese).ToList(),
            Years = all.Select(Year).OfType<int>().Distinct().OrderDescending().ToList(),
            Type = request.Type, Issuer = request.Issuer, Year = request.Year,
        };
    }

    private async Task<UnitsRootPage> UnitsAsync(Common c, CancellationToken cancellationToken)
    {
        var groups = new List<(string Kind, List<PageLink> Units)>();
        foreach (var unit in routes.ChildrenOf(c.Node.Key).Where(n => n.ContentTypeAlias == "unit"))
        {
            var content = await contents.GetAsync(unit, cancellationToken);
            var kind = content?.First("kind") ?? "Khác";
            if (Link(unit) is not { } link)
            {
                continue;
            }

            var group = groups.FindIndex(g => g.Kind == kind);
            if (group < 0)
            {
                groups.Add((kind, [link]));
            }
            else
            {
                groups[group].Units.Add(link);
            }
        }

        return new UnitsRootPage
        {
            Groups = groups.Select(g => (g.Kind, (IReadOnlyList<PageLink>)g.Units)).ToList(),
        };
    }

    private async Task<UnitPage> UnitAsync(Common c, CancellationToken cancellationToken)
    {
        var articles = await listings.UnitArticlesAsync(c.Node.Key, cancellationToken);
        var year = VietnamTime.FromUtc(clock.GetUtcNow().UtcDateTime).Year;
        var monthly = new int[12];
        foreach (var article in articles)
        {
            var local = VietnamTime.FromUtc(article.Date);
            if (local.Year == year)
            {
                monthly[local.Month - 1]++;
            }
        }

        return new UnitPage
        {
            Articles = articles.Take(20).ToList(), Year = year, MonthlyCounts = monthly,
            IndexResults = await indexResults.ForUnitAsync(c.Node.Key, cancellationToken),
        };
    }

    /// <summary>The province's figures from the backoffice, and the provincial ranking of the units where they are scored.</summary>
    private async Task<IndexResultsPage> IndexResultsAsync(CancellationToken cancellationToken)
    {
        var all = await indexResults.ListAsync(null, cancellationToken);
        var province = all.Where(r => r.IsProvince).ToList();
        var rankings = all.Where(r => !r.IsProvince).GroupBy(r => r.Index)
            .Select(g => (g.Key, Year: g.Max(r => r.Year), g))
            .Select(x => new IndexUnitRanking(x.Key, x.Year, x.g.Where(r => r.Year == x.Year)
                .OrderBy(r => r.Rank ?? int.MaxValue).ThenByDescending(r => r.Score).ToList()))
            .OrderBy(r => r.Index).ToList();
        var currentYear = VietnamTime.FromUtc(clock.GetUtcNow().UtcDateTime).Year;
        return new IndexResultsPage
        {
            Province = province, Years = Portal.Web.Features.IndexResults.ScoreChart.Years(province, currentYear), UnitRankings = rankings,
        };
    }

    private async Task<SearchPage> SearchAsync(Common c, PageRequest request, CancellationToken cancellationToken)
    {
        var query = SiteSearchQuery.From(request, schema, routes, clock.GetUtcNow().UtcDateTime);
        if (query.Text.Length == 0)
        {
            return new SearchPage { Query = query };
        }

        var results = await search.SearchAsync(query.ToRequest(), cancellationToken);
        var hits = results.Hits.Select(h => new SearchPageHit(h, TypeName(h.ContentTypeAlias),
            h.UnitKey is { } unit ? routes.Find(unit)?.Name : null)).ToList();
        return new SearchPage
        {
            Query = query, Results = results, Hits = hits,
            Facets = SearchPageFacet.From(results, query, TypeName, key => routes.Find(key)?.Name),
            PreviousPageUrl = results.HasPrevious ? query.Url(c.Url, results.Page - 1) : null,
            NextPageUrl = results.HasNext ? query.Url(c.Url, results.Page + 1) : null,
        };
    }

    private string TypeName(string alias) => schema.FindContentType(alias)?.Name ?? alias;

    private string? SectionUrl(string alias) =>
        routes.Root is { } root && routes.ChildrenOf(root.Key).FirstOrDefault(n => n.ContentTypeAlias == alias) is { } node ? routes.UrlOf(node.Key) : null;

    public static string PageUrl(string url, int page, params (string Key, string? Value)[] keep)
    {
        var query = keep.Where(k => !string.IsNullOrEmpty(k.Value)).Select(k => $"{k.Key}={Uri.EscapeDataString(k.Value!)}").ToList();
        if (page > 1)
        {
            query.Add($"trang={page}");
        }

        return query.Count == 0 ? url : url + "?" + string.Join("&", query);
    }

    private List<PageLink> ChildLinks(PublishedNode node, string alias) =>
        routes.ChildrenOf(node.Key).Where(n => n.ContentTypeAlias == alias).Select(Link).OfType<PageLink>().ToList();

    /// <summary>The first live results page of the newest live contest below the column (found in the tree, never a fixed URL).</summary>
    private PageLink? ContestResultsOf(PublishedNode column) =>
        routes.DescendantsOf(column.Key, n => n.ContentTypeAlias == "contest").OrderByDescending(n => n.CreatedAt)
            .Select(contest => ChildLinks(contest, "contestResults").FirstOrDefault()).FirstOrDefault(link => link is not null);

    private PageLink? Link(PublishedNode node) =>
        routes.UrlOf(node.Key) is { } url ? new PageLink(node.Name, url, node.CreatedAt) : null;

    /// <summary>Content picker values, in the order the editor picked them, that point at live pages.</summary>
    private List<PageLink> Picked(PublishedContent content, string alias) => PickedNodes(content, alias).Select(Link).OfType<PageLink>().ToList();

    private IEnumerable<PublishedNode> PickedNodes(PublishedContent content, string alias) =>
        content.Text(alias) is { } value
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(udi => DocumentUdi.TryParse(udi, out var key) ? routes.Find(key) : null)
                .OfType<PublishedNode>()
                .DistinctBy(n => n.Key)
            : [];

    private sealed record Common(PublishedNode Node, PublishedContent Content, string Url, string Canonical, IReadOnlyList<PageLink> Breadcrumbs,
        IReadOnlyList<PageLink> Children, IReadOnlyList<PageLink> Navigation);
}
