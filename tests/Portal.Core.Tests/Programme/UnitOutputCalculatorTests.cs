using Portal.Core.Programme;

namespace Portal.Core.Tests.Programme;

public sealed class UnitOutputCalculatorTests
{
    private static readonly OutputUnit Finance = new(Guid.NewGuid(), "Sở Tài chính", UnitLevel.Provincial);
    private static readonly OutputUnit DakHa = new(Guid.NewGuid(), "Huyện Đăk Hà", UnitLevel.District);

    private static UnitPublication Item(OutputUnit unit, DateTime utc) => new(unit.Key, Guid.NewGuid(), utc);

    [Fact]
    public void Compute_ItemPublishedLateOnTheLastDayInUtc_CountsForTheNextVietnamMonth()
    {
        var now = new DateTime(2026, 5, 15, 0, 0, 0, DateTimeKind.Utc);
        var report = UnitOutputCalculator.Compute([Finance], [Item(Finance, new DateTime(2026, 3, 31, 18, 0, 0, DateTimeKind.Utc))],
            new YearMonth(2026, 3), new YearMonth(2026, 4), now);

        var row = Assert.Single(report.Rows);
        Assert.Equal([0, 1], row.Counts);
        Assert.Equal([new YearMonth(2026, 3)], row.Missed);
    }

    [Fact]
    public void Compute_CurrentMonthWithNothingYet_IsNotMissed()
    {
        var now = new DateTime(2026, 5, 20, 3, 0, 0, DateTimeKind.Utc);
        var report = UnitOutputCalculator.Compute([Finance, DakHa], [Item(Finance, new DateTime(2026, 4, 2, 3, 0, 0, DateTimeKind.Utc))],
            new YearMonth(2026, 4), new YearMonth(2026, 5), now);

        Assert.Empty(report.Rows[0].Missed);
        Assert.Equal([new YearMonth(2026, 4)], report.Rows[1].Missed);
        Assert.Equal([new YearMonth(2026, 4)], report.FinishedMonths);
    }

    [Fact]
    public void Compute_ItemsOutsideTheRangeOrOfOtherUnits_AreNotCounted()
    {
        var stranger = Guid.NewGuid();
        var now = new DateTime(2026, 8, 1, 0, 0, 0, DateTimeKind.Utc);
        var report = UnitOutputCalculator.Compute([Finance],
            [
                Item(Finance, new DateTime(2026, 1, 10, 0, 0, 0, DateTimeKind.Utc)),
                Item(Finance, new DateTime(2026, 6, 10, 0, 0, 0, DateTimeKind.Utc)),
                Item(Finance, new DateTime(2026, 6, 11, 0, 0, 0, DateTimeKind.Utc)),
                new UnitPublication(stranger, Guid.NewGuid(), new DateTime(2026, 6, 12, 0, 0, 0, DateTimeKind.Utc)),
            ],
            new YearMonth(2026, 6), new YearMonth(2026, 7), now);

        Assert.Equal([2, 0], report.Rows[0].Counts);
        Assert.Equal(2, report.Rows[0].Total);
    }

    [Fact]
    public void Compute_RangeGivenBackwards_IsReadForwards()
    {
        var report = UnitOutputCalculator.Compute([Finance], [], new YearMonth(2026, 3), new YearMonth(2026, 1), new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal([new YearMonth(2026, 1), new YearMonth(2026, 2), new YearMonth(2026, 3)], report.Months);
        Assert.Equal(3, report.Rows[0].Missed.Count);
    }

    [Theory]
    [InlineData(new[] { 1, 1, 1, 3, 3, 3 }, OutputTrend.Rising)]
    [InlineData(new[] { 3, 3, 3, 1, 0, 1 }, OutputTrend.Falling)]
    [InlineData(new[] { 4, 4, 4, 4, 4, 3 }, OutputTrend.Steady)]
    [InlineData(new[] { 0, 0, 0, 0, 0, 0 }, OutputTrend.Steady)]
    [InlineData(new[] { 1, 2, 3, 4, 5 }, OutputTrend.NotEnoughData)]
    public void Trend_LastThreeFinishedMonthsAgainstThePreviousThree(int[] counts, OutputTrend expected)
    {
        Assert.Equal(expected, UnitOutputCalculator.Trend(counts));
    }
}
