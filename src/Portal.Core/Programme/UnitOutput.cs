namespace Portal.Core.Programme;

/// <summary>A unit as the output report lists it.</summary>
public sealed record OutputUnit(Guid Key, string Name, UnitLevel? Level);

/// <summary>The first publication of one CCHC item written in a unit's subpage.</summary>
public sealed record UnitPublication(Guid UnitKey, Guid DocumentKey, DateTime FirstPublishedAtUtc);

public enum OutputTrend
{
    /// <summary>Fewer than six finished months in the range: nothing to compare.</summary>
    NotEnoughData = 0,
    Rising,
    Steady,
    Falling,
}

/// <summary>One unit's row: items per month of the range, the finished months it published nothing in, and its trend.</summary>
public sealed record UnitOutputRow(OutputUnit Unit, IReadOnlyList<int> Counts, IReadOnlyList<YearMonth> Missed, int Total, OutputTrend Trend);

public sealed record UnitOutputReport(IReadOnlyList<YearMonth> Months, IReadOnlyList<UnitOutputRow> Rows, YearMonth Current)
{
    /// <summary>Months of the range that are over (the current month is still open, so it is never "missed").</summary>
    public IEnumerable<YearMonth> FinishedMonths => Months.Where(m => m.CompareTo(Current) < 0);
}

/// <summary>
/// The monthly output duty (plan II.2.2.c: at least one CCHC item a month per unit), computed from first publications.
/// Months are Vietnam months; an item counts once, in the month it was first published, whatever happened to it later.
/// </summary>
public static class UnitOutputCalculator
{
    public const int MinimumPerMonth = 1;

    public static UnitOutputReport Compute(IReadOnlyList<OutputUnit> units, IEnumerable<UnitPublication> publications, YearMonth from, YearMonth to,
        DateTime nowUtc)
    {
        if (to.CompareTo(from) < 0)
        {
            (from, to) = (to, from);
        }

        var months = YearMonth.Range(from, to).ToList();
        var index = months.Select((m, i) => (m, i)).ToDictionary(p => p.m.Number, p => p.i);
        var current = YearMonth.FromUtc(nowUtc);
        var counts = units.ToDictionary(u => u.Key, _ => new int[months.Count]);
        foreach (var publication in publications)
        {
            if (counts.TryGetValue(publication.UnitKey, out var row)
                && index.TryGetValue(YearMonth.FromUtc(publication.FirstPublishedAtUtc).Number, out var i))
            {
                row[i]++;
            }
        }

        var rows = units.Select(unit =>
        {
            var row = counts[unit.Key];
            var finished = months.Select((m, i) => (m, n: row[i])).Where(p => p.m.CompareTo(current) < 0).ToList();
            var missed = finished.Where(p => p.n < MinimumPerMonth).Select(p => p.m).ToList();
            return new UnitOutputRow(unit, row, missed, row.Sum(), Trend(finished.Select(p => p.n).ToList()));
        }).ToList();
        return new UnitOutputReport(months, rows, current);
    }

    /// <summary>The last three finished months against the three before them; a change under a quarter is steady.</summary>
    public static OutputTrend Trend(IReadOnlyList<int> finishedCounts)
    {
        if (finishedCounts.Count < 6)
        {
            return OutputTrend.NotEnoughData;
        }

        var recent = finishedCounts.Skip(finishedCounts.Count - 3).Sum();
        var before = finishedCounts.Skip(finishedCounts.Count - 6).Take(3).Sum();
        if (recent == before || Math.Abs(recent - before) * 4 < Math.Max(recent, before))
        {
            return OutputTrend.Steady;
        }

        return recent > before ? OutputTrend.Rising : OutputTrend.Falling;
    }

    public static string ToVietnamese(this OutputTrend trend) => trend switch
    {
        OutputTrend.Rising => "Tăng",
        OutputTrend.Steady => "Ổn định",
        OutputTrend.Falling => "Giảm",
        _ => "Chưa đủ dữ liệu",
    };
}
