using Microsoft.AspNetCore.Mvc;
using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Schema;
using Portal.Core.Workflow;
using Portal.Data.Audit;
using Portal.Data.Content;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Features.Site;
using Portal.Web.Features.Backoffice.Shell;
using Portal.Web.Features.Management.Documents;

namespace Portal.Web.Features.Backoffice.Content;

/// <summary>A document's editions and timeline, a field-by-field comparison of any two editions, and rollback.</summary>
[BackofficeSection(null)]
public sealed class ContentHistoryController : BackofficeController
{
    private const string Root = ContentController.Root;
    private const int TimelineLength = 200;

    [HttpGet(Root + "/{key:guid}/lich-su")]
    public async Task<IActionResult> History(Guid key, CancellationToken cancellationToken)
    {
        var document = await Service<DocumentQueries>().FindAsync(key, cancellationToken);
        if (document is null)
        {
            return BackofficeResults.Missing();
        }

        if (!ContentAccess.Permits(Actor, Permission.Browse, document))
        {
            return BackofficeResults.Denied();
        }

        var timeline = await Service<AuditLogQueries>().PageAsync(new AuditLogFilter(EntityKey: key), 0, TimelineLength, cancellationToken);
        return View("~/Features/Backoffice/Content/Views/History.cshtml",
            new HistoryPage(document, document.Editions.OrderByDescending(e => e.Number).ToList(), timeline.Items,
                ContentAccess.Permits(Actor, Permission.Rollback, document)));
    }

    [HttpGet(Root + "/{key:guid}/so-sanh")]
    public async Task<IActionResult> Compare(Guid key, [FromQuery(Name = "a")] int? first, [FromQuery(Name = "b")] int? second,
        CancellationToken cancellationToken)
    {
        var document = await Service<DocumentQueries>().FindAsync(key, cancellationToken);
        if (document is null)
        {
            return BackofficeResults.Missing();
        }

        if (!ContentAccess.Permits(Actor, Permission.Browse, document))
        {
            return BackofficeResults.Denied();
        }

        var older = first is { } a ? document.FindEdition(a) : null;
        var newer = second is { } b ? document.FindEdition(b) : null;
        if (older is null || newer is null)
        {
            return BackofficeResults.Message(StatusCodes.Status400BadRequest, "Chưa chọn đủ hai phiên bản",
                "Hãy chọn hai phiên bản trong trang lịch sử để so sánh.");
        }

        var contentType = Service<ISchemaCatalog>().FindContentType(document.ContentTypeAlias)!;
        return View("~/Features/Backoffice/Content/Views/Compare.cshtml",
            new ComparePage(document, older, newer, EditionComparison.Rows(contentType, older, newer)));
    }

    /// <summary>The page being edited, rendered by the public site's own builder and view over the current edition.</summary>
    [HttpGet(Root + "/{key:guid}/xem-truoc")]
    public async Task<IActionResult> Preview(Guid key, CancellationToken cancellationToken)
    {
        var document = await Service<DocumentQueries>().FindAsync(key, cancellationToken);
        if (document is null)
        {
            return BackofficeResults.Missing();
        }

        if (!ContentAccess.Permits(Actor, Permission.Browse, document))
        {
            return BackofficeResults.Denied();
        }

        var edition = document.Current;
        var routes = Service<PublishedRouteTree>();
        var url = routes.UrlOf(key)
            ?? (document.ParentKey is { } parent && routes.UrlOf(parent) is { } parentUrl ? parentUrl + edition.UrlSegment + "/" : "/" + edition.UrlSegment + "/");
        var node = new PublishedNode(key, document.ParentKey, document.ContentTypeAlias, document.Level, document.SortOrder, edition.Name,
            edition.UrlSegment, edition.Number, document.CreatedAt, edition.UpdatedAt, edition.UnitKey);
        var draft = new PublishedContent(key, edition.Number, edition.Name, edition.Values, edition.UpdatedAt, edition.PublishedAt);
        var (page, view) = await Service<SitePageBuilder>().PreviewAsync(node, draft, url, new PageRequest(url, $"{Request.Scheme}://{Request.Host}"),
            cancellationToken);
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        return View($"~/Features/Site/Views/{view}.cshtml", page);
    }

    [HttpPost(Root + "/{key:guid}/khoi-phuc-phien-ban")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Rollback(Guid key, [FromForm(Name = "phien-ban")] int edition, CancellationToken cancellationToken)
    {
        var result = await Service<ContentEditing>().RollbackAsync(key, edition, Actor, cancellationToken);
        if (result.Succeeded)
        {
            return LocalRedirect($"{Root}/{key}?thong-bao=da-khoi-phuc-phien-ban");
        }

        return result.Status switch
        {
            ContentOperationStatus.NotFound => BackofficeResults.Missing(),
            ContentOperationStatus.Forbidden => BackofficeResults.Denied(),
            _ => BackofficeResults.Message(StatusCodes.Status400BadRequest, "Chưa khôi phục được", result.Status.ToVietnamese()),
        };
    }
}

internal sealed record HistoryPage(Document Document, IReadOnlyList<Edition> Editions, IReadOnlyList<AuditLogRow> Timeline, bool CanRollback);

internal sealed record CompareRow(string Field, string Older, string Newer)
{
    public bool Changed => !string.Equals(Older, Newer, StringComparison.Ordinal);
}

internal sealed record ComparePage(Document Document, Edition Older, Edition Newer, IReadOnlyList<CompareRow> Rows);

/// <summary>Two editions side by side, field by field, in a form editors can read: markup as text, lists as lines.</summary>
internal static class EditionComparison
{
    public static IReadOnlyList<CompareRow> Rows(ContentType contentType, Edition older, Edition newer)
    {
        var rows = new List<CompareRow> { new("Tên trang", older.Name, newer.Name) };
        foreach (var field in contentType.Fields.OrderBy(f => f.SortOrder))
        {
            rows.Add(new CompareRow(field.Name, Readable(field, older.Values.GetValueOrDefault(field.Alias)),
                Readable(field, newer.Values.GetValueOrDefault(field.Alias))));
        }

        return rows;
    }

    private static string Readable(FieldDefinition field, string? stored) => stored is null
        ? string.Empty
        : field.Editor switch
        {
            FieldEditor.RichText => FieldValueRules.RichTextMarkup(stored) ?? stored,
            FieldEditor.Tags or FieldEditor.Dropdown => string.Join(", ", FieldValueRules.ReadList(stored)),
            FieldEditor.Toggle => FieldValueRules.IsOn(stored) ? "Có" : "Không",
            _ => stored,
        };
}
