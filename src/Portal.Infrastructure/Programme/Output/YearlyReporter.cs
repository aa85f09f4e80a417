using Portal.Core.Programme;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Core.Text;
using Portal.Data.Programme;
using Portal.Infrastructure.Exports;
using Portal.Infrastructure.Procedures;
using Portal.Infrastructure.Programme.Training;

namespace Portal.Infrastructure.Programme.Output;

/// <summary>One unit's line of the yearly propagation report (plan III.1, III.3).</summary>
public sealed record YearlyUnitRow(
    OutputUnit Unit,
    int ItemsPublished,
    int MonthsWithoutItems,
    int TrainingParticipants,
    int QuestionsReceived,
    int AnsweredInTime,
    int AnsweredLate,
    int Unanswered,
    int ProceduresUpdated);

/// <summary>The year's report for the People's Committee: per unit, and the province's totals.</summary>
public sealed record YearlyReport(int Year, IReadOnlyList<YearlyUnitRow> Rows, int Courses, DateTime MadeAtUtc)
{
    public YearlyUnitRow Totals => new(new OutputUnit(Guid.Empty, "Toàn tỉnh", null),
        Rows.Sum(r => r.ItemsPublished), Rows.Sum(r => r.MonthsWithoutItems), Rows.Sum(r => r.TrainingParticipants),
        Rows.Sum(r => r.QuestionsReceived), Rows.Sum(r => r.AnsweredInTime), Rows.Sum(r => r.AnsweredLate), Rows.Sum(r => r.Unanswered),
        Rows.Sum(r => r.ProceduresUpdated));
}

/// <summary>
/// Compiles the yearly report from what the portal already holds: first publications of items (Vietnam months), participants
/// of the courses starting in the year, forum questions assigned in the year and whether their answer was approved by the
/// deadline, and the unit's procedures with an edition published in the year.
/// </summary>
public sealed class YearlyReporter(UnitOutputReporter output, ProgrammeQueries queries, IDbContextFactory<PortalDbContext> contexts,
    ProcedureCatalog catalog, TimeProvider clock)
{
    public async Task<YearlyReport> ReportAsync(int year, CancellationToken cancellationToken)
    {
        var months = await output.ReportAsync(new YearMonth(year, 1), new YearMonth(year, 12), cancellationToken);
        List<Guid> courses;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            courses = (await TrainingDocuments.CoursesAsync(db, cancellationToken)).Where(c => c.Start?.Year == year).Select(c => c.Key).ToList();
        }

        var participants = await queries.ParticipantsAsync(courses, cancellationToken);
        var forum = await queries.ForumFiguresAsync(year, cancellationToken);
        var snapshot = await catalog.CurrentAsync(cancellationToken);
        var yearStart = VietnamTime.ToUtc(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
        var yearEnd = VietnamTime.ToUtc(new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
        var procedures = months.Rows.ToDictionary(r => r.Unit.Key, r => snapshot.ForUnit(r.Unit.Key).Select(p => p.Key).ToList());
        var updated = await queries.PublishedBetweenAsync(procedures.Values.SelectMany(k => k).Distinct().ToList(), yearStart, yearEnd, cancellationToken);

        var rows = months.Rows.Select(row =>
        {
            var figures = forum.GetValueOrDefault(row.Unit.Key);
            return new YearlyUnitRow(row.Unit, row.Total, row.Missed.Count, participants.GetValueOrDefault(row.Unit.Key),
                figures?.Received ?? 0, figures?.AnsweredInTime ?? 0, figures?.AnsweredLate ?? 0, figures?.Unanswered ?? 0,
                procedures[row.Unit.Key].Count(updated.Contains));
        }).ToList();
        return new YearlyReport(year, rows, courses.Count, clock.GetUtcNow().UtcDateTime);
    }

    public static readonly IReadOnlyList<string> Headers =
    [
        "STT", "Đơn vị", "Cấp", "Tin, bài đã xuất bản", "Số tháng không có tin, bài", "Học viên tập huấn", "Câu hỏi được giao",
        "Trả lời đúng hạn", "Trả lời quá hạn", "Chưa trả lời", "Thủ tục được cập nhật",
    ];

    public static Table ToTable(YearlyReport report)
    {
        var rows = report.Rows.Select((r, i) => Cells(i + 1, r)).ToList();
        rows.Add(Cells(null, report.Totals));
        return new Table($"Năm {report.Year}", Headers, rows,
            $"Kết quả tuyên truyền cải cách hành chính năm {report.Year} của các đơn vị (theo Kế hoạch số 457/KH-UBND)");
    }

    private static IReadOnlyList<object?> Cells(int? number, YearlyUnitRow row) =>
    [
        number, row.Unit.Name, row.Unit.Level?.ToVietnamese(), row.ItemsPublished, row.MonthsWithoutItems, row.TrainingParticipants,
        row.QuestionsReceived, row.AnsweredInTime, row.AnsweredLate, row.Unanswered, row.ProceduresUpdated,
    ];
}
