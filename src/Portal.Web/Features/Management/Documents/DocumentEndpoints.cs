using System.Globalization;
using Microsoft.Net.Http.Headers;
using Portal.Core.Access;
using Portal.Core.Schema;
using Portal.Core.Workflow;

namespace Portal.Web.Features.Management.Documents;

/// <summary>
/// Umbraco 17's document endpoints: the tree, create/read/update/delete, publishing and the approval verbs, structure
/// (move, sort, recycle bin) and versions. Handlers only translate: Core checks permissions and rules, and every
/// expected failure goes through <see cref="ManagementProblems"/>.
/// </summary>
internal static class DocumentEndpoints
{
    public static IServiceCollection AddDocumentManagement(this IServiceCollection services) =>
        services.AddSingleton<DocumentQueries>().AddSingleton<DocumentTree>();

    public static RouteGroupBuilder MapDocumentEndpoints(this RouteGroupBuilder group)
    {
        group.MapDocumentTree();

        var document = group.MapGroup("/document").WithTags("Document");
        document.MapPost("/", CreateAsync).WithName("PostDocument").WithSummary("Creates a document (a first draft).")
            .Accepts<CreateDocumentRequest>("application/json").Produces(StatusCodes.Status201Created);
        document.MapGet("/{id:guid}", GetAsync).WithName("GetDocumentById").WithSummary("A document as its editor sees it; ETag is its version.")
            .Produces<DocumentResponse>();
        document.MapPut("/{id:guid}", UpdateAsync).WithName("PutDocumentById")
            .WithSummary("Saves the draft; If-Match with an older version answers 409 and changes nothing.")
            .Accepts<UpdateDocumentRequest>("application/json").Produces(StatusCodes.Status200OK);

        document.MapDocumentPublishing();
        group.MapDocumentStructure(document);
        group.MapDocumentVersions();
        return group;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, ContentEditing editing, ISchemaCatalog schema)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        var (body, malformed) = await ManagementRequests.ReadAsync<CreateDocumentRequest>(http);
        if (body is null)
        {
            return malformed!;
        }

        if (body.DocumentType is null)
        {
            return ManagementRequests.Malformed("Thiếu documentType: loại nội dung của trang mới.");
        }

        var contentType = schema.ContentTypes.FirstOrDefault(t => t.Key == body.DocumentType.Id);
        if (contentType is null)
        {
            return ManagementProblems.For(ContentOperationStatus.ContentTypeNotFound);
        }

        if (!DocumentInput.TryRead(body.Values, body.Variants, contentType, out var name, out var values, out var problem))
        {
            return problem!;
        }

        var result = await editing.CreateAsync(contentType.Alias, body.Parent?.Id, name, values, actor, body.Id,
            cancellationToken: http.RequestAborted);
        if (!result.Succeeded)
        {
            return ManagementProblems.For(result);
        }

        var key = result.DocumentKey!.Value;
        http.Response.Headers["Umb-Generated-Resource"] = key.ToString();
        return TypedResults.Created($"{ManagementApi.BasePath}/document/{key}");
    }

    private static async Task<IResult> GetAsync(HttpContext http, Guid id, DocumentQueries queries, ISchemaCatalog schema)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        var document = await queries.FindAsync(id, http.RequestAborted);
        if (document is null)
        {
            return ManagementProblems.NotFound();
        }

        if (!ContentAccess.Permits(actor, Permission.Browse, document))
        {
            return ManagementProblems.Forbidden();
        }

        http.Response.Headers.ETag = ManagementRequests.ETagOf(document.Version);
        return TypedResults.Ok(DocumentResponses.Document(document, schema));
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, Guid id, ContentEditing editing, DocumentQueries queries, ISchemaCatalog schema)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        if (!ManagementRequests.TryExpectedVersion(http, out var expectedVersion))
        {
            return ManagementRequests.Malformed("If-Match phải là phiên bản (ETag) nhận được từ GET /document/{id}, ví dụ \"7\".");
        }

        var (body, malformed) = await ManagementRequests.ReadAsync<UpdateDocumentRequest>(http);
        if (body is null)
        {
            return malformed!;
        }

        var contentTypeAlias = await queries.ContentTypeOfAsync(id, http.RequestAborted);
        if (contentTypeAlias is null)
        {
            return ManagementProblems.NotFound();
        }

        if (!DocumentInput.TryRead(body.Values, body.Variants, schema.FindContentType(contentTypeAlias), out var name, out var values, out var problem))
        {
            return problem!;
        }

        var result = await editing.SaveDraftAsync(id, expectedVersion, name, values, actor, http.RequestAborted);
        return DocumentInput.Answer(result);
    }
}
