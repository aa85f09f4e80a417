using Portal.Core.Access;
using Portal.Core.Forum;
using Portal.Data.Forum;

namespace Portal.Infrastructure.Forum;

/// <summary>The assigned unit's verbs: write the answer, send it for approval, and (its approvers) return or approve it.</summary>
public sealed class ForumAnswering(ForumStore store, ForumMail mail, TimeProvider clock)
{
    public async Task<(ForumOperationStatus Status, Guid? AnswerKey)> WriteAsync(Actor actor, Guid key, Guid? answerKey, string? body,
        IReadOnlyList<string> citations, IReadOnlyList<Guid> attachmentKeys, bool submit, string siteUrl, CancellationToken cancellationToken)
    {
        var now = Now;
        Guid? written = answerKey;
        var (status, question) = await store.ChangeAsync(key, null, q =>
        {
            var result = q.WriteAnswer(actor, answerKey, body ?? string.Empty, citations, attachmentKeys, now);
            if (result != ForumOperationStatus.Success)
            {
                return result;
            }

            written ??= q.Answers.Last().Key;
            return submit ? q.SubmitAnswer(actor, written.Value, now) : result;
        }, cancellationToken);
        if (status == ForumOperationStatus.Success && submit)
        {
            await AwaitingApprovalAsync(question!, siteUrl, cancellationToken);
        }

        return (status, status == ForumOperationStatus.Success ? written : null);
    }

    public async Task<ForumOperationStatus> ReturnAsync(Actor actor, Guid key, Guid answerKey, string? reason, CancellationToken cancellationToken)
    {
        var now = Now;
        return (await store.ChangeAsync(key, null, q => q.ReturnAnswer(actor, answerKey, reason, now), cancellationToken)).Status;
    }

    public async Task<ForumOperationStatus> ApproveAsync(Actor actor, Guid key, Guid answerKey, string siteUrl, CancellationToken cancellationToken)
    {
        var now = Now;
        var (status, question) = await store.ChangeAsync(key, null, q => q.ApproveAnswer(actor, answerKey, now), cancellationToken);
        if (status == ForumOperationStatus.Success)
        {
            await mail.AnsweredAsync(question!, siteUrl + ForumPaths.Thread(question!.TrackingCode), siteUrl + ForumPaths.Track, cancellationToken);
        }

        return status;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Task AwaitingApprovalAsync(Question question, string siteUrl, CancellationToken cancellationToken) =>
        mail.ToUnitAsync(question, $"Câu trả lời cho {question.TrackingCode} chờ duyệt",
            $"Câu trả lời của {question.AssignedUnitName} cho câu hỏi «{question.Title}» đang chờ duyệt.\n" +
            $"Hạn trả lời: {ForumMail.DueText(question)}.\nDuyệt tại {siteUrl}{ForumPaths.BackofficeQuestion(question.Key)}",
            approversOnly: true, cancellationToken);
}
