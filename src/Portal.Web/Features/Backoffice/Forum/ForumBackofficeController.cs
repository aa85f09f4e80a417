using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Portal.Core.Forum;
using Portal.Core.Text;
using Portal.Data.Forum;
using Portal.Data.Media;
using Portal.Infrastructure.Forum;
using Portal.Web.Features.Backoffice.Shell;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Backoffice.Forum;

/// <summary>
/// What the forum section's question pages share: loading a question the person may see, the absolute site address the
/// e-mails link to, and the question page itself — shown again after a refused form with the message and the typed text.
/// </summary>
public abstract class ForumBackofficeController : BackofficeController
{
    private protected const string QuestionView = "~/Features/Backoffice/Forum/Views/Question.cshtml";
    private const int MediaChoiceCount = 20;

    private protected string SiteUrl => $"{Request.Scheme}://{Request.Host}{Request.PathBase}".TrimEnd('/');

    private protected ForumPolicy Policy => Service<IOptions<ForumPolicy>>().Value;

    private protected DateOnly Today => DateOnly.FromDateTime(VietnamTime.FromUtc(Service<TimeProvider>().GetUtcNow().UtcDateTime));

    /// <summary>The question, or the 404/403 page when it does not exist or is not this person's to see.</summary>
    private protected async Task<(Question? Question, IActionResult? Refusal)> LoadAsync(Guid key, CancellationToken cancellationToken)
    {
        var question = await Service<ForumQueries>().FindAsync(key, cancellationToken);
        if (question is null)
        {
            return (null, BackofficeResults.Message(StatusCodes.Status404NotFound, "Không tìm thấy câu hỏi",
                "Câu hỏi này không tồn tại hoặc đã bị xóa (câu hỏi chưa xác nhận e-mail bị xóa sau thời hạn xác nhận)."));
        }

        return ForumAccess.CanSee(Actor, question) ? (question, null) : (null, BackofficeResults.Denied());
    }

    private protected static Dictionary<string, string> Typed(params (string Field, string? Value)[] fields) =>
        fields.Where(f => f.Value is not null).ToDictionary(f => f.Field, f => f.Value!, StringComparer.Ordinal);

    /// <summary>PRG: back to the question with the notice of what was done.</summary>
    private protected RedirectResult Done(Guid key, string notice) => Redirect(BackofficeNotices.Link(ForumPaths.BackofficeQuestion(key), notice));

    /// <summary>
    /// As <see cref="Done"/>, after a change the public sees (a question published, assigned, transferred or closed, an
    /// answer published, a post hidden or shown): cached lists and the sitemap go.
    /// </summary>
    private protected async Task<RedirectResult> PublicViewChangedAsync(Guid key, string notice)
    {
        await Portal.Web.Features.Forum.ForumOutputCache.EvictAsync(HttpContext);
        return Done(key, notice);
    }

    /// <summary>The refused form shown again: the question as it is now, the message, and what was typed.</summary>
    private protected async Task<IActionResult> RefusedAsync(Guid key, ForumOperationStatus status, string form, string? fieldId,
        IReadOnlyDictionary<string, string> typed, CancellationToken cancellationToken) =>
        await RefusedAsync(key, ForumOutcomes.HttpStatus(status), status.ToVietnamese(), form, fieldId, typed, cancellationToken);

    private protected async Task<IActionResult> RefusedAsync(Guid key, int httpStatus, string message, string form, string? fieldId,
        IReadOnlyDictionary<string, string> typed, CancellationToken cancellationToken)
    {
        var (question, refusal) = await LoadAsync(key, cancellationToken);
        if (question is null)
        {
            return refusal!;
        }

        var state = new ForumFormState(form, typed, [new FormError(fieldId ?? string.Empty, message)]);
        var view = View(QuestionView, await PageAsync(question, null, state, cancellationToken));
        view.StatusCode = httpStatus;
        return view;
    }

    private protected async Task<ForumQuestionPage> PageAsync(Question question, string? notice, ForumFormState form,
        CancellationToken cancellationToken)
    {
        var can = ForumAbilities.Of(Actor, question);
        var policy = Policy;
        ForumPublishProposal? proposal = null;
        if (can.Moderate && question.Status == QuestionStatus.Submitted)
        {
            proposal = Propose(question);
        }

        var ownAnswers = question.Answers.Where(a => a.UnitKey == question.AssignedUnitKey).ToList();
        var editable = ownAnswers.LastOrDefault(a => a.IsEditable);
        var pending = ownAnswers.Any(a => a.Status == AnswerStatus.PendingApproval);
        var media = Service<MediaItemStore>();
        var choices = can.WriteAnswer && question.Status.AwaitsAnswer()
            ? (await media.FilesAsync(MediaChoiceCount, cancellationToken)).Select(m => new ForumMediaChoice(m.Key, m.Name)).ToList()
            : [];
        var attached = question.Answers.SelectMany(a => a.AttachmentKeys).Distinct().ToList();
        var names = (await media.FindManyAsync(attached, cancellationToken)).ToDictionary(m => m.Key, m => m.Name);
        var units = can.Moderate || can.Transfer ? Service<ForumUnits>().All() : [];
        return new ForumQuestionPage(question, can, question.Deadline(Today, policy.Calendar(), policy), units, proposal, editable, pending,
            choices, names, ForumOutcomes.Notice(notice, question), form);
    }

    /// <summary>The moderator starts from the text with personal data masked, and is told where some was found.</summary>
    private static ForumPublishProposal Propose(Question question)
    {
        var title = PersonalDataRedactor.Redact(question.Title);
        var body = PersonalDataRedactor.Redact(question.Body);
        var findings = new List<string>(2);
        if (title != question.Title)
        {
            findings.Add($"tiêu đề ({Masks(title) - Masks(question.Title)} chỗ)");
        }

        if (body != question.Body)
        {
            findings.Add($"nội dung ({Masks(body) - Masks(question.Body)} chỗ)");
        }

        return new ForumPublishProposal(title, body, findings);
    }

    private static int Masks(string text)
    {
        var count = 0;
        for (var at = text.IndexOf(PersonalDataRedactor.Mask, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(PersonalDataRedactor.Mask, at + PersonalDataRedactor.Mask.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
