using Microsoft.AspNetCore.Mvc;
using Portal.Core.Access;
using Portal.Core.Schema;
using Portal.Core.Text;
using Portal.Infrastructure.Search;
using Portal.Web.Features.Backoffice.Shell;
using Portal.Web.Features.Management.Documents;

namespace Portal.Web.Features.Backoffice.Content;

/// <summary>
/// Search across the content tree, drafts included. <see cref="BackofficeSearch"/> limits every query to the user's
/// start nodes and to what they may browse, so a hit here always opens in the editor.
/// </summary>
[BackofficeSection(Section.Content)]
public sealed class ContentSearchController : BackofficeController
{
    public const string Path = ContentController.Root + "/tim-kiem";
    internal const int PageSize = 20;

    [HttpGet(Path)]
    public async Task<IActionResult> Index([FromQuery(Name = "q")] string? text, [FromQuery(Name = "loai")] string? type,
        [FromQuery(Name = "trang")] string? page, CancellationToken cancellationToken)
    {
        var schema = Service<ISchemaCatalog>();
        var types = schema.ContentTypes.Where(t => !t.IsElement).OrderBy(t => t.Name, VietnameseText.Order).ToList();
        text = text?.Trim();
        type = types.Any(t => t.Alias == type) ? type : null;
        if (string.IsNullOrEmpty(text) && type is null)
        {
            return View(ContentSearchPage.ViewPath, new ContentSearchPage(text, type, types, SearchResults.Empty, [], Searched: false));
        }

        var number = int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : 1;
        var results = await Service<BackofficeSearch>().SearchAsync(new SearchRequest(text, Type: type, Page: number, PageSize: PageSize), Actor,
            cancellationToken);
        var rows = await RowsAsync(results.Hits, schema, cancellationToken);
        return View(ContentSearchPage.ViewPath, new ContentSearchPage(text, type, types, results, rows, Searched: true));
    }

    /// <summary>Each hit with its type's name and the names of the pages above it, read in one query for the whole page.</summary>
    private async Task<IReadOnlyList<ContentSearchRow>> RowsAsync(IReadOnlyList<SearchHit> hits, ISchemaCatalog schema,
        CancellationToken cancellationToken)
    {
        var ancestors = hits.Select(AncestorKeys).ToList();
        var wanted = ancestors.SelectMany(k => k).ToHashSet();
        var names = (await Service<DocumentQueries>().NodesAsync(wanted, cancellationToken)).ToDictionary(n => n.Key, n => n.Name);
        return hits.Select((h, i) => new ContentSearchRow(
                h,
                schema.FindContentType(h.ContentTypeAlias)?.Name ?? h.ContentTypeAlias,
                ancestors[i].Where(names.ContainsKey).Select(k => names[k]).ToList()))
            .ToList();
    }

    private static List<Guid> AncestorKeys(SearchHit hit) =>
        hit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Guid.TryParse(p, out var key) ? key : Guid.Empty)
            .Where(k => k != Guid.Empty && k != hit.Key)
            .ToList();
}

internal sealed record ContentSearchRow(SearchHit Hit, string TypeName, IReadOnlyList<string> Ancestors)
{
    private DateTime Local => VietnamTime.FromUtc(Hit.Date);

    public string Date => Local.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public string IsoDate => Local.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <param name="Searched">False when nothing was asked yet: the page shows only the form.</param>
internal sealed record ContentSearchPage(string? Text, string? Type, IReadOnlyList<ContentType> Types, SearchResults Results,
    IReadOnlyList<ContentSearchRow> Rows, bool Searched)
{
    public const string ViewPath = "~/Features/Backoffice/Content/Views/Search.cshtml";

    /// <summary>The address of another page of the same search.</summary>
    public string PageLink(int page)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(Text))
        {
            query.Add("q=" + Uri.EscapeDataString(Text));
        }

        if (Type is not null)
        {
            query.Add("loai=" + Uri.EscapeDataString(Type));
        }

        if (page > 1)
        {
            query.Add("trang=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return ContentSearchController.Path + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query));
    }
}
