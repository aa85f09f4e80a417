using Microsoft.AspNetCore.Mvc;
using Portal.Core.Access;
using Portal.Web.Features.Backoffice.Shell;

namespace Portal.Web.Features.Backoffice.Entry;

/// <summary>
/// Sections whose own screens arrive with later work (procedures, forum, reports): the door is here, guarded like every
/// section, and says plainly what is available today instead of failing with a 404.
/// </summary>
public sealed class SectionEntryController : BackofficeController
{
    [HttpGet("/umbraco/thu-tuc-hanh-chinh")]
    [BackofficeSection(Section.Procedures)]
    public IActionResult Procedures() => Entry(Section.Procedures,
        "Phân hệ này sẽ có màn hình nhập, cập nhật và công bố thủ tục hành chính theo quyết định công bố.",
        "Trong lúc chờ, các bộ thủ tục được giao cho nhóm của bạn có thể soạn trong phân hệ Nội dung.");

    [HttpGet("/umbraco/dien-dan")]
    [BackofficeSection(Section.Forum)]
    public IActionResult Forum() => Entry(Section.Forum,
        "Phân hệ này sẽ có hàng đợi kiểm duyệt câu hỏi, phân công đơn vị trả lời và theo dõi thời hạn.",
        "Diễn đàn trao đổi đang được xây dựng.");

    [HttpGet("/umbraco/bao-cao")]
    [BackofficeSection(Section.Reports)]
    public IActionResult Reports() => Entry(Section.Reports,
        "Phân hệ này sẽ có báo cáo số tin bài của từng đơn vị theo tháng, tập huấn và kết quả chỉ số.",
        "Trong lúc chờ, nhật ký thao tác có thể tải về qua Management API (audit-log/export.csv).");

    private ViewResult Entry(string section, string purpose, string today) =>
        View("~/Features/Backoffice/Views/SectionEntry.cshtml", new SectionEntryPage(Section.ToVietnamese(section), purpose, today));
}

internal sealed record SectionEntryPage(string Title, string Purpose, string Today);
