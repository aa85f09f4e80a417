using Portal.Core.Text;

namespace Portal.Core.Forum;

/// <summary>What the statistics need of one question assigned to a unit.</summary>
public sealed record AssignedQuestion(Guid Key, string TrackingCode, string Title, Guid UnitKey, string UnitName, QuestionStatus Status,
    DateTime AssignedAt, DateOnly DueOn, DateTime? AnsweredAt);

/// <summary>One unit's row: questions received in the period, how many answered, how many within the deadline, how fast.</summary>
public sealed record UnitForumStatistics(Guid UnitKey, string UnitName, int Received, int Answered, int AnsweredOnTime,
    double? MedianWorkingDays, int? Percentile90WorkingDays, IReadOnlyList<AssignedQuestion> Overdue)
{
    /// <summary>Share answered within the deadline, of those whose deadline has passed or that were answered; null when none.</summary>
    public double? OnTimeShare { get; init; }
}

/// <summary>
/// Public accountability figures, computed the way the statistics page explains them: a question counts for the unit
/// it is assigned to (after any transfer), from the day it was assigned; days are working days (weekends and the
/// configured holidays left out); "on time" means answered on or before the due date.
/// </summary>
public static class ForumStatistics
{
    public static IReadOnlyList<UnitForumStatistics> Compute(IEnumerable<AssignedQuestion> questions, DateOnly today, WorkingCalendar calendar)
    {
        return questions.GroupBy(q => q.UnitKey)
            .Select(unit =>
            {
                var all = unit.ToList();
                var answered = all.Where(q => q.AnsweredAt is not null).ToList();
                var days = answered.Select(q => calendar.WorkingDaysBetween(LocalDay(q.AssignedAt), LocalDay(q.AnsweredAt!.Value)))
                    .Order().ToList();
                var onTime = answered.Count(q => LocalDay(q.AnsweredAt!.Value) <= q.DueOn);
                // A reopened question owes a new answer: late again when its new due date passes, though its first answer still counts.
                var overdue = all.Where(q => q.Status.AwaitsAnswer() && q.DueOn < today).OrderBy(q => q.DueOn).ToList();

                // A question still inside its deadline cannot be judged yet; it joins the denominator when answered or late.
                var judged = answered.Count + overdue.Count(q => q.AnsweredAt is null);
                return new UnitForumStatistics(unit.Key, all.OrderByDescending(q => q.AssignedAt).First().UnitName, all.Count, answered.Count, onTime,
                    Median(days), Percentile(days, 0.9), overdue)
                {
                    OnTimeShare = judged == 0 ? null : (double)onTime / judged,
                };
            })
            .OrderBy(u => u.UnitName, VietnameseText.Order)
            .ToList();
    }

    public static DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(VietnamTime.FromUtc(utc));

    /// <summary>The middle value, or the mean of the two middle values.</summary>
    public static double? Median(IReadOnlyList<int> sorted) => sorted.Count == 0
        ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;

    /// <summary>Nearest-rank percentile: the smallest value that at least that share of the values do not exceed.</summary>
    public static int? Percentile(IReadOnlyList<int> sorted, double share) => sorted.Count == 0
        ? null
        : sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Count) - 1)];
}
