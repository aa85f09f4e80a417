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

    private static async Task<IResult> RootAsync(HttpContext http, DocumentTree tree, ISchemaCatalog schema)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        if (!ManagementRequests.TryPaging(http, DefaultTake, out var skip, out var take, out var problem))
        {
            return problem!;
        }

        return Page(await tree.RootAsync(actor, http.RequestAborted), schema, skip, take);
    }

    private static async Task<IResult> ChildrenAsync(HttpContext http, DocumentQueries queries, DocumentTree tree, ISchemaCatalog schema)
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

        return Page(await tree.ChildrenAsync(parentId, actor, http.RequestAborted), schema, skip, take);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<PagedResponse<DocumentTreeItem>> Page(IReadOnlyList<VisibleNode> visible, ISchemaCatalog schema, int skip, int take) =>
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
