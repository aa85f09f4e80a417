using Microsoft.AspNetCore.Mvc;
using Portal.Core.Access;
using Portal.Core.Schema;
using Portal.Core.Workflow;
using Portal.Web.Features.Backoffice.Shell;
using Portal.Web.Features.Management.Documents;

namespace Portal.Web.Features.Backoffice.Content;

/// <summary>Where pages sit: move under another page, the order of a page's children, and the recycle bin.</summary>
[BackofficeSection(null)]
public sealed class ContentStructureController : BackofficeController
{
    private const string Root = ContentController.Root;

    [HttpGet(Root + "/thung-rac")]
    public async Task<IActionResult> RecycleBin([FromQuery(Name = "thong-bao")] string? notice, CancellationToken cancellationToken)
    {
        var trashed = await Service<DocumentQueries>().TrashedAsync(cancellationToken);
        var visible = trashed.Where(n => ContentAccess.Permits(Actor, Permission.Browse, n.Path)).ToList();
        return View("~/Features/Backoffice/Content/Views/RecycleBin.cshtml", new RecycleBinPage(visible, ContentNotices.Text(notice)));
    }

    [HttpGet(Root + "/{key:guid}/di-chuyen")]
    public async Task<IActionResult> Move(Guid key, CancellationToken cancellationToken)
    {
        var queries = Service<DocumentQueries>();
        var document = await queries.FindAsync(key, cancellationToken);
        if (document is null)
        {
            return BackofficeResults.Missing();
        }

        if (!ContentAccess.Permits(Actor, Permission.Move, document))
        {
            return BackofficeResults.Denied();
        }

        // Candidates: every page the user may create under whose type accepts this one, outside the page's own subtree.
        var schema = Service<ISchemaCatalog>();
        var targets = new List<TreeNode>();
        var pending = new Queue<VisibleNode>(await Service<DocumentTree>().RootAsync(Actor, cancellationToken));
        while (pending.Count > 0 && targets.Count < 500)
        {
            var node = pending.Dequeue().Node;
            if (node.Path.StartsWith(document.Path, StringComparison.Ordinal))
            {
                continue;
            }

            if (node.Key != document.ParentKey && ContentAccess.Permits(Actor, Permission.Create, node.Path)
                && schema.FindContentType(node.ContentTypeAlias)?.AllowsChild(document.ContentTypeAlias) == true)
            {
                targets.Add(node);
            }

            if (node.HasChildren)
            {
                foreach (var child in await Service<DocumentTree>().ChildrenAsync(node.Key, Actor, cancellationToken))
                {
                    pending.Enqueue(child);
                }
            }
        }

        return View("~/Features/Backoffice/Content/Views/Move.cshtml", new MovePage(key, document.Current.Name, targets, null));
    }

    [HttpPost(Root + "/{key:guid}/di-chuyen")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> MoveTo(Guid key, [FromForm(Name = "dich")] Guid? target, CancellationToken cancellationToken)
    {
        if (target is null)
        {
            return BackofficeResults.Message(StatusCodes.Status400BadRequest, "Chưa chọn vị trí mới", "Hãy chọn trang sẽ chứa trang được di chuyển.");
        }

        var result = await Service<ContentStructure>().MoveAsync(key, target, Actor, cancellationToken);
        return Outcome(result, key, "da-di-chuyen");
    }

    [HttpGet(Root + "/{key:guid}/sap-xep")]
    public async Task<IActionResult> Sort(Guid key, [FromQuery(Name = "thong-bao")] string? notice, CancellationToken cancellationToken)
    {
        var document = await Service<DocumentQueries>().FindAsync(key, cancellationToken);
        if (document is null)
        {
            return BackofficeResults.Missing();
        }

        if (!ContentAccess.Permits(Actor, Permission.Sort, document))
        {
            return BackofficeResults.Denied();
        }

        var children = await Service<DocumentQueries>().ChildrenAsync(key, cancellationToken);
        return View("~/Features/Backoffice/Content/Views/Sort.cshtml", new SortPage(key, document.Current.Name, children, ContentNotices.Text(notice)));
    }

    /// <summary>Saves the posted order; "lên"/"xuống" buttons move one page a step first, so sorting works without a mouse or script.</summary>
    [HttpPost(Root + "/{key:guid}/sap-xep")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> SortTo(Guid key, [FromForm(Name = "thu-tu")] List<Guid> order, [FromForm(Name = "buoc")] string? step,
        CancellationToken cancellationToken)
    {
        SortSteps.Apply(order, step);
        var result = await Service<ContentStructure>().SortAsync(key, order, Actor, cancellationToken);
        if (!result.Succeeded)
        {
            return Outcome(result, key, "da-sap-xep");
        }

        return LocalRedirect(step is null ? $"{Root}/{key}?thong-bao=da-sap-xep" : $"{Root}/{key}/sap-xep?thong-bao=da-sap-xep");
    }

    private IActionResult Outcome(ContentOperationResult result, Guid key, string notice) => result.Status switch
    {
        ContentOperationStatus.Success => LocalRedirect($"{Root}/{key}?thong-bao={notice}"),
        ContentOperationStatus.NotFound => BackofficeResults.Missing(),
        ContentOperationStatus.Forbidden => BackofficeResults.Denied(),
        _ => BackofficeResults.Message(StatusCodes.Status400BadRequest, "Chưa thực hiện được", result.Status.ToVietnamese()),
    };
}

internal sealed record RecycleBinPage(IReadOnlyList<TreeNode> Items, string? Notice);

internal sealed record MovePage(Guid Key, string Name, IReadOnlyList<TreeNode> Targets, string? Error);

internal sealed record SortPage(Guid Key, string Name, IReadOnlyList<TreeNode> Children, string? Notice);

/// <summary>One step of keyboard sorting: <c>len:{key}</c> or <c>xuong:{key}</c> swaps a page with its neighbour.</summary>
internal static class SortSteps
{
    public static void Apply(List<Guid> order, string? step)
    {
        var parts = step?.Split(':');
        if (parts is not { Length: 2 } || !Guid.TryParse(parts[1], out var key))
        {
            return;
        }

        var index = order.IndexOf(key);
        var other = parts[0] == "len" ? index - 1 : parts[0] == "xuong" ? index + 1 : -1;
        if (index < 0 || other < 0 || other >= order.Count)
        {
            return;
        }

        (order[index], order[other]) = (order[other], order[index]);
    }
}
