using Portal.Core.Access;
using Portal.Core.Schema;

namespace Portal.Web.Features.Management.Documents;

/// <summary>
/// <c>/tree/document/root</c> and <c>/tree/document/children</c>, as Umbraco's backoffice tree reads them. An actor
/// whose groups do not reach the whole tree starts at their start nodes; below that, nodes they may not browse are left
/// out, except the ancestors of a start node, which are shown with <c>noAccess</c> so the way down stays visible.
/// </summary>
internal static class DocumentTreeEndpoints
{
    private const int DefaultTake = 100;

    public static void MapDocumentTree(this RouteGroupBuilder group)
    {
        var tree = group.MapGroup("/tree/document").WithTags("Document");
        tree.MapGet("/root", RootAsync).WithName("GetTreeDocumentRoot").WithSummary("The top of the document tree the caller may see.")
            .Produces<PagedResponse<DocumentTreeItem>>();
        tree.MapGet("/children", ChildrenAsync).WithName("GetTreeDocumentChildren").WithSummary("The children of a document in the tree.")
            .Produces<PagedResponse<DocumentTreeItem>>();
    }

    private static async Task<IResult> RootAsync(HttpContext http, DocumentQueries queries, ISchemaCatalog schema)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        if (!ManagementRequests.TryPaging(http, DefaultTake, out var skip, out var take, out var problem))
        {
            return problem!;
        }

        var startNodes = ContentAccess.StartNodes(actor, out var wholeTree);
        if (wholeTree)
        {
            var top = await queries.ChildrenAsync(null, http.RequestAborted);
            return Page(Visible(top, actor, [], alwaysShown: false), schema, skip, take);
        }

        // A start node inside another start node's subtree is reached from that one; listing it twice would confuse.
        var starts = await queries.NodesAsync(startNodes, http.RequestAborted);
        var topMost = starts.Where(n => !starts.Any(other => IsBelow(n, other))).ToList();
        return Page(Visible(topMost, actor, starts, alwaysShown: true), schema, skip, take);
    }

    private static async Task<IResult> ChildrenAsync(HttpContext http, DocumentQueries queries, ISchemaCatalog schema)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        if (!ManagementRequests.TryPaging(http, DefaultTake, out var skip, out var take, out var problem)
            || !ManagementRequests.TryGuid(http, "parentId", out var parentId, out problem))
        {
            return problem!;
        }

        if (await queries.ContentTypeOfAsync(parentId, http.RequestAborted) is null)
        {
            return ManagementProblems.NotFound();
        }

        var startNodes = ContentAccess.StartNodes(actor, out var wholeTree);
        var children = await queries.ChildrenAsync(parentId, http.RequestAborted);
        return Page(Visible(children, actor, wholeTree ? [] : await queries.NodesAsync(startNodes, http.RequestAborted), alwaysShown: false),
            schema, skip, take);
    }

    /// <summary>The nodes the actor sees, each with whether they may open it.</summary>
    /// <param name="alwaysShown">The candidates are the actor's start nodes: shown even where a granular permission denies browsing.</param>
    private static List<(TreeNode Node, bool NoAccess)> Visible(IReadOnlyList<TreeNode> candidates, Actor actor,
        IReadOnlyList<TreeNode> startNodes, bool alwaysShown)
    {
        var visible = new List<(TreeNode, bool)>(candidates.Count);
        foreach (var node in candidates)
        {
            var browsable = ContentAccess.Permits(actor, Permission.Browse, node.Path);
            if (browsable)
            {
                visible.Add((node, false));
            }
            else if (alwaysShown || startNodes.Any(start => start.Key != node.Key && IsBelow(start, node)))
            {
                visible.Add((node, true));
            }
        }

        return visible;
    }

    private static bool IsBelow(TreeNode node, TreeNode ancestor) =>
        node.Path.StartsWith(ancestor.Path, StringComparison.Ordinal) && node.Key != ancestor.Key;

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<PagedResponse<DocumentTreeItem>> Page(List<(TreeNode Node, bool NoAccess)> visible, ISchemaCatalog schema, int skip, int take) =>
        TypedResults.Ok(new PagedResponse<DocumentTreeItem>(visible.Count,
            visible.Skip(skip).Take(take).Select(v => Item(v.Node, v.NoAccess, schema)).ToList()));

    private static DocumentTreeItem Item(TreeNode node, bool noAccess, ISchemaCatalog schema) => new(
        node.HasChildren,
        node.Key,
        node.ParentKey is { } parent ? new ReferenceById(parent) : null,
        noAccess,
        IsTrashed: false,
        IsProtected: false,
        DocumentResponses.TypeOf(node.ContentTypeAlias, schema),
        [new DocumentTreeVariant(node.Name, null, DocumentVariantState.Of(node.HasLive, node.HasPending))],
        DocumentResponses.Utc(node.CreatedAt));
}
