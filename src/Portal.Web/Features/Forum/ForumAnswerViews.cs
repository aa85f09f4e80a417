using Microsoft.Extensions.Options;
using Portal.Core.Forum;
using Portal.Core.Media;

namespace Portal.Web.Features.Forum;

/// <summary>The official answers of a question as readers see them: approved, not hidden, with their files and time taken.</summary>
public sealed class ForumAnswerViews(IMediaItemStore media, IOptions<ForumPolicy> policy, TimeProvider clock)
{
    public async Task<IReadOnlyList<ForumAnswerView>> BuildAsync(Question question, CancellationToken cancellationToken)
    {
        var calendar = policy.Value.Calendar();
        var views = new List<ForumAnswerView>();
        foreach (var answer in question.PublishedAnswers.Where(a => !a.Hidden))
        {
            var files = new List<ForumAttachment>();
            foreach (var key in answer.AttachmentKeys)
            {
                if (await media.FindAsync(key, cancellationToken) is { Url: { } url } item)
                {
                    files.Add(new ForumAttachment(item.Name, url));
                }
            }

            // Measured as the statistics measure it: from the day the question was assigned to the day the answer was approved.
            int? days = question.AssignedAt is { } assigned && answer.ApprovedAt is { } approved
                ? calendar.WorkingDaysBetween(ForumStatistics.LocalDay(assigned), ForumStatistics.LocalDay(approved))
                : null;
            views.Add(new ForumAnswerView(answer, days, files));
        }

        return views;
    }

    /// <summary>Whether the asker may still reopen: answered, and within the window after the last answer (as Core checks).</summary>
    public bool CanReopen(Question? question)
    {
        var answeredAt = question?.PublishedAnswers.LastOrDefault()?.ApprovedAt ?? question?.AnsweredAt;
        return question is { Status: QuestionStatus.Answered } && answeredAt is { } at
            && clock.GetUtcNow().UtcDateTime <= at.AddDays(policy.Value.ReopenWindowDays);
    }
}
