using System.Text;
using System.Text.RegularExpressions;
using Portal.Infrastructure.Search;

namespace Portal.Web.Tests.Features.Search.Relevance;

/// <summary>
/// The relevance table of issue 9: what citizens type on the seeded site (uSync/v17/Content and the 76 procedures of
/// uSync/v17/Procedures/procedures.json) and the page they expect near the top. An expectation names a procedure by its code
/// and any other page by its title (or, where the title property differs from the name in the tree, by its address); "a|b"
/// accepts either. Each "why" says what in the seed makes it the right answer.
/// </summary>
[Collection(SeededSearchSiteCollection.Name)]
public sealed partial class SearchRelevanceTests(SeededSearchSite site)
{
    private const string KhaiSinh = "1.001193";
    private const string HoaGiai = "1.003554";
    private const string DakHa = "Huyện Đăk Hà";
    private const string KonPlong = "Huyện Kon Plông";
    private const string CityKonTum = "Thành phố Kon Tum";

    public static TheoryData<string, string, int, string> Table { get; } = new()
    {
        // With and without diacritics, case, decomposed input.
        { "đăng ký khai sinh", KhaiSinh, 1, "its name; 1.001766 adds “có yếu tố nước ngoài”" },
        { "dang ky khai sinh", KhaiSinh, 1, "the same typed without diacritics" },
        { "ĐĂNG KÝ KHAI SINH", KhaiSinh, 1, "the same in capitals" },
        { Nfd("đăng ký khai sinh"), KhaiSinh, 1, "the same decomposed (NFD), as some phones and PDFs send it" },
        { "Đăng Ký Kết Hôn", "1.000894", 1, "its name; 2.000528 is the foreign variant" },
        { "dang ky ket hon", "1.000894", 1, "the same without diacritics" },
        { "khai sinh có yếu tố nước ngoài", "1.001766", 1, "its whole name after “đăng ký”" },

        // Tone placement: the seed writes the old style (hòa, thủy, hóa, ủy); citizens type either.
        { "hoà giải tranh chấp", HoaGiai, 1, "new-style hoà; the name says “hòa giải tranh chấp đất đai”" },
        { "hòa giải tranh chấp", HoaGiai, 1, "old-style hòa, as written" },
        { "hoa giai tranh chap", HoaGiai, 1, "without diacritics" },
        { Nfd("hoà giải tranh chấp đất đai"), HoaGiai, 1, "new style and decomposed" },
        { "thuỷ sản", "1.003017", 1, "new-style thuỷ; the only name with “thủy sản” (name, field, agency)" },
        { "thủy sản", "1.003017", 1, "old-style thủy, as written" },
        { "gia đình văn hoá", "1.012453", 1, "new-style hoá; its name is danh hiệu “Gia đình văn hóa”" },
        { "sân khấu hoá", "Tổ chức cuộc thi tìm hiểu về công tác cải cách hành chính bằng hình thức sân khấu hóa", 1, "the article's title ends with “sân khấu hóa”" },
        { "uỷ ban nhân dân tỉnh ban hành kế hoạch tuyên truyền", "Ủy ban nhân dân tỉnh ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2018", 1, "new-style uỷ; the directive's title" },

        // Procedure codes, alone or with words; the full local code too.
        { KhaiSinh, KhaiSinh, 1, "its code" },
        { "2.000635", "2.000635", 1, "its code; 1.001193 lists it among its related procedures, the own code ranks first" },
        { HoaGiai, HoaGiai, 1, "its code" },
        { "1.002399", "1.002399", 1, "its code" },
        { "1.001193.000.00.00.H34", KhaiSinh, 1, "its full code (ma_thu_tuc_day_du)" },
        { "thủ tục 1.012781", "1.012781", 1, "a code among words" },

        // Place names: Đăk / Đắk / Dak, with and without diacritics.
        { "Đăk Hà", DakHa, 3, "the district's unit page; the seed writes Đăk" },
        { "Đắk Hà", DakHa, 3, "the other spelling of Đăk" },
        { "Dak Ha", DakHa, 3, "without diacritics" },
        { "dak ha", DakHa, 3, "lower case, without diacritics" },
        { "Kon Plông", KonPlong, 3, "the district's unit page" },
        { "kon plong", KonPlong, 3, "without diacritics" },
        { "Kon Tum", CityKonTum, 3, "the city's unit page, the shortest title holding Kon Tum" },
        { "kontum", CityKonTum, 3, "written as one word, as in kontum.gov.vn" },
        { "Đăk Glei", "Huyện Đăk Glei", 3, "the district's unit page" },
        { "dak glei", "Huyện Đăk Glei", 3, "without diacritics" },
        { "tu mo rong", "Huyện Tu Mơ Rông", 3, "without diacritics (Mơ)" },
        { "Ia H'Drai", "Huyện Ia H'Drai", 3, "the district's name with its apostrophe" },
        { "Ia H’Drai", "Huyện Ia H'Drai", 3, "the typographic apostrophe phones type" },
        { Nfd("Huyện Kon Rẫy"), "Huyện Kon Rẫy", 1, "the unit's title decomposed" },

        // Abbreviations and their long forms.
        { "PAKN", "Hỏi đáp: Gửi phản ánh, kiến nghị về quy định hành chính bằng cách nào?", 3, "phản ánh, kiến nghị in the title of three items; this is the shortest" },
        { "PAKN nghị định 20/2008", "Nghị định số 20/2008/NĐ-CP về tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định liên quan đến thủ tục hành chính", 3, "the decree itself" },
        { "niêm yết TTHC", "Niêm yết công khai, cập nhật kịp thời thủ tục hành chính tại cơ quan, đơn vị", 1, "the only title with niêm yết and thủ tục hành chính" },
        { "kiểm soát TTHC", "Nghị định số 92/2017/NĐ-CP về sửa đổi, bổ sung một số điều của các Nghị định liên quan đến kiểm soát thủ tục hành chính", 3, "the decree on kiểm soát thủ tục hành chính (and the article about it)" },
        { "CCHC", "/chuyen-trang-cchc/", 3, "the column named “Chuyên trang CCHC” in the tree (its title: Chuyên trang cải cách hành chính)" },
        { "CCHC thôn làng", "Đưa thông tin cải cách hành chính đến từng thôn, làng", 1, "the only item with cải cách hành chính, thôn and làng" },
        { "văn phòng ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh", 3, "the long form finds the unit written UBND" },
        { "UBND tỉnh ban hành kế hoạch tuyên truyền", "Ủy ban nhân dân tỉnh ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2018", 1, "UBND finds Ủy ban nhân dân" },
        { "DVC trực tuyến mức độ 3", "Đẩy mạnh sử dụng dịch vụ công trực tuyến mức độ 3, mức độ 4", 1, "DVC finds dịch vụ công" },
        { "tìm hiểu DVC ở đâu", "Hỏi đáp: Tìm hiểu thủ tục hành chính và dịch vụ công trực tuyến ở đâu?", 1, "the question's own words" },
        { "đổi GPLX", "1.002804", 1, "GPLX is giấy phép lái xe (also its keyword); đổi is in its name" },

        // Quoted phrases.
        { "\"giấy phép lái xe\"", "1.002801", 3, "the phrase in two names; this one is short" },
        { "\"giấy phép lái xe\"", "1.002804", 3, "the other name with the phrase" },
        { "\"cấp lại giấy phép lái xe\"", "1.002801", 1, "its whole name after “Thủ tục”" },
        { "chuyển trường \"trung học cơ sở\"", "1.005094", 1, "1.005093 is the same for trung học phổ thông" },

        // Words only in a procedure's keywords (tu_khoa).
        { "sổ đỏ", "1.012781|1.012791|1.012801", 3, "the only items with “sổ đỏ”: keywords “cấp sổ đỏ”, “sang tên sổ đỏ”, “cấp đổi sổ đỏ”" },
        { "sang tên sổ đỏ", "1.012791", 1, "keyword “sang tên sổ đỏ”" },
        { "cấp đổi sổ đỏ", "1.012801", 1, "keyword “cấp đổi sổ đỏ”" },
        { "visa", "1.002399", 1, "keyword “visa” of thị thực" },
        { "giếng khoan", "1.004232", 1, "keyword of khai thác nước dưới đất" },
        { "mất bằng lái", "1.002801", 1, "keyword of cấp lại giấy phép lái xe" },
        { "độc thân", "1.004873", 1, "keyword of xác nhận tình trạng hôn nhân" },
        { "già làng", "2.002165", 1, "keyword of người có uy tín" },
        { "án tích", "1.001032", 3, "keyword of lý lịch tư pháp for citizens" },
        { "xây nhà", "1.009994", 1, "keyword of giấy phép xây dựng nhà ở riêng lẻ" },

        // Several words: the name holding them together wins.
        { "giấy phép xây dựng nhà ở riêng lẻ", "1.009994", 1, "1.010001 (sửa chữa, cải tạo) lacks “xây dựng” in its name" },
        { "thành lập hộ kinh doanh", "2.000720", 1, "its name; 2.000575 and 2.000537 are changes and pauses" },
        { "thành lập công ty cổ phần", "2.002041", 1, "its name" },
        { "chuyển trường trung học phổ thông", "1.005093", 1, "its name" },
        { "trường tiểu học đạt chuẩn quốc gia", "1.000288", 1, "its name; 1.000280 is for trung học" },
        { "lý lịch tư pháp", "1.001032", 3, "two names hold the phrase" },
        { "giấy phép lao động người nước ngoài", "1.000105", 3, "its name; 1.012390 is the same under Nghị định 70/2023" },

        // Articles, directives, legal documents, units by words of their titles.
        { "biểu dương người tốt việc tốt", "Kịp thời biểu dương, nêu gương người tốt, việc tốt trong cải cách hành chính", 1, "the article's title" },
        { "phiền hà sách nhiễu", "Phê phán những biểu hiện tiêu cực, phiền hà, sách nhiễu nhân dân", 1, "the article's title" },
        { "đo lường sự hài lòng", "Đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước", 3, "the article's title (Quyết định 2640 has it too)" },
        { "bưu chính công ích", "Tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích", 3, "the article's title (Quyết định 45/2016 has it too)" },
        { "Sở Nội vụ làm đầu mối", "Giao Sở Nội vụ làm đầu mối triển khai Kế hoạch tuyên truyền cải cách hành chính năm 2018", 1, "the directive's title" },
        { "nghị quyết 18-NQ/TW", "Nghị quyết số 18-NQ/TW về một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả", 3, "the resolution (and the article about 18 and 19)" },
        { "kế hoạch 457/KH-UBND", "Kế hoạch số 457/KH-UBND tuyên truyền công tác cải cách hành chính nhà nước trên địa bàn tỉnh Kon Tum năm 2018", 3, "the plan itself, which many pages cite" },
        { "quyết định 452/QĐ-UBND", "Quyết định số 452/QĐ-UBND ngày 12/5/2023", 3, "the decision itself, which many procedures cite" },
        { "tập huấn tiếp nhận và trả kết quả năm 2018", "Tập huấn nâng cao năng lực cho công chức Bộ phận tiếp nhận và trả kết quả năm 2018", 3, "the training course's title" },
        { "Sở Tư pháp", "Sở Tư pháp", 3, "the unit; many procedures name it as their agency" },
        { "so tai nguyen va moi truong", "Sở Tài nguyên và Môi trường", 3, "the unit, without diacritics" },
    };

