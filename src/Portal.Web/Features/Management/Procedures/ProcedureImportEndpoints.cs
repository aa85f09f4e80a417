using System.Text.Json.Serialization;
using Microsoft.Net.Http.Headers;
using Portal.Core.Access;
using Portal.Core.Workflow;
using Portal.Infrastructure.Procedures.Import;
using Portal.Web.Features.Media;

namespace Portal.Web.Features.Management.Procedures;

/// <summary>
/// <c>POST /procedure/import</c>: the backoffice import without the browser, for the nightly sync from the national
/// database. Synchronous: the answer is the whole per-record report.
/// </summary>
internal static class ProcedureImportEndpoints
{
    private const long MaxFileBytes = 50L * 1024 * 1024;

    public static RouteGroupBuilder MapProcedureImportEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/procedure/import", ImportAsync).WithTags("Procedure").WithName("PostProcedureImport")
            .WithSummary("Imports a national-portal file (JSON, NDJSON, CSV or Excel list export) into the procedure set and publishes it.")
            .Produces<ProcedureImportResponse>();
        return group;
    }

    private static async Task<IResult> ImportAsync(HttpContext http, ProcedureImportService imports)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        if (!actor.AllowsSection(Section.Procedures))
        {
            return ManagementProblems.Forbidden();
        }

        var request = http.Request;
        if (!request.HasFormContentType || !MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return ManagementRequests.Malformed("Yêu cầu phải là multipart/form-data, với tệp trong trường file.");
        }

        if (MediaUploadLimits.AnnouncedTooLarge(request, MaxFileBytes))
        {
            return TooLarge();
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(MediaUploadLimits.Apply(http, MaxFileBytes), http.RequestAborted);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (InvalidDataException)
        {
            return ManagementRequests.Malformed("Nội dung multipart/form-data không đọc được.");
        }

        if (form.Files.GetFile("file") is not { Length: > 0 } file)
        {
            return ManagementRequests.Malformed("Thiếu trường file: tệp cần nhập.");
        }

        await using var content = file.OpenReadStream();
        var report = await imports.ImportAsync(content, file.FileName, actor, progress: null, http.RequestAborted);
        return report.Status switch
        {
            ProcedureImportStatus.Completed => TypedResults.Ok(ProcedureImportResponse.Of(report)),
            ProcedureImportStatus.Forbidden => ManagementProblems.Forbidden(),
            ProcedureImportStatus.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: report.Summary),
            ProcedureImportStatus.Malformed => ManagementProblems.BadRequest("Malformed file", report.Summary),
            _ => ManagementProblems.BadRequest("No procedure set", report.Summary),
        };
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large",
        detail: "Tệp lớn hơn 50 MB; hãy chia thành nhiều tệp.");
}

internal sealed record ProcedureImportResponse(
    string Summary, int Created, int Updated, int Unchanged, int Rejected, long DurationMs, IReadOnlyList<ProcedureImportRecord> Records)
{
    public static ProcedureImportResponse Of(ProcedureImportReport report) => new(report.Summary, report.Created, report.Updated,
        report.Unchanged, report.Rejected, (long)report.Duration.TotalMilliseconds,
        report.Lines.Select(l => new ProcedureImportRecord(l.Position, l.Code, l.Name, l.Outcome, l.Reason)).ToList());
}

internal sealed record ProcedureImportRecord(int Position, string? Code, string? Name,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ImportOutcome>))] ImportOutcome Outcome, string? Reason);
