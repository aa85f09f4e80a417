using Microsoft.AspNetCore.Mvc;
using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Web.Features.Backoffice.Content;
using Portal.Web.Features.Backoffice.Shell;
using Portal.Web.Features.Management.Documents;

namespace Portal.Web.Features.Backoffice.Directives;

/// <summary>
/// The Provincial Office's section: its directive lists and their leadership directives, newest first, with the
/// document facts at a glance. Writing, scheduling and publishing open the same editor as every page, where Core checks
/// the group's start node.
/// </summary>
[BackofficeSection(Section.Directives)]
public sealed class DirectivesController : BackofficeController
{
    public const string Root = "/umbraco/chi-dao-dieu-hanh";
    private const string ListAlias = "directiveList";

    [HttpGet(Root)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var tree = Service<DocumentTree>();
        var found = new List<VisibleNode>();

        // Directive lists sit near the top of the tree (under the home page); a breadth-first walk of the visible
        // tree finds them without loading every page.
        var pending = new Queue<VisibleNode>(await tree.RootAsync(Actor, cancellationToken));
        var visited = 0;
        while (pending.Count > 0 && visited++ < 2000)
        {
            var node = pending.Dequeue();
            if (node.Node.ContentTypeAlias == ListAlias && !node.NoAccess)
            {
                found.Add(node);
                continue;
            }

            if (node.Node.HasChildren && node.Node.Level < 3)
            {
                foreach (var child in await tree.ChildrenAsync(node.Node.Key, Actor, cancellationToken))
                {
                    pending.Enqueue(child);
                }
            }
        }

        // Every list's directives in one read, however many directives there are.
        var children = (await Service<DocumentQueries>().ChildrenWithEditionsAsync(found.Select(n => n.Node.Key).ToList(), cancellationToken))
            .ToLookup(d => d.ParentKey);
        var lists = found.Select(node => new DirectiveList(node.Node.Key, node.Node.Name,
                children[node.Node.Key].Select(DirectiveRow.Of).OrderByDescending(d => d.UpdatedAt).ToList(),
                ContentAccess.Permits(Actor, Permission.Create, node.Node.Path)))
            .ToList();

        return View("~/Features/Backoffice/Directives/Views/Index.cshtml", new DirectivesPage(lists));
    }
}

internal sealed record DirectivesPage(IReadOnlyList<DirectiveList> Lists);

internal sealed record DirectiveList(Guid Key, string Name, IReadOnlyList<DirectiveRow> Directives, bool CanCreate);

internal sealed record DirectiveRow(Guid Key, string Name, string? DocumentNumber, string? IssueDate, string? Signer, string State, DateTime UpdatedAt)
{
    public static DirectiveRow Of(Document document)
    {
        var current = document.Current;
        var state = document.Trashed ? "Trong thùng rác"
            : document.Pending is { } pending ? pending.Status.ToVietnamese() + (document.Live is not null ? " (đang có bản xuất bản)" : string.Empty)
            : document.Live is not null ? EditionStatus.Published.ToVietnamese() : current.Status.ToVietnamese();
        var issueDate = current.Values.GetValueOrDefault("issueDate") is { } date ? ContentFieldValues.DateInput(date, false) : null;
        return new DirectiveRow(document.Key, current.Name, current.Values.GetValueOrDefault("documentNumber"),
            issueDate is { Length: 10 } ? $"{issueDate[8..10]}/{issueDate[5..7]}/{issueDate[..4]}" : issueDate,
            current.Values.GetValueOrDefault("signer"), state, current.UpdatedAt);
    }
}
