using Portal.Core.Forum;

namespace Portal.Core.Tests.Forum;

public sealed class ForumStatisticsTests
{
    private static readonly Guid SoXayDung = new("6b1f3d2e-0000-4000-8000-000000000001");

    // Monday 02/03/2026, 09:00 in Vietnam.
    private static readonly DateTime MondayMorning = new(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static readonly int[] OddDurations = [8, 1, 10, 3, 4];
    private static readonly int[] EvenDurations = [9, 2, 5, 3];
    private static readonly string[] Units = ["Văn phòng UBND tỉnh", "Ủy ban nhân dân thành phố Kon Tum", "Đài Phát thanh và Truyền hình", "Sở Xây dựng"];

    private static AssignedQuestion Question(Guid unit, string unitName, QuestionStatus status, DateTime assignedAt, DateOnly dueOn,
        DateTime? answeredAt, int number = 1) =>
        new(Guid.NewGuid(), TrackingCode.Format(2026, number), "Thủ tục cấp giấy phép xây dựng", unit, unitName, status, assignedAt, dueOn, answeredAt);

    /// <summary>A question assigned on Monday with a 7-working-day deadline, answered <paramref name="workingDays"/> working days later (10:00 Vietnam time).</summary>
    private static AssignedQuestion AnsweredAfter(int workingDays, WorkingCalendar calendar, int number = 1)
    {
        var answeredOn = calendar.AddWorkingDays(Monday, workingDays);
        var answeredAt = new DateTime(answeredOn.Year, answeredOn.Month, answeredOn.Day, 3, 0, 0, DateTimeKind.Utc);
        return Question(SoXayDung, "Sở Xây dựng", QuestionStatus.Answered, MondayMorning, calendar.AddWorkingDays(Monday, 7), answeredAt, number);
    }

    [Fact]
    public void Compute_OddCount_MedianIsTheMiddleAndP90IsNearestRank()
    {
        var calendar = new WorkingCalendar([]);

        var row = Assert.Single(ForumStatistics.Compute(OddDurations.Select(d => AnsweredAfter(d, calendar)), new DateOnly(2026, 4, 30), calendar));

        Assert.Equal(4.0, row.MedianWorkingDays);
        // Nearest rank: ceil(0.9 × 5) = 5th of 1, 3, 4, 8, 10.
        Assert.Equal(10, row.Percentile90WorkingDays);
        Assert.Equal(5, row.Received);
        Assert.Equal(5, row.Answered);
        Assert.Equal(3, row.AnsweredOnTime);
    }

    [Fact]
    public void Compute_EvenCount_MedianIsTheMeanOfTheTwoMiddle()
    {
        var calendar = new WorkingCalendar([]);

        var row = Assert.Single(ForumStatistics.Compute(EvenDurations.Select(d => AnsweredAfter(d, calendar)), new DateOnly(2026, 4, 30), calendar));

        Assert.Equal(4.0, row.MedianWorkingDays);
        // ceil(0.9 × 4) = 4th of 2, 3, 5, 9.
        Assert.Equal(9, row.Percentile90WorkingDays);
    }

    [Fact]
    public void Compute_TenAnswers_P90IsTheNinth()
    {
        var calendar = new WorkingCalendar([]);

        var row = Assert.Single(ForumStatistics.Compute(Enumerable.Range(1, 10).Select(d => AnsweredAfter(d, calendar)), new DateOnly(2026, 4, 30), calendar));

        Assert.Equal(5.5, row.MedianWorkingDays);
        Assert.Equal(9, row.Percentile90WorkingDays);
    }

    [Fact]
    public void Compute_NothingAnswered_NoMedianNoPercentileNoShare()
    {
        var calendar = new WorkingCalendar([]);
        var waiting = Question(SoXayDung, "Sở Xây dựng", QuestionStatus.Assigned, MondayMorning, new DateOnly(2026, 3, 11), null);

        var row = Assert.Single(ForumStatistics.Compute([waiting], new DateOnly(2026, 3, 5), calendar));

        Assert.Equal(1, row.Received);
        Assert.Equal(0, row.Answered);
        Assert.Null(row.MedianWorkingDays);
        Assert.Null(row.Percentile90WorkingDays);
        Assert.Null(row.OnTimeShare);
        Assert.Empty(row.Overdue);
    }

    [Fact]
    public void Compute_OnTimeShare_CountsAnsweredAndOverdueButNotThoseStillInTime()
    {
        var calendar = new WorkingCalendar([]);
        var today = new DateOnly(2026, 3, 20);
        var questions = OddDurations.Select(d => AnsweredAfter(d, calendar)).ToList();
        questions.Add(Question(SoXayDung, "Sở Xây dựng", QuestionStatus.Assigned, MondayMorning, new DateOnly(2026, 3, 11), null, 10));
        questions.Add(Question(SoXayDung, "Sở Xây dựng", QuestionStatus.Assigned, MondayMorning.AddDays(10), new DateOnly(2026, 3, 23), null, 11));
        questions.Add(Question(SoXayDung, "Sở Xây dựng", QuestionStatus.Assigned, MondayMorning.AddDays(10), today, null, 12));

        var row = Assert.Single(ForumStatistics.Compute(questions, today, calendar));

        Assert.Equal(8, row.Received);
        Assert.Equal(5, row.Answered);
        Assert.Equal(3, row.AnsweredOnTime);
        // 3 on time out of 5 answered + 1 overdue; the two still within their deadline are not judged yet.
        Assert.Equal(0.5, row.OnTimeShare);
        Assert.Equal(["PAKN-2026-000010"], row.Overdue.Select(q => q.TrackingCode));
    }

    [Fact]
    public void Compute_AnsweredLateInTheUtcDay_JudgedByTheVietnamDate()
    {
        var calendar = new WorkingCalendar([]);
        var dueOn = new DateOnly(2026, 3, 5);
        // 18:00 UTC on 05/03 is 01:00 on 06/03 in Vietnam: one day late.
        var late = Question(SoXayDung, "Sở Xây dựng", QuestionStatus.Answered, MondayMorning, dueOn, new DateTime(2026, 3, 5, 18, 0, 0, DateTimeKind.Utc));

        var row = Assert.Single(ForumStatistics.Compute([late], new DateOnly(2026, 4, 1), calendar));

        Assert.Equal(0, row.AnsweredOnTime);
        Assert.Equal(0.0, row.OnTimeShare);
        Assert.Equal(4.0, row.MedianWorkingDays);
    }

    [Fact]
    public void Compute_Overdue_SortedByDueDateAndOnlyThoseStillOwed()
    {
        var calendar = new WorkingCalendar([]);
        var today = new DateOnly(2026, 4, 1);
        var questions = new[]
        {
            Question(SoXayDung, "Sở Xây dựng", QuestionStatus.Assigned, MondayMorning, new DateOnly(2026, 3, 25), null, 1),
            Question(SoXayDung, "Sở Xây dựng", QuestionStatus.Reopened, MondayMorning, new DateOnly(2026, 3, 12), null, 2),
            Question(SoXayDung, "Sở Xây dựng", QuestionStatus.Assigned, MondayMorning, new DateOnly(2026, 3, 18), null, 3),
            Question(SoXayDung, "Sở Xây dựng", QuestionStatus.Transferred, MondayMorning, new DateOnly(2026, 3, 10), null, 4),
            Question(SoXayDung, "Sở Xây dựng", QuestionStatus.Closed, MondayMorning, new DateOnly(2026, 3, 10), null, 5),
        };

        var row = Assert.Single(ForumStatistics.Compute(questions, today, calendar));

        Assert.Equal(["PAKN-2026-000002", "PAKN-2026-000003", "PAKN-2026-000001"], row.Overdue.Select(q => q.TrackingCode));
        Assert.Equal(5, row.Received);
    }

    [Fact]
    public void Compute_TetHolidays_ShortenTheWorkingDayDurations()
    {
        // Assigned Friday 13/02/2026, answered Tuesday 24/02/2026; Tết is 16–20/02.
        var assignedAt = new DateTime(2026, 2, 13, 2, 0, 0, DateTimeKind.Utc);
        var answeredAt = new DateTime(2026, 2, 24, 3, 0, 0, DateTimeKind.Utc);
        var tet = new ForumPolicy { Holidays = ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"] }.Calendar();
        var question = Question(SoXayDung, "Sở Xây dựng", QuestionStatus.Answered, assignedAt, tet.AddWorkingDays(new DateOnly(2026, 2, 13), 7), answeredAt);

        var withoutHolidays = Assert.Single(ForumStatistics.Compute([question], new DateOnly(2026, 3, 31), new WorkingCalendar([])));
        var withTet = Assert.Single(ForumStatistics.Compute([question], new DateOnly(2026, 3, 31), tet));

        Assert.Equal(7.0, withoutHolidays.MedianWorkingDays);
        Assert.Equal(2.0, withTet.MedianWorkingDays);
        Assert.Equal(2, withTet.Percentile90WorkingDays);
        Assert.Equal(1, withTet.AnsweredOnTime);
    }

    [Fact]
    public void Compute_Units_SortedInVietnameseOrder()
    {
        var calendar = new WorkingCalendar([]);
        var questions = Units.Select((name, i) =>
            Question(Guid.NewGuid(), name, QuestionStatus.Assigned, MondayMorning, new DateOnly(2026, 3, 11), null, i + 1));

        var rows = ForumStatistics.Compute(questions, new DateOnly(2026, 3, 5), calendar);

        Assert.Equal(
            ["Đài Phát thanh và Truyền hình", "Sở Xây dựng", "Ủy ban nhân dân thành phố Kon Tum", "Văn phòng UBND tỉnh"],
            rows.Select(r => r.UnitName));
    }

    [Fact]
    public void Compute_RenamedUnit_OneRowWithTheLatestName()
    {
        var calendar = new WorkingCalendar([]);
        var questions = new[]
        {
            Question(SoXayDung, "Sở Xây dựng", QuestionStatus.Assigned, MondayMorning, new DateOnly(2026, 3, 11), null, 1),
            Question(SoXayDung, "Sở Xây dựng tỉnh Kon Tum", QuestionStatus.Assigned, MondayMorning.AddDays(3), new DateOnly(2026, 3, 16), null, 2),
        };

        var row = Assert.Single(ForumStatistics.Compute(questions, new DateOnly(2026, 3, 5), calendar));

        Assert.Equal("Sở Xây dựng tỉnh Kon Tum", row.UnitName);
        Assert.Equal(2, row.Received);
    }

    [Fact]
    public void Percentile_And_Median_EmptyList_Null()
    {
        Assert.Null(ForumStatistics.Median([]));
        Assert.Null(ForumStatistics.Percentile([], 0.9));
        Assert.Equal(7.0, ForumStatistics.Median([7]));
        Assert.Equal(7, ForumStatistics.Percentile([7], 0.9));
    }
}
