using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Text;
using Portal.Core.Workflow;
using Portal.Web.Features.Backoffice.Shell;
using Portal.Web.Features.Management.Documents;

namespace Portal.Web.Features.Backoffice.Content;

/// <summary>
/// The workflow buttons of the editor: approve, reject, force publish, review, schedule, unpublish, discard, trash and
/// restore. Each is one Core verb; success returns to the editor with a notice, a refusal shows Core's message there.
/// </summary>
[BackofficeSection(null)]
public sealed class ContentWorkflowController : BackofficeController
{
    private const string Root = ContentController.Root;

    [HttpPost(Root + "/{key:guid}/duyet")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> Approve(Guid key, CancellationToken cancellationToken) =>
        RunAsync(key, "da-duyet", () => Service<ContentApproval>().ApproveAsync(key, Actor, cancellationToken: cancellationToken), cancellationToken);

    [HttpPost(Root + "/{key:guid}/tu-choi")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> Reject(Guid key, [FromForm(Name = "ly-do")] string? reason, CancellationToken cancellationToken) =>
        RunAsync(key, "da-tu-choi", () => Service<ContentApproval>().RejectAsync(key, Actor, reason ?? string.Empty, cancellationToken), cancellationToken);

    [HttpPost(Root + "/{key:guid}/xuat-ban-khong-qua-duyet")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> ForcePublish(Guid key, [FromForm(Name = "ly-do")] string? reason, CancellationToken cancellationToken) =>
        RunAsync(key, "da-xuat-ban", () => Service<ContentApproval>().ForcePublishAsync(key, Actor, reason ?? string.Empty, cancellationToken),
            cancellationToken);

    [HttpPost(Root + "/{key:guid}/xem-xet")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> Review(Guid key, [FromForm(Name = "ghi-chu")] string? note, CancellationToken cancellationToken) =>
        RunAsync(key, "da-xem-xet", () => Service<ContentApproval>().ReviewAsync(key, Actor, note, cancellationToken), cancellationToken);

    [HttpPost(Root + "/{key:guid}/go-xuat-ban")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> Unpublish(Guid key, CancellationToken cancellationToken) =>
        RunAsync(key, "da-go", () => Service<ContentPublishing>().UnpublishAsync(key, Actor, cancellationToken), cancellationToken);

    [HttpPost(Root + "/{key:guid}/huy-ban-nhap")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> Discard(Guid key, CancellationToken cancellationToken) =>
        RunAsync(key, "da-huy-nhap", () => Service<ContentEditing>().DiscardDraftAsync(key, Actor, cancellationToken), cancellationToken);

    [HttpPost(Root + "/{key:guid}/thung-rac")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> Trash(Guid key, CancellationToken cancellationToken) =>
        RunAsync(key, "da-bo-vao-thung-rac", () => Service<ContentStructure>().TrashAsync(key, Actor, cancellationToken), cancellationToken);

    [HttpPost(Root + "/{key:guid}/khoi-phuc")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> Restore(Guid key, CancellationToken cancellationToken) =>
        RunAsync(key, "da-khoi-phuc", () => Service<ContentStructure>().RestoreAsync(key, Actor, cancellationToken), cancellationToken);

    [HttpPost(Root + "/{key:guid}/hen-gio")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Schedule(Guid key, [FromForm(Name = "xuat-ban-luc")] string? publishAt, [FromForm(Name = "go-luc")] string? unpublishAt,
        CancellationToken cancellationToken)
    {
        if (!LocalTimeInput.TryRead(publishAt, out var publishUtc) || !LocalTimeInput.TryRead(unpublishAt, out var unpublishUtc))
        {
            return await ShowAsync(key, [new Core.Schema.FieldError(string.Empty, "Thời điểm hẹn giờ không hợp lệ (định dạng ngày/tháng/năm giờ:phút).")],
                cancellationToken);
        }

        return await RunAsync(key, "da-hen-gio",
            () => Service<ContentPublishing>().ScheduleAsync(key, publishUtc, unpublishUtc, Actor, cancellationToken), cancellationToken);
    }

    private async Task<IActionResult> RunAsync(Guid key, string notice, Func<Task<ContentOperationResult>> verb, CancellationToken cancellationToken)
    {
        var result = await verb();
        return result.Succeeded
            ? LocalRedirect($"{Root}/{key}?thong-bao={notice}")
            : await ShowAsync(key, ContentNotices.Errors(result), cancellationToken, result.Status);
    }

    private async Task<IActionResult> ShowAsync(Guid key, IReadOnlyList<Core.Schema.FieldError> errors, CancellationToken cancellationToken,
        ContentOperationStatus status = ContentOperationStatus.ValidationFailed)
    {
        var document = await Service<DocumentQueries>().FindAsync(key, cancellationToken);
        if (document is null)
        {
            return BackofficeResults.Missing();
        }

        if (status == ContentOperationStatus.Forbidden)
        {
            return BackofficeResults.Denied();
        }

        var page = await Service<ContentEditorPages>().ForDocumentAsync(document, Actor, document.Current.Name, document.Current.Values, errors,
            cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(ContentController.EditorView, page);
    }
}