    /// <summary>Queries with diacritics whose words fold like other words in the seed: the exact spelling ranks first.</summary>
    public static TheoryData<string, string, string, string> ExactTwins { get; } = new()
    {
        { "hòa", HoaGiai, "Sở Văn hóa, Thể thao và Du lịch", "hòa (hòa giải) and hóa (văn hóa) both fold to hoa" },
        { "hoà", HoaGiai, "Sở Văn hóa, Thể thao và Du lịch", "new-style hoà is hòa, not hóa" },
        { "sở giáo", "Sở Giáo dục và Đào tạo", "Sở Giao thông vận tải", "both units fold to “so giao…”" },
        { "cấp lại", "1.002801", "1.002804", "lại (cấp lại) and lái (lái xe) both fold to lai" },
        { "dược", "1.004616", "2.000884", "dược (chứng chỉ hành nghề dược) and được (không thể điểm chỉ được)" },
        { "tố cáo", "2.002176", "Nghị quyết số 19-NQ/TW về tiếp tục đổi mới hệ thống tổ chức và quản lý, nâng cao chất lượng và hiệu quả hoạt động các đơn vị sự nghiệp công lập", "tổ chức … nâng cao folds to the same words" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task SiteSearch_SeedQuery_FindsExpectedNearTop(string query, string expected, int within, string why)
    {
        var results = await site.SearchAsync(query);

        Assert.False(results.Degraded, "the index is ready: results come from Lucene");
        var rank = RankOf(results, expected);
        Assert.True(rank is { } r && r <= within,
            $"“{query}” should give “{expected}” within the first {within} ({why}); it is {(rank is null ? "not in the first page" : $"number {rank}")}. Got:{Environment.NewLine}{SeededSearchSite.Describe(results)}");
    }

    [Theory]
    [MemberData(nameof(ExactTwins))]
    public async Task SiteSearch_QueryWithDiacritics_RanksExactSpellingAboveFoldedTwin(string query, string expected, string twin, string why)
    {
        var results = await site.SearchAsync(query);

        var rank = RankOf(results, expected);
        var twinRank = RankOf(results, twin);
        Assert.True(rank is { } r && r <= 3 && (twinRank is null || twinRank > r),
            $"“{query}” should give “{expected}” within the first 3 and above “{twin}” ({why}); ranks {rank?.ToString() ?? "none"} and {twinRank?.ToString() ?? "none"}. Got:{Environment.NewLine}{SeededSearchSite.Describe(results)}");
    }

    private static int? RankOf(SearchResults results, string expected) =>
        expected.Split('|').Select(e => RankOfOne(results, e)).Min();

    private static int? RankOfOne(SearchResults results, string expected)
    {
        for (var i = 0; i < results.Hits.Count; i++)
        {
            var hit = results.Hits[i];
            var found = ProcedureCode().IsMatch(expected) ? hit.Code == expected
                : expected.StartsWith('/') ? hit.Url.EndsWith(expected, StringComparison.Ordinal)
                : hit.Title == expected;
            if (found)
            {
                return i + 1;
            }
        }

        return null;
    }

    private static string Nfd(string text) => text.Normalize(NormalizationForm.FormD);

    [GeneratedRegex(@"^\d\.\d{6}$")]
    private static partial Regex ProcedureCode();
}
