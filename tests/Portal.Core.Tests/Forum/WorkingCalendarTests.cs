using Portal.Core.Forum;

namespace Portal.Core.Tests.Forum;

public sealed class WorkingCalendarTests
{
    private static readonly DateOnly Friday = new(2026, 3, 6);

    private static ForumPolicy TetPolicy() => new()
    {
        Holidays = ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"],
    };

    [Fact]
    public void AddWorkingDays_FridayPlusSeven_SkipsTwoWeekends()
    {
        var calendar = new WorkingCalendar([]);

        Assert.Equal(DayOfWeek.Friday, Friday.DayOfWeek);
        Assert.Equal(new DateOnly(2026, 3, 17), calendar.AddWorkingDays(Friday, 7));
    }

    [Fact]
    public void AddWorkingDays_FridayPlusOne_IsNextMonday()
    {
        var calendar = new WorkingCalendar([]);

        Assert.Equal(new DateOnly(2026, 3, 9), calendar.AddWorkingDays(Friday, 1));
    }

    [Fact]
    public void AddWorkingDays_Zero_IsTheStartDay()
    {
        var calendar = new WorkingCalendar([]);

        Assert.Equal(Friday, calendar.AddWorkingDays(Friday, 0));
    }

    [Fact]
    public void AddWorkingDays_TetHolidaysFromPolicy_PushTheDueDateAWeek()
    {
        var beforeTet = new DateOnly(2026, 2, 13);

        var withoutHolidays = new WorkingCalendar([]).AddWorkingDays(beforeTet, 7);
        var withTet = TetPolicy().Calendar().AddWorkingDays(beforeTet, 7);

        Assert.Equal(new DateOnly(2026, 2, 24), withoutHolidays);
        Assert.Equal(new DateOnly(2026, 3, 3), withTet);
    }

    [Fact]
    public void Calendar_InvalidHolidayStrings_AreIgnored()
    {
        var policy = new ForumPolicy { Holidays = ["2026-02-16", "không phải ngày", "16/02/2026", "2026-13-01", " 2026-02-17 ", ""] };

        var calendar = policy.Calendar();

        Assert.Equal([new DateOnly(2026, 2, 16), new DateOnly(2026, 2, 17)], calendar.Holidays.Order());
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 2, 16)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 2, 18)));
    }

    [Theory]
    [InlineData("2026-03-07", false)]
    [InlineData("2026-03-08", false)]
    [InlineData("2026-03-09", true)]
    [InlineData("2026-02-18", false)]
    public void IsWorkingDay_WeekendsAndTet_AreNotWorkingDays(string day, bool expected)
    {
        var calendar = TetPolicy().Calendar();

        Assert.Equal(expected, calendar.IsWorkingDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void WorkingDaysBetween_SameDay_IsZero()
    {
        var calendar = new WorkingCalendar([]);

        Assert.Equal(0, calendar.WorkingDaysBetween(Friday, Friday));
    }

    [Fact]
    public void WorkingDaysBetween_EndBeforeStart_IsZero()
    {
        var calendar = new WorkingCalendar([]);

        Assert.Equal(0, calendar.WorkingDaysBetween(Friday, Friday.AddDays(-3)));
    }

    [Fact]
    public void WorkingDaysBetween_CountsAfterStartUpToAndIncludingEnd()
    {
        var calendar = new WorkingCalendar([]);

        Assert.Equal(1, calendar.WorkingDaysBetween(Friday, new DateOnly(2026, 3, 9)));
        Assert.Equal(0, calendar.WorkingDaysBetween(Friday, new DateOnly(2026, 3, 8)));
        Assert.Equal(5, calendar.WorkingDaysBetween(Friday, new DateOnly(2026, 3, 13)));
        Assert.Equal(7, calendar.WorkingDaysBetween(Friday, new DateOnly(2026, 3, 17)));
    }

    [Fact]
    public void WorkingDaysBetween_OverTet_LeavesHolidaysOut()
    {
        var start = new DateOnly(2026, 2, 13);
        var end = new DateOnly(2026, 2, 24);

        Assert.Equal(7, new WorkingCalendar([]).WorkingDaysBetween(start, end));
        Assert.Equal(2, TetPolicy().Calendar().WorkingDaysBetween(start, end));
    }

    [Fact]
    public void WorkingDaysBetween_IsTheInverseOfAddWorkingDays()
    {
        var calendar = TetPolicy().Calendar();
        var start = new DateOnly(2026, 2, 10);

        var due = calendar.AddWorkingDays(start, 10);

        Assert.Equal(10, calendar.WorkingDaysBetween(start, due));
    }

    [Fact]
    public void DeadlineDays_ByKind_FollowsPolicy()
    {
        var policy = new ForumPolicy { InquiryDeadlineDays = 5, FeedbackDeadlineDays = 12 };

        Assert.Equal(5, policy.DeadlineDays(QuestionKind.Inquiry));
        Assert.Equal(12, policy.DeadlineDays(QuestionKind.Feedback));
    }
}
