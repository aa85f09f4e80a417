using Portal.Core.Programme;

namespace Portal.Core.Tests.Programme;

public sealed class YearMonthTests
{
    [Fact]
    public void FromUtc_EveningOfTheLastDayInUtc_IsNextMonthInVietnam()
    {
        // 31/01 17:00 UTC is 01/02 00:00 in Kon Tum.
        Assert.Equal(new YearMonth(2026, 2), YearMonth.FromUtc(new DateTime(2026, 1, 31, 17, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new YearMonth(2026, 1), YearMonth.FromUtc(new DateTime(2026, 1, 31, 16, 59, 59, DateTimeKind.Utc)));
    }

    [Fact]
    public void FromUtc_NewYearsEveInUtc_IsJanuaryOfTheNextYear()
    {
        Assert.Equal(new YearMonth(2027, 1), YearMonth.FromUtc(new DateTime(2026, 12, 31, 18, 30, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void StartAndEnd_December_AreVietnamMidnightsInUtc()
    {
        var december = new YearMonth(2026, 12);

        Assert.Equal(new DateTime(2026, 11, 30, 17, 0, 0, DateTimeKind.Utc), december.StartUtc);
        Assert.Equal(new DateTime(2026, 12, 31, 17, 0, 0, DateTimeKind.Utc), december.EndUtc);
        Assert.Equal(31, december.Days);
    }

    [Fact]
    public void Range_AcrossTheYear_ListsEveryMonthOnce()
    {
        var months = YearMonth.Range(new YearMonth(2025, 11), new YearMonth(2026, 2)).Select(m => m.ToString()).ToList();

        Assert.Equal(["11/2025", "12/2025", "01/2026", "02/2026"], months);
    }

    [Theory]
    [InlineData("2026-03", 2026, 3)]
    [InlineData("03/2026", 2026, 3)]
    [InlineData(" 12/2025 ", 2025, 12)]
    public void Parse_MonthInputOrVietnameseForm_Reads(string text, int year, int month)
    {
        Assert.Equal(new YearMonth(year, month), YearMonth.Parse(text));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("tháng 3")]
    [InlineData("00/2026")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_Unreadable_IsNull(string? text)
    {
        Assert.Null(YearMonth.Parse(text));
    }
}
