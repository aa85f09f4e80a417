using Microsoft.AspNetCore.Mvc;
using Portal.Core.Access;
using Portal.Core.Forum;
using Portal.Data.Media;
using Portal.Infrastructure.Forum;
using Portal.Web.Features.Backoffice.Shell;

namespace Portal.Web.Features.Backoffice.Forum;

/// <summary>
/// The assigned unit's official answer: its people write it (a draft, or sent for approval at once), its approvers
/// approve it — which publishes it and tells the asker — or return it with a reason the writer reads.
/// </summary>
[BackofficeSection(Section.Forum)]
public sealed class ForumAnswerController : ForumBackofficeController
{
    private const string Answers = ForumPaths.Backoffice + "/{key:guid}/tra-loi";
    private static readonly char[] KeySeparators = [' ', ',', ';', '\n', '\r', '\t'];

    [HttpPost(Answers)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Write(Guid key, [FromForm(Name = "cau-tra-loi")] Guid? answer, [FromForm(Name = "noi-dung")] string? body,
        [FromForm(Name = "trich-dan")] string? citations, [FromForm(Name = "tep")] List<Guid>? chosen, [FromForm(Name = "ma-tep")] string? typedKeys,
        [FromForm(Name = "gui")] string? send, CancellationToken cancellationToken)
    {
        if (await LoadAsync(key, cancellationToken) is { Question: null } missing)
        {
            return missing.Refusal!;
        }

        var typed = Typed(("noi-dung", body), ("trich-dan", citations), ("ma-tep", typedKeys),
            ("tep", chosen is { Count: > 0 } ? string.Join(' ', chosen) : null));
        if (string.IsNullOrWhiteSpace(body))
        {
            return await RefusedAsync(key, StatusCodes.Status400BadRequest, "Vui lòng nhập nội dung câu trả lời.", "tra-loi", "noi-dung-tra-loi",
                typed, cancellationToken);
        }

        var (attachments, attachmentError) = await AttachmentsAsync(chosen, typedKeys, cancellationToken);
        if (attachmentError is not null)
        {
            return await RefusedAsync(key, StatusCodes.Status400BadRequest, attachmentError, "tra-loi", "ma-tep", typed, cancellationToken);
        }

        var submit = string.Equals(send, "duyet", StringComparison.Ordinal);
        var lines = (citations ?? string.Empty).Split('\n').Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        var (status, _) = await Service<ForumAnswering>().WriteAsync(Actor, key, answer, body, lines, attachments, submit, SiteUrl,
            cancellationToken);
        return status == ForumOperationStatus.Success
            ? Done(key, submit ? "da-gui-duyet" : "da-luu-nhap")
            : await RefusedAsync(key, status, "tra-loi", null, typed, cancellationToken);
    }

    [HttpPost(Answers + "/{answer:guid}/duyet")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Approve(Guid key, Guid answer, CancellationToken cancellationToken)
    {
        if (await LoadAsync(key, cancellationToken) is { Question: null } missing)
        {
            return missing.Refusal!;
        }

        var status = await Service<ForumAnswering>().ApproveAsync(Actor, key, answer, SiteUrl, cancellationToken);
        return status == ForumOperationStatus.Success
            ? await PublicViewChangedAsync(key, "da-duyet")
            : await RefusedAsync(key, status, "duyet-" + answer, null, Typed(), cancellationToken);
    }

    [HttpPost(Answers + "/{answer:guid}/tra-lai")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Return(Guid key, Guid answer, [FromForm(Name = "ly-do")] string? reason, CancellationToken cancellationToken)
    {
        if (await LoadAsync(key, cancellationToken) is { Question: null } missing)
        {
            return missing.Refusal!;
        }

        var status = await Service<ForumAnswering>().ReturnAsync(Actor, key, answer, reason, cancellationToken);
        return status == ForumOperationStatus.Success
            ? Done(key, "da-tra-lai")
            : await RefusedAsync(key, status, "duyet-" + answer, "ly-do-tra-lai-" + answer, Typed(("ly-do", reason)), cancellationToken);
    }

    /// <summary>Files ticked in the list of recent media and keys typed by hand; every key must name a file of the library.</summary>
    private async Task<(IReadOnlyList<Guid> Keys, string? Error)> AttachmentsAsync(List<Guid>? chosen, string? typedKeys,
        CancellationToken cancellationToken)
    {
        var keys = new List<Guid>(chosen ?? []);
        foreach (var token in (typedKeys ?? string.Empty).Split(KeySeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Guid.TryParse(token, out var typedKey))
            {
                return ([], $"Mã tệp «{token}» không đúng định dạng. Hãy chép mã tệp từ thư viện media.");
            }

            keys.Add(typedKey);
        }

        keys = keys.Distinct().ToList();
        var found = await Service<MediaItemStore>().FindManyAsync(keys, cancellationToken);
        if (found.Count != keys.Count || found.Any(m => m.IsFolder))
        {
            return ([], "Có mã tệp không có trong thư viện media (hoặc là thư mục). Hãy kiểm tra lại các tệp đính kèm.");
        }

        return (keys, null);
    }
}
