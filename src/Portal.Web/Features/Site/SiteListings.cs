using Portal.Core.Schema;
using Portal.Core.Text;
using Portal.Data.Content;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Web.Features.Site;

/// <summary>One entry of a list of pages: enough to show a title, a date, a category and a summary.</summary>
public sealed record ListItem(Guid Key, string Url, string Title, DateTime Date, string? Summary, string? Category, PublishedContent Content);

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageCount, int Total)
{
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}

/// <summary>The lists the public pages show: newest items, a section's items by category and page, a unit's items.</summary>
public sealed class SiteListings(PublishedRouteTree routes, PublishedContentCache contents)
{
    public const int PageSize = 10;

    public static readonly string[] Categories = ["Tin tức", "Phóng sự", "Gương điển hình - biểu dương", "Phê phán tiêu cực", "Hỏi đáp"];

    /// <summary>Newest first, by the date the page was first written.</summary>
    public async Task<IReadOnlyList<ListItem>> LatestAsync(string contentTypeAlias, int take, CancellationToken cancellationToken, Guid? under = null)
    {
        var root = under ?? routes.Root?.Key;
        if (root is null)
        {
            return [];
        }

        var nodes = routes.DescendantsOf(root.Value, n => n.ContentTypeAlias == contentTypeAlias)
            .OrderByDescending(n => n.CreatedAt).Take(take);
        return await ItemsAsync(nodes, cancellationToken);
    }

    public async Task<IReadOnlyList<ListItem>> ItemsAsync(IEnumerable<PublishedNode> nodes, CancellationToken cancellationToken)
    {
        var items = new List<ListItem>();
        foreach (var node in nodes)
        {
            if (await ItemAsync(node, cancellationToken) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    public async Task<ListItem?> ItemAsync(PublishedNode node, CancellationToken cancellationToken)
    {
        var url = routes.UrlOf(node.Key);
        var content = url is null ? null : await contents.GetAsync(node, cancellationToken);
        if (content is null)
        {
            return null;
        }

        var summary = content.Text("summary") ?? content.Text("intro");
        var category = content.First("category");
        return new ListItem(node.Key, url!, node.Name, node.CreatedAt, FieldValueRules.IsRichTextJson(summary ?? "") ? null : summary, category, content);
    }

    /// <summary>The children of a section, newest first, optionally of one category, one page at a time.</summary>
    public async Task<Paged<ListItem>> SectionAsync(Guid section, string? categorySlug, int page, CancellationToken cancellationToken, IReadOnlySet<Guid>? exclude = null)
    {
        var nodes = routes.ChildrenOf(section).Where(n => exclude is null || !exclude.Contains(n.Key)).OrderByDescending(n => n.CreatedAt).ToList();
        if (string.IsNullOrEmpty(categorySlug))
        {
            // Without a filter only the shown page needs field values: a section may hold thousands of items.
            var window = Paginate(nodes, page);
            return new Paged<ListItem>(await ItemsAsync(window.Items, cancellationToken), window.Page, window.PageCount, window.Total);
        }

        var items = (await ItemsAsync(nodes, cancellationToken)).Where(i => i.Category is not null && UrlSegment.From(i.Category) == categorySlug).ToList();
        return Paginate(items, page);
    }

    public static Paged<T> Paginate<T>(IReadOnlyList<T> all, int page)
    {
        var pageCount = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        var current = Math.Clamp(page, 1, pageCount);
        return new Paged<T>(all.Skip((current - 1) * PageSize).Take(PageSize).ToList(), current, pageCount, all.Count);
    }

    /// <summary>Articles of a unit: those in its own subtree and those in the CCHC column that name it.</summary>
    public async Task<IReadOnlyList<ListItem>> UnitArticlesAsync(Guid unit, CancellationToken cancellationToken)
    {
        var own = routes.DescendantsOf(unit, n => n.ContentTypeAlias == "article");

        // Other units' articles live in their own subtrees; only the shared column holds articles that name this unit.
        var elsewhere = routes.Root is { } root && routes.ChildrenOf(root.Key).FirstOrDefault(n => n.ContentTypeAlias == "column") is { } column
            ? routes.DescendantsOf(column.Key, n => n.ContentTypeAlias == "article" && n.UnitKey == unit)
            : [];

        return await ItemsAsync(own.Concat(elsewhere).OrderByDescending(n => n.CreatedAt), cancellationToken);
    }
}
