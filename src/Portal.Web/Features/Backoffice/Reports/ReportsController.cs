using Microsoft.AspNetCore.Mvc;
using Portal.Core.Access;
using Portal.Core.Programme;
using Portal.Infrastructure.Exports;
using Portal.Infrastructure.Programme.Output;
using Portal.Web.Features.Backoffice.Shell;

namespace Portal.Web.Features.Backoffice.Reports;

/// <summary>
/// The reports section (Sở Nội vụ, administrators): each unit's CCHC items per month with the months it missed, and the
/// yearly propagation report for the People's Committee; both as pages, XLSX and (the monthly table) CSV.
/// </summary>
[BackofficeSection(Section.Reports)]
public sealed class ReportsController : BackofficeController
{
    public const string Home = "/umbraco/bao-cao";
    public const string Output = Home + "/tin-bai";
    public const string Yearly = Home + "/nam";

    [HttpGet(Home)]
    public IActionResult Index() => ProgrammeAccess.IsTracker(Actor)
        ? View("~/Features/Backoffice/Reports/Views/Index.cshtml")
        : BackofficeResults.Denied();

    [HttpGet(Output)]
    public async Task<IActionResult> UnitOutput([FromQuery(Name = "tu")] string? from, [FromQuery(Name = "den")] string? to,
        CancellationToken cancellationToken)
    {
        if (!ProgrammeAccess.IsTracker(Actor))
        {
            return BackofficeResults.Denied();
        }

        var (range, error) = Range(from, to);
        var report = await Service<UnitOutputReporter>().ReportAsync(range.From, range.To, cancellationToken);
        return View("~/Features/Backoffice/Reports/Views/UnitOutput.cshtml", new UnitOutputPage(report, range.From, range.To, error));
    }

    [HttpGet(Output + ".xlsx")]
    public Task<IActionResult> UnitOutputXlsx([FromQuery(Name = "tu")] string? from, [FromQuery(Name = "den")] string? to,
        CancellationToken cancellationToken) =>
        UnitOutputFileAsync(from, to, (table, name) => File(XlsxWriter.ToBytes(table), XlsxWriter.ContentType, name + ".xlsx"), cancellationToken);

    [HttpGet(Output + ".csv")]
    public Task<IActionResult> UnitOutputCsv([FromQuery(Name = "tu")] string? from, [FromQuery(Name = "den")] string? to,
        CancellationToken cancellationToken) =>
        UnitOutputFileAsync(from, to, (table, name) => File(CsvWriter.ToBytes(table), CsvWriter.ContentType, name + ".csv"), cancellationToken);

    [HttpGet(Yearly)]
    public async Task<IActionResult> Year([FromQuery(Name = "nam")] int? year, CancellationToken cancellationToken)
    {
        if (!ProgrammeAccess.IsTracker(Actor))
        {
            return BackofficeResults.Denied();
        }

        var (chosen, error) = ChosenYear(year);
        var report = await Service<YearlyReporter>().ReportAsync(chosen, cancellationToken);
        return View("~/Features/Backoffice/Reports/Views/Yearly.cshtml", new YearlyPage(report, error));
    }

    [HttpGet(Yearly + ".xlsx")]
    public async Task<IActionResult> YearXlsx([FromQuery(Name = "nam")] int? year, CancellationToken cancellationToken)
    {
        if (!ProgrammeAccess.IsTracker(Actor))
        {
            return BackofficeResults.Denied();
        }

        var (chosen, _) = ChosenYear(year);
        var report = await Service<YearlyReporter>().ReportAsync(chosen, cancellationToken);
        return File(XlsxWriter.ToBytes(YearlyReporter.ToTable(report)), XlsxWriter.ContentType, $"bao-cao-tuyen-truyen-cchc-{chosen}.xlsx");
    }

    private async Task<IActionResult> UnitOutputFileAsync(string? from, string? to, Func<Table, string, IActionResult> file,
        CancellationToken cancellationToken)
    {
        if (!ProgrammeAccess.IsTracker(Actor))
        {
            return BackofficeResults.Denied();
        }

        var (range, _) = Range(from, to);
        var report = await Service<UnitOutputReporter>().ReportAsync(range.From, range.To, cancellationToken);
        return file(UnitOutputReporter.ToTable(report), $"tin-bai-theo-thang-{range.From.Number}-{range.To.Number}");
    }

    /// <summary>The months asked for; when absent or unreadable, the twelve months up to this one (and why, when unreadable).</summary>
    private ((YearMonth From, YearMonth To) Range, string? Error) Range(string? from, string? to)
    {
        var current = Service<UnitOutputReporter>().CurrentMonth();
        var defaultFrom = new YearMonth(current.Year - 1, current.Month).Next();
        var parsedFrom = YearMonth.Parse(from);
        var parsedTo = YearMonth.Parse(to);
        string? error = null;
        if ((from is { Length: > 0 } && parsedFrom is null) || (to is { Length: > 0 } && parsedTo is null))
        {
            error = "Tháng không hợp lệ (định dạng MM/yyyy); đang hiển thị 12 tháng gần nhất.";
            return ((defaultFrom, current), error);
        }

        var start = parsedFrom ?? defaultFrom;
        var end = parsedTo ?? current;
        if (end < start)
        {
            (start, end) = (end, start);
        }

        var months = YearMonth.Range(start, end).ToList();
        if (months.Count > UnitOutputReporter.MaxMonths)
        {
            error = $"Mỗi báo cáo tối đa {UnitOutputReporter.MaxMonths} tháng; đang hiển thị {UnitOutputReporter.MaxMonths} tháng cuối của khoảng đã chọn.";
            start = months[^UnitOutputReporter.MaxMonths];
        }

        return ((start, end), error);
    }

    private (int Year, string? Error) ChosenYear(int? year)
    {
        var current = Service<UnitOutputReporter>().CurrentMonth().Year;
        return year switch
        {
            null => (current, null),
            < 2000 or > 9999 => (current, $"Năm không hợp lệ; đang hiển thị năm {current}."),
            _ when year > current => (current, $"Năm {year} chưa đến; đang hiển thị năm {current}."),
            _ => (year.Value, null),
        };
    }
}

internal sealed record UnitOutputPage(UnitOutputReport Report, YearMonth From, YearMonth To, string? Error);

internal sealed record YearlyPage(YearlyReport Report, string? Error);
