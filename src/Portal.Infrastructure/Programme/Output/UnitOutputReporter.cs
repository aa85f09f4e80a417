using Microsoft.EntityFrameworkCore;
using Portal.Core.Programme;
using Portal.Data;
using Portal.Data.Programme;
using Portal.Infrastructure.Exports;
using Portal.Infrastructure.Programme.Training;

namespace Portal.Infrastructure.Programme.Output;

/// <summary>Each unit's CCHC items per month (plan II.2.2.c), for the report page, its exports and the reminders.</summary>
public sealed class UnitOutputReporter(ProgrammeQueries queries, IDbContextFactory<PortalDbContext> contexts, TimeProvider clock)
{
    /// <summary>The longest range one report covers: five years of columns is already more than a screen can show.</summary>
    public const int MaxMonths = 60;

    public async Task<UnitOutputReport> ReportAsync(YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        if (to < from)
        {
            (from, to) = (to, from);
        }

        var units = await UnitsAsync(cancellationToken);
        var publications = await queries.ItemPublicationsAsync(to.EndUtc, cancellationToken);
        var first = ProgrammeQueries.FirstPublications(publications, units.Select(u => u.Key).ToHashSet());
        return UnitOutputCalculator.Compute(units, first, from, to, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The units as the training desk lists them (live edition, else the newest), in Vietnamese order.</summary>
    private async Task<IReadOnlyList<OutputUnit>> UnitsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await TrainingDocuments.UnitsAsync(db, cancellationToken)).Select(u => new OutputUnit(u.Key, u.Name, u.Level)).ToList();
    }

    /// <summary>The default range: the twelve months up to and including the current one.</summary>
    public YearMonth CurrentMonth() => YearMonth.FromUtc(clock.GetUtcNow().UtcDateTime);

    public static Table ToTable(UnitOutputReport report)
    {
        var headers = new List<string> { "Đơn vị", "Cấp" };
        headers.AddRange(report.Months.Select(m => "Tháng " + m));
        headers.AddRange(["Tổng", "Số tháng không có tin", "Các tháng không có tin", "Xu hướng"]);
        var rows = report.Rows.Select(row =>
        {
            var cells = new List<object?> { row.Unit.Name, row.Unit.Level?.ToVietnamese() ?? "Chưa xác định" };
            cells.AddRange(row.Counts.Cast<object?>());
            cells.AddRange([row.Total, row.Missed.Count, string.Join(", ", row.Missed), row.Trend.ToVietnamese()]);
            return (IReadOnlyList<object?>)cells;
        }).ToList();
        var title = $"Số tin, bài cải cách hành chính của các đơn vị từ tháng {report.Months[0]} đến tháng {report.Months[^1]}";
        return new Table("Tin bài theo tháng", headers, rows, title);
    }
}
