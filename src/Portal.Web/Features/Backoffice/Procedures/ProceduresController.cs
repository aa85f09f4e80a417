using Microsoft.AspNetCore.Mvc;
using Portal.Core.Access;
using Portal.Core.Procedures;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Features.Backoffice.Shell;

namespace Portal.Web.Features.Backoffice.Procedures;

/// <summary>
/// The procedures section: import a national-portal file (JSON, CSV, Excel) with a progress bar and a per-record report,
/// and the doors to the procedure set and the announcing decisions, which open in the same editor as every page.
/// </summary>
[BackofficeSection(Section.Procedures)]
public sealed class ProceduresController : BackofficeController
{
    public const string Root = "/umbraco/thu-tuc-hanh-chinh";
    private const long MaxFileBytes = 50L * 1024 * 1024;
    private static readonly string[] Extensions = [".json", ".csv", ".xlsx"];

    [HttpGet(Root)]
    public IActionResult Index() => View("~/Features/Backoffice/Procedures/Views/Index.cshtml", Page(error: null));

    [HttpPost(Root + "/nhap")]
    [ValidateAntiForgeryToken]
    [RequestSizeLimit(MaxFileBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + 1024 * 1024)]
    public async Task<IActionResult> Import(IFormFile? tep, CancellationToken cancellationToken)
    {
        var error = tep switch
        {
            null or { Length: 0 } => "Vui lòng chọn tệp cần nhập.",
            { Length: > MaxFileBytes } => "Tệp lớn hơn 50 MB; hãy chia thành nhiều tệp.",
            _ when !Extensions.Contains(Path.GetExtension(tep.FileName), StringComparer.OrdinalIgnoreCase) =>
                "Chỉ nhận tệp JSON (.json), CSV (.csv) hoặc Excel (.xlsx) xuất từ Cơ sở dữ liệu quốc gia về thủ tục hành chính.",
            _ => null,
        };
        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("~/Features/Backoffice/Procedures/Views/Index.cshtml", Page(error));
        }

        // The upload is copied to disk before the request ends; the job reads it in the background and deletes it.
        var path = Path.Combine(Path.GetTempPath(), $"portal-import-{Guid.NewGuid():N}{Path.GetExtension(tep!.FileName).ToLowerInvariant()}");
        await using (var copy = System.IO.File.Create(path))
        {
            await tep.CopyToAsync(copy, cancellationToken);
        }

        var job = Service<ProcedureImportJobs>().Start(path, Path.GetFileName(tep.FileName), Actor);
        return Redirect($"{Root}/nhap/{job.Id:N}");
    }

    [HttpGet(Root + "/nhap/{id:guid}")]
    public IActionResult Job(Guid id)
    {
        var job = Service<ProcedureImportJobs>().Find(id, Actor);
        if (job is null)
        {
            return BackofficeResults.Message(StatusCodes.Status404NotFound, "Không tìm thấy lượt nhập",
                "Không tìm thấy lượt nhập này. Mỗi lượt nhập chỉ được giữ để xem lại trong một ngày.");
        }

        if (job.Report is null)
        {
            // Works without script: the page refreshes itself until the report is ready.
            Response.Headers["Refresh"] = "2";
        }

        return View("~/Features/Backoffice/Procedures/Views/Job.cshtml", job);
    }

    private ProceduresSectionPage Page(string? error)
    {
        var routes = Service<PublishedRouteTree>();
        var set = Find(routes, ProcedureAliases.SetType);
        var decisions = set is null ? null : routes.ChildrenOf(set.Key).FirstOrDefault(n => n.ContentTypeAlias == ProcedureAliases.DecisionListType);
        var count = set is null ? 0 : routes.ChildrenOf(set.Key).Count(n => n.ContentTypeAlias == ProcedureAliases.ProcedureType);
        return new ProceduresSectionPage(set?.Key, decisions?.Key, count, Service<ProcedureImportJobs>().StartedBy(Actor), error);
    }

    private static Portal.Data.Content.PublishedNode? Find(PublishedRouteTree routes, string alias)
    {
        foreach (var root in routes.Roots)
        {
            if (routes.DescendantsOf(root.Key, n => n.ContentTypeAlias == alias) is [var found, ..])
            {
                return found;
            }
        }

        return null;
    }
}

internal sealed record ProceduresSectionPage(Guid? SetKey, Guid? DecisionListKey, int PublishedCount, IReadOnlyList<ProcedureImportJob> Jobs,
    string? Error);
