using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Schema;
using Portal.Core.Workflow;

namespace Portal.Web.Features.Management.Documents;

/// <summary>
/// A document's versions (its editions, addressed by <see cref="Edition.Key"/>), newest first, and rollback, which
/// copies an older version into a new draft; the live page stays live until that draft is published.
/// </summary>
internal static class DocumentVersionEndpoints
{
    private const int DefaultTake = 100;

    public static void MapDocumentVersions(this RouteGroupBuilder group)
    {
        var versions = group.MapGroup("/document-version").WithTags("Document Version");
        versions.MapGet("/", ListAsync).WithName("GetDocumentVersion").WithSummary("The versions of a document, newest first.")
            .Produces<PagedResponse<DocumentVersionItem>>();
        versions.MapGet("/{id:guid}", GetAsync).WithName("GetDocumentVersionById").WithSummary("One version with its values.")
            .Produces<DocumentVersionResponse>();
        versions.MapPost("/{id:guid}/rollback", RollbackAsync).WithName("PostDocumentVersionByIdRollback")
            .WithSummary("Copies this version into a new draft of its document.").Produces(StatusCodes.Status200OK);
    }

    private static async Task<IResult> ListAsync(HttpContext http, DocumentQueries queries, ISchemaCatalog schema)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        if (!ManagementRequests.TryGuid(http, "documentId", out var documentId, out var problem)
            || !ManagementRequests.TryPaging(http, DefaultTake, out var skip, out var take, out problem))
        {
            return problem!;
        }

        var document = await queries.FindAsync(documentId, http.RequestAborted);
        if (document is null)
        {
            return ManagementProblems.NotFound();
        }

        if (!ContentAccess.Permits(actor, Permission.Browse, document))
        {
            return ManagementProblems.Forbidden();
        }

        var page = document.Editions.OrderByDescending(e => e.Number).Skip(skip).Take(take).ToList();
        var authors = await queries.UserKeysAsync(page.Select(e => e.CreatedBy).Distinct().ToList(), http.RequestAborted);
        var type = DocumentResponses.TypeOf(document.ContentTypeAlias, schema);
        var current = document.Current;
        var items = page.Select(e => new DocumentVersionItem(
            e.Key,
            new ReferenceById(document.Key),
            new ReferenceById(type.Id),
            authors.TryGetValue(e.CreatedBy, out var author) ? new ReferenceById(author) : null,
            DocumentResponses.Utc(e.UpdatedAt),
            IsCurrentPublishedVersion: e.Status == EditionStatus.Published,
            IsCurrentDraftVersion: e == current,
            PreventCleanup: false)).ToList();
        return TypedResults.Ok(new PagedResponse<DocumentVersionItem>(document.Editions.Count, items));
    }

    private static async Task<IResult> GetAsync(HttpContext http, Guid id, DocumentQueries queries, ISchemaCatalog schema)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        if (await queries.EditionAsync(id, http.RequestAborted) is not { } edition
            || await queries.FindAsync(edition.DocumentKey, http.RequestAborted) is not { } document)
        {
            return ManagementProblems.For(ContentOperationStatus.EditionNotFound);
        }

        if (!ContentAccess.Permits(actor, Permission.Browse, document))
        {
            return ManagementProblems.Forbidden();
        }

        return TypedResults.Ok(DocumentResponses.Version(document, document.FindEdition(edition.Number)!, schema));
    }

    private static async Task<IResult> RollbackAsync(HttpContext http, Guid id, DocumentQueries queries, ContentEditing editing)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        if (await queries.EditionAsync(id, http.RequestAborted) is not { } edition)
        {
            return ManagementProblems.For(ContentOperationStatus.EditionNotFound);
        }

        return DocumentInput.Answer(await editing.RollbackAsync(edition.DocumentKey, edition.Number, actor, http.RequestAborted));
    }
}
