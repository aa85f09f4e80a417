using Microsoft.AspNetCore.Mvc;
using Portal.Core.Access;
using Portal.Web.Features.Backoffice.Shell;

namespace Portal.Web.Features.Backoffice.Entry;

/// <summary>
/// Sections whose own screens arrive with later work (reports): the door is here, guarded like every
/// section, and says plainly what is available today instead of failing with a 404.
/// </summary>
public sealed class SectionEntryController : BackofficeController
{
    [HttpGet("/umbraco/bao-cao")]
    [BackofficeSection(Section.Reports)]
    public IActionResult Reports() => Entry(Section.Reports,
        "Phân hệ này sẽ có báo cáo số tin bài của từng đơn vị theo tháng, tập huấn và kết quả chỉ số.",
        "Trong lúc chờ, nhật ký thao tác có thể tải về qua Management API (audit-log/export.csv).");

    private ViewResult Entry(string section, string purpose, string today) =>
        View("~/Features/Backoffice/Views/SectionEntry.cshtml", new SectionEntryPage(Section.ToVietnamese(section), purpose, today));
}

internal sealed record SectionEntryPage(string Title, string Purpose, string Today);
