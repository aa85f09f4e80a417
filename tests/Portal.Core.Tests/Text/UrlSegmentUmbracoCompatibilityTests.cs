using System.Text;
using Microsoft.Extensions.Options;
using Portal.Core.Text;
using Umbraco.Cms.Core.Configuration.Models;
using Umbraco.Cms.Core.Strings;

namespace Portal.Core.Tests.Text;

/// <summary>
/// Segments must match what Umbraco (default RequestHandler settings) would give the same title, so that
/// links imported from or exported to an Umbraco site keep working.
/// </summary>
public sealed class UrlSegmentUmbracoCompatibilityTests
{
    public static TheoryData<string> Titles => new()
    {
        "Thủ tục hành chính cấp xã – Đắk Hà",
        "Chuyên trang CCHC",
        "Chỉ đạo điều hành",
        "Giới thiệu chung",
        "Tin tức sự kiện",
        "Hòa Bình",
        "Thuý Kiều",
        "Đảng bộ huyện Đắk Tô",
        "Ủy ban nhân dân tỉnh Kon Tum",
        "Ứng dụng công nghệ thông tin năm 2024",
        "Cải cách hành chính - Công khai minh bạch",
        "Văn bản quy phạm pháp luật",
        "Hỏi đáp trực tuyến",
        "Lịch công tác tuần 12",
        "Quốc phòng – An ninh",
        "Phổ biến giáo dục pháp luật",
        "Ngọc Hồi   Sa Thầy",
        "Huyện Ia H’Drai",
        "Huyện Ia H'Drai",
        "Nghị định 92/2017/NĐ-CP",
        "ma_thu_tuc và tên",
    };

    [Theory]
    [MemberData(nameof(Titles))]
    public void From_VietnameseTitle_MatchesUmbracoDefaultShortStringHelper(string title)
    {
        var umbraco = new DefaultShortStringHelper(Options.Create(new RequestHandlerSettings()));

        var expected = umbraco.CleanStringForUrlSegment(title.Normalize(NormalizationForm.FormC));

        Assert.Equal(expected, UrlSegment.From(title));
    }

    [Theory]
    [MemberData(nameof(Titles))]
    public void From_DecomposedVietnameseTitle_MatchesUmbracoOnComposedTitle(string title)
    {
        var umbraco = new DefaultShortStringHelper(Options.Create(new RequestHandlerSettings()));

        var expected = umbraco.CleanStringForUrlSegment(title.Normalize(NormalizationForm.FormC));

        Assert.Equal(expected, UrlSegment.From(title.Normalize(NormalizationForm.FormD)));
    }
}
