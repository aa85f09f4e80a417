namespace Portal.Core.Forum;

/// <summary>
/// Working days in Vietnam: Monday to Friday, except the public holidays the operator lists (Tết moves with the lunar
/// calendar, so the list is configuration, not a rule). Deadlines are counted from the day after the start.
/// </summary>
public sealed class WorkingCalendar(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> holidays = [.. holidays];

    public IReadOnlyCollection<DateOnly> Holidays => holidays;

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    /// <summary>The day that ends <paramref name="workingDays"/> working days after <paramref name="start"/> (not counting the start itself).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var day = start;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>Working days after <paramref name="start"/> up to and including <paramref name="end"/>; 0 when end is not after start.</summary>
    public int WorkingDaysBetween(DateOnly start, DateOnly end)
    {
        var count = 0;
        for (var day = start.AddDays(1); day <= end; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}

/// <summary>The forum's configurable rules (<c>Portal:Forum</c>).</summary>
public sealed class ForumPolicy
{
    /// <summary>Working days a unit has to answer, by kind.</summary>
    public int InquiryDeadlineDays { get; set; } = 7;
    public int FeedbackDeadlineDays { get; set; } = 10;

    /// <summary>Distinct readers' reports that hide a post until a moderator decides.</summary>
    public int ReportThreshold { get; set; } = 3;

    /// <summary>Calendar days after the answer during which the asker may reopen the question.</summary>
    public int ReopenWindowDays { get; set; } = 30;

    /// <summary>Working days past the due date after which an open question counts as very overdue.</summary>
    public int VeryOverdueAfterDays { get; set; } = 5;

    /// <summary>Months after closing (or rejection) after which the asker's contact details are erased (NĐ 13/2023/NĐ-CP).</summary>
    public int ContactRetentionMonths { get; set; } = 12;

    /// <summary>Days an unconfirmed question waits for the e-mail confirmation before it is deleted.</summary>
    public int ConfirmationWindowDays { get; set; } = 7;

    /// <summary>Questions one address may send per hour (public posting is rate-limited).</summary>
    public int AsksPerHour { get; set; } = 5;

    /// <summary>The topics (lĩnh vực) the ask form offers; empty allows any.</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>Public holidays as ISO dates (yyyy-MM-dd).</summary>
    public List<string> Holidays { get; set; } = [];

    public int DeadlineDays(QuestionKind kind) => kind == QuestionKind.Feedback ? FeedbackDeadlineDays : InquiryDeadlineDays;

    public WorkingCalendar Calendar() => new(Holidays
        .Select(h => DateOnly.TryParseExact(h.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var day) ? day : (DateOnly?)null)
        .Where(d => d is not null).Select(d => d!.Value));
}
