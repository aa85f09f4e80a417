using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Text;
using Portal.Core.Workflow;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Features.Backoffice.Content;
using Portal.Web.Features.Backoffice.Shell;
using Portal.Web.Features.Management.Documents;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Backoffice.Column;

/// <summary>
/// The newspaper's section: pick published articles from any unit into the CCHC column, order them (buttons, or drag
/// with a mouse), feature them and give each a display window; then publish the column. The picks are the column's
/// <c>placements</c> field, so every change is an edition of the column with its timeline, like any page.
/// </summary>
[BackofficeSection(Section.Column)]
public sealed class ColumnController : BackofficeController
{
    public const string Root = "/umbraco/chuyen-trang-cchc";
    private const int SearchLimit = 30;

    [HttpGet(Root)]
    public async Task<IActionResult> Index([FromQuery(Name = "q")] string? query, [FromQuery(Name = "thong-bao")] string? notice,
        CancellationToken cancellationToken)
    {
        var column = await FindColumnAsync(cancellationToken);
        if (column is null)
        {
            return View("~/Features/Backoffice/Column/Views/Index.cshtml", ColumnPage.Empty);
        }

        var placements = ColumnPlacements.Parse(column.Current.Values.GetValueOrDefault(ColumnPlacements.FieldAlias));
        return View("~/Features/Backoffice/Column/Views/Index.cshtml", Page(column, placements, query, notice is null ? null : Notice(notice), []));
    }

    [HttpPost(Root + "/{key:guid}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Save(Guid key, [FromForm] CurationForm form, CancellationToken cancellationToken)
    {
        var column = await Service<DocumentQueries>().FindAsync(key, cancellationToken);
        if (column is null || column.ContentTypeAlias != "column")
        {
            return BackofficeResults.Missing();
        }

        if (!ContentAccess.Permits(Actor, Permission.Browse, column))
        {
            return BackofficeResults.Denied();
        }

        if (!form.TryRead(out var placements, out var error))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("~/Features/Backoffice/Column/Views/Index.cshtml", Page(column, form.Unchecked(), form.Query, null, [new FormError(string.Empty, error!)]));
        }

        CurationSteps.Apply(placements, form.Step);
        var values = new Dictionary<string, string>(column.Current.Values, StringComparer.Ordinal)
        {
            [ColumnPlacements.FieldAlias] = ColumnPlacements.Write(placements, column.Current.Values.GetValueOrDefault(ColumnPlacements.FieldAlias)),
        };
        if (placements.Count == 0)
        {
            values.Remove(ColumnPlacements.FieldAlias);
        }

        var saved = await Service<ContentEditing>().SaveDraftAsync(key, form.Version, column.Current.Name, values, Actor, cancellationToken);
        if (saved.Succeeded && form.Then == "xuat-ban")
        {
            saved = await Service<ContentPublishing>().PublishAsync(key, Actor, cancellationToken);
        }

        if (!saved.Succeeded)
        {
            Response.StatusCode = saved.Status == ContentOperationStatus.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
            return View("~/Features/Backoffice/Column/Views/Index.cshtml",
                Page(column, placements, form.Query, null, ContentNotices.Errors(saved).Select(e => new FormError(string.Empty, e.Message)).ToList()));
        }

        var notice = form.Then == "xuat-ban" ? "da-xuat-ban" : "da-luu";
        return LocalRedirect($"{Root}?thong-bao={notice}" + (string.IsNullOrWhiteSpace(form.Query) ? string.Empty : "&q=" + Uri.EscapeDataString(form.Query)));
    }

    private ColumnPage Page(Document column, IReadOnlyList<ColumnPlacement> placements, string? query, string? notice, IReadOnlyList<FormError> errors)
    {
        var routes = Service<PublishedRouteTree>();
        var rows = placements.Select(p => new PlacementRow(p, routes.Find(p.ItemKey)?.Name ?? "(trang không còn xuất bản)", routes.Find(p.ItemKey) is not null))
            .ToList();
        var picked = placements.Select(p => p.ItemKey).ToHashSet();
        var found = string.IsNullOrWhiteSpace(query) ? [] : routes.Reachable()
            .Where(r => r.Node.ContentTypeAlias is "article" or "directive" && !picked.Contains(r.Node.Key)
                && Core.Text.VietnameseText.Fold(r.Node.Name).Contains(Core.Text.VietnameseText.Fold(query.Trim()), StringComparison.Ordinal))
            .OrderByDescending(r => r.Node.UpdatedAt)
            .Take(SearchLimit)
            .Select(r => new SearchHit(r.Node.Key, r.Node.Name, UnitOf(routes, r.Node.Key), r.Node.UpdatedAt))
            .ToList();
        var own = routes.ChildrenOf(column.Key).Select(n => new SearchHit(n.Key, n.Name, null, n.UpdatedAt)).ToList();
        return new ColumnPage(column, rows, query, found, own, notice, errors, ContentAccess.Permits(Actor, Permission.Publish, column),
            ContentAccess.Permits(Actor, Permission.Create, column));
    }

    private static string? UnitOf(PublishedRouteTree routes, Guid key) =>
        routes.AncestorsOf(key).FirstOrDefault(a => a.ContentTypeAlias == "unit")?.Name;

    private async Task<Document?> FindColumnAsync(CancellationToken cancellationToken)
    {
        var tree = Service<DocumentTree>();
        var pending = new Queue<VisibleNode>(await tree.RootAsync(Actor, cancellationToken));
        var visited = 0;
        while (pending.Count > 0 && visited++ < 2000)
        {
            var node = pending.Dequeue();
            if (node.Node.ContentTypeAlias == "column" && !node.NoAccess)
            {
                return await Service<DocumentQueries>().FindAsync(node.Node.Key, cancellationToken);
            }

            if (node.Node.HasChildren && node.Node.Level < 3)
            {
                foreach (var child in await tree.ChildrenAsync(node.Node.Key, Actor, cancellationToken))
                {
                    pending.Enqueue(child);
                }
            }
        }

        return null;
    }

    private static string Notice(string code) => code switch
    {
        "da-xuat-ban" => "Đã xuất bản chuyên trang: người đọc thấy thứ tự mới ngay.",
        _ => "Đã lưu bản nháp của chuyên trang. Bấm «Lưu và xuất bản» để người đọc thấy thay đổi.",
    };
}

internal sealed record PlacementRow(ColumnPlacement Placement, string Name, bool Live)
{
    public string From => Placement.ShowFrom is { } f ? VietnamTime.FromUtc(f).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : string.Empty;

    public string Until => Placement.ShowUntil is { } u ? VietnamTime.FromUtc(u).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : string.Empty;
}

internal sealed record SearchHit(Guid Key, string Name, string? Unit, DateTime UpdatedAt);

internal sealed record ColumnPage(Document? Column, IReadOnlyList<PlacementRow> Rows, string? Query, IReadOnlyList<SearchHit> Found,
    IReadOnlyList<SearchHit> Own, string? Notice, IReadOnlyList<FormError> Errors, bool CanPublish, bool CanWrite)
{
    public static ColumnPage Empty { get; } = new(null, [], null, [], [], null, [], false, false);
}
