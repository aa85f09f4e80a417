using Portal.Core.Text;

namespace Portal.Core.Programme;

/// <summary>A calendar month in Vietnam time (UTC+7): what the monthly output duty is counted by.</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    /// <summary>The month an instant falls in, read on a Vietnamese wall clock: 31/01 18:00 UTC is already February.</summary>
    public static YearMonth FromUtc(DateTime utc)
    {
        var local = VietnamTime.FromUtc(utc);
        return new YearMonth(local.Year, local.Month);
    }

    /// <summary><c>yyyyMM</c>, as stored.</summary>
    public int Number => (Year * 100) + Month;

    public static YearMonth FromNumber(int number) => new(number / 100, number % 100);

    /// <summary>The first instant of the month, in UTC (the 1st at 00:00 in Vietnam is 17:00 UTC the day before).</summary>
    public DateTime StartUtc => VietnamTime.ToUtc(new DateTime(Year, Month, 1, 0, 0, 0, DateTimeKind.Unspecified));

    /// <summary>The first instant of the next month, in UTC: the month is [StartUtc, EndUtc).</summary>
    public DateTime EndUtc => Next().StartUtc;

    public int Days => DateTime.DaysInMonth(Year, Month);

    public YearMonth Next() => Month == 12 ? new YearMonth(Year + 1, 1) : new YearMonth(Year, Month + 1);

    public YearMonth Previous() => Month == 1 ? new YearMonth(Year - 1, 12) : new YearMonth(Year, Month - 1);

    /// <summary>Every month from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IEnumerable<YearMonth> Range(YearMonth from, YearMonth to)
    {
        for (var month = from; month.CompareTo(to) <= 0; month = month.Next())
        {
            yield return month;
        }
    }

    public int CompareTo(YearMonth other) => Number.CompareTo(other.Number);

    public static bool operator <(YearMonth left, YearMonth right) => left.Number < right.Number;

    public static bool operator >(YearMonth left, YearMonth right) => left.Number > right.Number;

    public static bool operator <=(YearMonth left, YearMonth right) => left.Number <= right.Number;

    public static bool operator >=(YearMonth left, YearMonth right) => left.Number >= right.Number;

    /// <summary><c>MM/yyyy</c>, as people here write a month.</summary>
    public override string ToString() => $"{Month:00}/{Year}";

    /// <summary>Parses <c>yyyy-MM</c> (an HTML month input) or <c>MM/yyyy</c>.</summary>
    public static YearMonth? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        var parts = text.Split('-', '/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var a) || !int.TryParse(parts[1], out var b))
        {
            return null;
        }

        var (year, month) = text.Contains('-') ? (a, b) : (b, a);
        return year is >= 2000 and <= 9999 && month is >= 1 and <= 12 ? new YearMonth(year, month) : null;
    }
}
