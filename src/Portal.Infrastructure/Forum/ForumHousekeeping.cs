using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Forum;
using Portal.Core.Text;
using Portal.Data.Forum;
using Portal.Infrastructure.Leases;
using Portal.Infrastructure.Notifications;

namespace Portal.Infrastructure.Forum;

/// <summary>
/// The forum's clock-driven rules: remind units before and after a due date, close answered questions whose reopen
/// window has passed, erase askers' contact details after the retention period, and delete questions never confirmed.
/// </summary>
public sealed class ForumHousekeeping(ForumStore store, ForumMail mail, IOptions<ForumPolicy> policy, BackofficeLinks links, TimeProvider clock)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var rules = policy.Value;
        var calendar = rules.Calendar();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(VietnamTime.FromUtc(now));
        var nextWorkingDay = calendar.AddWorkingDays(today, 1);

        foreach (var key in await store.KeysAsync(q => (q.Status == QuestionStatus.Assigned || q.Status == QuestionStatus.Reopened)
                     && q.DueOn != null && ((q.DueOn < today && q.RemindersSent < 2) || (q.DueOn <= nextWorkingDay && q.RemindersSent < 1)),
                     cancellationToken))
        {
            var (status, question) = await store.ChangeAsync(key, null, q =>
            {
                var level = q.DueOn < today ? 2 : 1;
                q.RecordReminder(level, q.AssignedUnitName ?? string.Empty, now);
                return ForumOperationStatus.Success;
            }, cancellationToken);
            if (status == ForumOperationStatus.Success)
            {
                await RemindAsync(question!, today, cancellationToken);
            }
        }

        var windowStart = now.AddDays(-rules.ReopenWindowDays);
        foreach (var key in await store.KeysAsync(q => (q.Status == QuestionStatus.Answered && q.UpdatedAt < windowStart)
                     || (q.Status == QuestionStatus.Transferred && q.UpdatedAt < windowStart), cancellationToken))
        {
            await store.ChangeAsync(key, null, q => q.Close(Actor.System("forum-housekeeping"), byAsker: false,
                "Tự động đóng sau thời hạn mở lại", now), cancellationToken);
        }

        var retentionStart = now.AddMonths(-rules.ContactRetentionMonths);
        foreach (var key in await store.KeysAsync(q => q.ContactErasedAt == null && q.ClosedAt != null && q.ClosedAt < retentionStart
                     && (q.Status == QuestionStatus.Closed || q.Status == QuestionStatus.Rejected), cancellationToken))
        {
            await store.ChangeAsync(key, null, q =>
            {
                q.EraseContact(now);
                return ForumOperationStatus.Success;
            }, cancellationToken);
        }

        await store.DeleteUnconfirmedAsync(now.AddDays(-rules.ConfirmationWindowDays), cancellationToken);
    }

    private Task RemindAsync(Question question, DateOnly today, CancellationToken cancellationToken)
    {
        var overdue = question.DueOn < today;
        var link = links.Site + ForumPaths.BackofficeQuestion(question.Key);
        return mail.ToUnitAsync(question,
            overdue ? $"Quá hạn trả lời câu hỏi {question.TrackingCode}" : $"Sắp đến hạn trả lời câu hỏi {question.TrackingCode}",
            $"Câu hỏi «{question.Title}» giao cho {question.AssignedUnitName} có hạn trả lời {ForumMail.DueText(question)}" +
            (overdue ? " và đã quá hạn." : ".") + $"\nTrả lời tại {link}",
            approversOnly: false, cancellationToken);
    }
}

/// <summary>Runs <see cref="ForumHousekeeping"/> on the node holding the <c>forum</c> lease.</summary>
public sealed class ForumHousekeepingService(ForumHousekeeping housekeeping, NodeLeases leases, TimeProvider clock,
    ILogger<ForumHousekeepingService> logger) : LeasedPeriodicService(leases, clock, logger)
{
    protected override string Lease => "forum";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => housekeeping.RunAsync(cancellationToken);
}
