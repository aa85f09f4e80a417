using Microsoft.AspNetCore.Mvc;
using Portal.Core.Access;
using Portal.Core.Forum;
using Portal.Infrastructure.Forum;
using Portal.Web.Features.Backoffice.Shell;

namespace Portal.Web.Features.Backoffice.Forum;

/// <summary>
/// One question for the Home Affairs moderators and the assigned unit: everything about it, and the moderators' verbs —
/// publish (with personal data masked) or reject, assign, transfer, decide on reports, close. Forms that change the
/// question carry the version the person saw, so a change made meanwhile by someone else is reported, not overwritten.
/// </summary>
[BackofficeSection(Section.Forum)]
public sealed class ForumQuestionController : ForumBackofficeController
{
    private const string Question = ForumPaths.Backoffice + "/{key:guid}";

    [HttpGet(Question)]
    public async Task<IActionResult> Show(Guid key, [FromQuery(Name = "thong-bao")] string? notice, CancellationToken cancellationToken)
    {
        var (question, refusal) = await LoadAsync(key, cancellationToken);
        return question is null
            ? refusal!
            : View(QuestionView, await PageAsync(question, notice, ForumFormState.None, cancellationToken));
    }

    [HttpPost(Question + "/dang")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Publish(Guid key, [FromForm(Name = "phien-ban")] int? version, [FromForm(Name = "tieu-de")] string? title,
        [FromForm(Name = "noi-dung")] string? body, [FromForm(Name = "don-vi")] Guid? unit, CancellationToken cancellationToken)
    {
        if (await LoadAsync(key, cancellationToken) is { Question: null } missing)
        {
            return missing.Refusal!;
        }

        var typed = Typed(("tieu-de", title), ("noi-dung", body), ("don-vi", unit?.ToString()));
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(body))
        {
            return await RefusedAsync(key, StatusCodes.Status400BadRequest, "Vui lòng nhập tiêu đề và nội dung sẽ đăng.", "dang",
                string.IsNullOrWhiteSpace(title) ? "tieu-de" : "noi-dung-dang", typed, cancellationToken);
        }

        var status = await Service<ForumModeration>().PublishAsync(Actor, key, version, title, body, unit, SiteUrl, cancellationToken);
        return status == ForumOperationStatus.Success
            ? await PublicViewChangedAsync(key, "da-dang")
            : await RefusedAsync(key, status, "dang", status == ForumOperationStatus.UnitRequired ? "don-vi-dang" : null, typed, cancellationToken);
    }

    [HttpPost(Question + "/khong-dang")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Reject(Guid key, [FromForm(Name = "phien-ban")] int? version, [FromForm(Name = "ly-do")] string? reason,
        CancellationToken cancellationToken)
    {
        if (await LoadAsync(key, cancellationToken) is { Question: null } missing)
        {
            return missing.Refusal!;
        }

        var status = await Service<ForumModeration>().RejectAsync(Actor, key, version, reason, SiteUrl, cancellationToken);
        return status == ForumOperationStatus.Success
            ? Done(key, "da-khong-dang")
            : await RefusedAsync(key, status, "khong-dang", "ly-do-khong-dang", Typed(("ly-do", reason)), cancellationToken);
    }

    [HttpPost(Question + "/phan-cong")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Assign(Guid key, [FromForm(Name = "phien-ban")] int? version, [FromForm(Name = "don-vi")] Guid? unit,
        CancellationToken cancellationToken)
    {
        if (await LoadAsync(key, cancellationToken) is { Question: null } missing)
        {
            return missing.Refusal!;
        }

        var status = unit is { } chosen
            ? await Service<ForumModeration>().AssignAsync(Actor, key, version, chosen, SiteUrl, cancellationToken)
            : ForumOperationStatus.UnitRequired;
        return status == ForumOperationStatus.Success
            ? await PublicViewChangedAsync(key, "da-phan-cong")
            : await RefusedAsync(key, status, "phan-cong", "don-vi-phan-cong", Typed(("don-vi", unit?.ToString())), cancellationToken);
    }

    [HttpPost(Question + "/chuyen")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Transfer(Guid key, [FromForm(Name = "phien-ban")] int? version, [FromForm(Name = "don-vi")] Guid? unit,
        [FromForm(Name = "co-quan")] string? agency, [FromForm(Name = "ly-do")] string? reason, CancellationToken cancellationToken)
    {
        if (await LoadAsync(key, cancellationToken) is { Question: null } missing)
        {
            return missing.Refusal!;
        }

        var status = await Service<ForumModeration>().TransferAsync(Actor, key, version, unit, unit is null ? agency : null, reason, SiteUrl,
            cancellationToken);
        var field = status switch
        {
            ForumOperationStatus.ReasonRequired => "ly-do-chuyen",
            ForumOperationStatus.UnitRequired => "don-vi-chuyen",
            _ => null,
        };
        return status == ForumOperationStatus.Success
            ? await PublicViewChangedAsync(key, "da-chuyen")
            : await RefusedAsync(key, status, "chuyen", field, Typed(("don-vi", unit?.ToString()), ("co-quan", agency), ("ly-do", reason)),
                cancellationToken);
    }

    [HttpPost(Question + "/dong")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Close(Guid key, [FromForm(Name = "phien-ban")] int? version, [FromForm(Name = "ghi-chu")] string? note,
        CancellationToken cancellationToken)
    {
        if (await LoadAsync(key, cancellationToken) is { Question: null } missing)
        {
            return missing.Refusal!;
        }

        var status = await Service<ForumModeration>().CloseAsync(Actor, key, version, note, cancellationToken);
        return status == ForumOperationStatus.Success
            ? await PublicViewChangedAsync(key, "da-dong")
            : await RefusedAsync(key, status, "dong", "ghi-chu-dong", Typed(("ghi-chu", note)), cancellationToken);
    }

    /// <summary>The moderator's decision on a reported post: the question itself, or one answer (<c>cau-tra-loi</c>).</summary>
    [HttpPost(Question + "/bao-cao")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> DecideReports(Guid key, [FromForm(Name = "cau-tra-loi")] Guid? answer,
        [FromForm(Name = "quyet-dinh")] string? decision, [FromForm(Name = "ly-do")] string? reason, CancellationToken cancellationToken)
    {
        if (await LoadAsync(key, cancellationToken) is { Question: null } missing)
        {
            return missing.Refusal!;
        }

        var remove = string.Equals(decision, "go-bo", StringComparison.Ordinal);
        var status = await Service<ForumModeration>().DecideReportsAsync(Actor, key, answer, remove, reason, cancellationToken);
        var form = "bao-cao-" + (answer?.ToString() ?? "cau-hoi");
        return status == ForumOperationStatus.Success
            ? await PublicViewChangedAsync(key, remove ? "da-go-bo" : "da-hien-lai")
            : await RefusedAsync(key, status, form, "ly-do-" + form, Typed(("ly-do", reason)), cancellationToken);
    }
}
