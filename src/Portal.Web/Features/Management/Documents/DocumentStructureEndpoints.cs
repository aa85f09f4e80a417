using Portal.Core.Workflow;

namespace Portal.Web.Features.Management.Documents;

/// <summary>Where documents sit: move, sort, and the recycle bin (trash, restore, delete for good).</summary>
internal static class DocumentStructureEndpoints
{
    public static void MapDocumentStructure(this RouteGroupBuilder group, RouteGroupBuilder document)
    {
        document.MapPut("/{id:guid}/move", MoveAsync).WithName("PutDocumentByIdMove")
            .WithSummary("Moves a document (and its subtree) under another parent; target null is the top level.")
            .Accepts<MoveDocumentRequest>("application/json").Produces(StatusCodes.Status200OK);
        document.MapPut("/sort", SortAsync).WithName("PutDocumentSort")
            .WithSummary("Puts the children of a parent in the given order.").Accepts<SortDocumentRequest>("application/json")
            .Produces(StatusCodes.Status200OK);
        document.MapPut("/{id:guid}/move-to-recycle-bin", TrashAsync).WithName("PutDocumentByIdMoveToRecycleBin")
            .WithSummary("Moves a document and its subtree to the recycle bin; live pages come down.").Produces(StatusCodes.Status200OK);

        document.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteDocumentById")
            .WithSummary("Deletes a document from the recycle bin for good (only trashed documents).").Produces(StatusCodes.Status200OK);

        var bin = group.MapGroup("/recycle-bin/document").WithTags("Document");
        bin.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteRecycleBinDocumentById")
            .WithSummary("Deletes a document from the recycle bin for good.").Produces(StatusCodes.Status200OK);
        bin.MapPut("/{id:guid}/restore", RestoreAsync).WithName("PutRecycleBinDocumentByIdRestore")
            .WithSummary("Restores a document to its original place, or under the given target.")
            .Accepts<MoveDocumentRequest>("application/json").Produces(StatusCodes.Status200OK);
    }

    private static async Task<IResult> MoveAsync(HttpContext http, Guid id, ContentStructure structure)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        // Required: an empty body must not quietly mean "move to the top level".
        var (body, malformed) = await ManagementRequests.ReadAsync<MoveDocumentRequest>(http);
        if (body is null)
        {
            return malformed!;
        }

        return DocumentInput.Answer(await structure.MoveAsync(id, body.Target?.Id, actor, http.RequestAborted));
    }

    private static async Task<IResult> SortAsync(HttpContext http, ContentStructure structure)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        var (body, malformed) = await ManagementRequests.ReadAsync<SortDocumentRequest>(http);
        if (body is null)
        {
            return malformed!;
        }

        if (body.Sorting is not { Count: > 0 } sorting)
        {
            return ManagementRequests.Malformed("Thiếu sorting: danh sách {id, sortOrder} của các trang con.");
        }

        var ordered = sorting.OrderBy(s => s.SortOrder).Select(s => s.Id).ToList();
        return DocumentInput.Answer(await structure.SortAsync(body.Parent?.Id, ordered, actor, http.RequestAborted));
    }

    private static async Task<IResult> TrashAsync(HttpContext http, Guid id, ContentStructure structure)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        return DocumentInput.Answer(await structure.TrashAsync(id, actor, http.RequestAborted));
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, Guid id, ContentStructure structure)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        return DocumentInput.Answer(await structure.DeleteAsync(id, actor, http.RequestAborted));
    }

    /// <summary>Restores to the original parent; a target elsewhere is a move right after, as Umbraco restores "to" a place.</summary>
    private static async Task<IResult> RestoreAsync(HttpContext http, Guid id, ContentStructure structure, DocumentQueries queries)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        var (body, malformed) = await ManagementRequests.ReadAsync<MoveDocumentRequest>(http, required: false);
        if (malformed is not null)
        {
            return malformed;
        }

        var restored = await structure.RestoreAsync(id, actor, http.RequestAborted);
        if (!restored.Succeeded || body?.Target is not { } target)
        {
            return DocumentInput.Answer(restored);
        }

        var document = await queries.FindAsync(id, http.RequestAborted);
        return document?.ParentKey == target.Id
            ? DocumentInput.Answer(restored)
            : DocumentInput.Answer(await structure.MoveAsync(id, target.Id, actor, http.RequestAborted));
    }
}
