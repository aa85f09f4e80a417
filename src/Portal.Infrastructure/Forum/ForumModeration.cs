using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Forum;
using Portal.Data.Forum;

namespace Portal.Infrastructure.Forum;

/// <summary>
/// The moderators' verbs (Sở Nội vụ): publish with personal data masked, reject with a reason sent to the asker,
/// assign to a unit with a due date, transfer, decide on reports, close. Core checks who may.
/// </summary>
public sealed class ForumModeration(ForumStore store, ForumMail mail, ForumUnits units, IOptions<ForumPolicy> policy, TimeProvider clock)
{
    public async Task<ForumOperationStatus> PublishAsync(Actor actor, Guid key, int? version, string title, string body, Guid? assignTo,
        string siteUrl, CancellationToken cancellationToken)
    {
        var unit = units.Find(assignTo);
        if (assignTo is not null && unit is null)
        {
            return ForumOperationStatus.UnitRequired;
        }

        var now = Now;
        var (status, question) = await store.ChangeAsync(key, version, q =>
        {
            var published = q.Publish(actor, title, body, now);
            return published != ForumOperationStatus.Success || unit is null
                ? published
                : q.Assign(actor, unit.Key, unit.Name, policy.Value, policy.Value.Calendar(), now);
        }, cancellationToken);
        if (status == ForumOperationStatus.Success && unit is not null)
        {
            await NewAssignmentAsync(question!, siteUrl, cancellationToken);
        }

        return status;
    }

    public async Task<ForumOperationStatus> RejectAsync(Actor actor, Guid key, int? version, string? reason, string siteUrl,
        CancellationToken cancellationToken)
    {
        var now = Now;
        var (status, question) = await store.ChangeAsync(key, version, q => q.Reject(actor, reason, now), cancellationToken);
        if (status == ForumOperationStatus.Success)
        {
            await mail.RejectedAsync(question!, siteUrl + ForumPaths.Track, cancellationToken);
        }

        return status;
    }

    public async Task<ForumOperationStatus> AssignAsync(Actor actor, Guid key, int? version, Guid unitKey, string siteUrl,
        CancellationToken cancellationToken)
    {
        if (units.Find(unitKey) is not { } unit)
        {
            return ForumOperationStatus.UnitRequired;
        }

        var now = Now;
        var (status, question) = await store.ChangeAsync(key, version,
            q => q.Assign(actor, unit.Key, unit.Name, policy.Value, policy.Value.Calendar(), now), cancellationToken);
        if (status == ForumOperationStatus.Success)
        {
            await NewAssignmentAsync(question!, siteUrl, cancellationToken);
        }

        return status;
    }

    /// <summary>To another unit of the portal (<paramref name="unitKey"/>) or, by name, to an agency outside it.</summary>
    public async Task<ForumOperationStatus> TransferAsync(Actor actor, Guid key, int? version, Guid? unitKey, string? agency, string? reason,
        string siteUrl, CancellationToken cancellationToken)
    {
        var unit = units.Find(unitKey);
        if (unitKey is not null && unit is null)
        {
            return ForumOperationStatus.UnitRequired;
        }

        var now = Now;
        var (status, question) = await store.ChangeAsync(key, version,
            q => q.Transfer(actor, unit?.Key, unit?.Name ?? agency, reason, policy.Value, policy.Value.Calendar(), now), cancellationToken);
        if (status == ForumOperationStatus.Success)
        {
            await mail.TransferredAsync(question!, siteUrl + ForumPaths.Track, cancellationToken);
            if (unit is not null)
            {
                await NewAssignmentAsync(question!, siteUrl, cancellationToken);
            }
        }

        return status;
    }

    public async Task<ForumOperationStatus> DecideReportsAsync(Actor actor, Guid key, Guid? answerKey, bool remove, string? note,
        CancellationToken cancellationToken)
    {
        var now = Now;
        return (await store.ChangeAsync(key, null, q => q.DecideReports(actor, answerKey, remove, note, now), cancellationToken)).Status;
    }

    public async Task<ForumOperationStatus> CloseAsync(Actor actor, Guid key, int? version, string? note, CancellationToken cancellationToken)
    {
        var now = Now;
        return (await store.ChangeAsync(key, version, q => q.Close(actor, byAsker: false, note, now), cancellationToken)).Status;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Task NewAssignmentAsync(Question question, string siteUrl, CancellationToken cancellationToken) =>
        mail.ToUnitAsync(question, $"Câu hỏi {question.TrackingCode} cần trả lời trước {ForumMail.DueText(question)}",
            $"Đơn vị {question.AssignedUnitName} được giao trả lời câu hỏi «{question.Title}».\n" +
            $"Hạn trả lời: {ForumMail.DueText(question)}.\nSoạn câu trả lời tại {siteUrl}{ForumPaths.BackofficeQuestion(question.Key)}",
            approversOnly: false, cancellationToken);
}
