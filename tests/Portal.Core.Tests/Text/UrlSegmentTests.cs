using System.Text;
using Portal.Core.Text;

namespace Portal.Core.Tests.Text;

public sealed class UrlSegmentTests
{
    [Theory]
    [InlineData("Thủ tục hành chính cấp xã – Đắk Hà", "thu-tuc-hanh-chinh-cap-xa-dak-ha")]
    [InlineData("Chuyên trang CCHC", "chuyen-trang-cchc")]
    [InlineData("Chỉ đạo điều hành", "chi-dao-dieu-hanh")]
    [InlineData("Tin tức – Sự kiện", "tin-tuc-su-kien")]
    [InlineData("Ủy ban nhân dân tỉnh Kon Tum", "uy-ban-nhan-dan-tinh-kon-tum")]
    public void From_VietnameseTitle_ReturnsAsciiLowerCaseHyphenatedSegment(string title, string expected)
    {
        Assert.Equal(expected, UrlSegment.From(title));
    }

    [Theory]
    [InlineData("đ", "d")]
    [InlineData("Đ", "d")]
    [InlineData("Đồng Đăng đường", "dong-dang-duong")]
    public void From_LetterDWithStroke_BecomesPlainD(string title, string expected)
    {
        Assert.Equal(expected, UrlSegment.From(title));
    }

    [Theory]
    [InlineData("Thủ tục hành chính cấp xã – Đắk Hà")]
    [InlineData("Chỉ đạo điều hành")]
    [InlineData("Nghị quyết Hội đồng nhân dân")]
    [InlineData("Ứng dụng công nghệ thông tin")]
    public void From_DecomposedInput_GivesSameSegmentAsComposedInput(string composedTitle)
    {
        var decomposed = composedTitle.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(composedTitle, decomposed);

        Assert.Equal(UrlSegment.From(composedTitle), UrlSegment.From(decomposed));
    }

    [Fact]
    public void From_OldAndNewTonePlacement_GiveSameSegment()
    {
        const string NewStyle = "Hòa Bình";       // ò = U+00F2 on the o
        const string OldStyle = "Hoa\u0300 Bình"; // grave accent combining on the a
        Assert.Equal('\u00F2', NewStyle[1]);

        Assert.Equal("hoa-binh", UrlSegment.From(NewStyle));
        Assert.Equal("hoa-binh", UrlSegment.From(OldStyle));
    }

    [Fact]
    public void From_ThuyWithToneOnEitherVowel_GivesSameSegment()
    {
        Assert.Equal("thuy", UrlSegment.From("Thúy"));
        Assert.Equal("thuy", UrlSegment.From("Thuý"));
    }

    [Theory]
    [InlineData("   Giới thiệu   ", "gioi-thieu")]
    [InlineData("Giới    thiệu", "gioi-thieu")]
    [InlineData("Giới thiệu!!!", "gioi-thieu")]
    [InlineData("(Giới) - [thiệu]", "gioi-thieu")]
    [InlineData("Hỏi -- đáp , góp  ý", "hoi-dap-gop-y")]
    [InlineData("\tLiên\nhệ\t", "lien-he")]
    public void From_SpacesAndPunctuation_CollapseToSingleHyphensWithoutEdgeHyphens(string title, string expected)
    {
        Assert.Equal(expected, UrlSegment.From(title));
    }

    [Fact]
    public void From_Apostrophe_VanishesWithoutSplittingTheWord()
    {
        Assert.Equal("ia-hdrai", UrlSegment.From("Ia H'Drai"));
    }

    [Fact]
    public void From_LegalDocumentNumber_DropsSlashesAndDotsAsUmbracoUrlReplacingDoes()
    {
        Assert.Equal("922017nd-cp", UrlSegment.From("92/2017/NĐ-CP"));
        Assert.Equal("nghi-dinh-so-922017nd-cp", UrlSegment.From("Nghị định số 92/2017/NĐ-CP"));
        Assert.Equal("v12", UrlSegment.From("V.1.2"));
    }

    [Theory]
    [InlineData("C++ căn bản", "cplusplus-can-ban")]
    [InlineData("Điểm 5*", "diem-5star")]
    public void From_PlusAndStar_AreSpelledOut(string title, string expected)
    {
        Assert.Equal(expected, UrlSegment.From(title));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ---")]
    public void From_TitleWithoutLettersOrDigits_ReturnsEmpty(string title)
    {
        Assert.Equal(string.Empty, UrlSegment.From(title));
    }

    [Fact]
    public void From_Digits_AreKept()
    {
        Assert.Equal("ke-hoach-nam-2025", UrlSegment.From("Kế hoạch năm 2025"));
    }

    [Fact]
    public void MakeUnique_SegmentFree_ReturnsItUnchanged()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { "lien-he" };

        Assert.Equal("gioi-thieu", UrlSegment.MakeUnique("gioi-thieu", taken));
    }

    [Fact]
    public void MakeUnique_SegmentTaken_AppendsOne()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { "gioi-thieu" };

        Assert.Equal("gioi-thieu-1", UrlSegment.MakeUnique("gioi-thieu", taken));
    }

    [Fact]
    public void MakeUnique_SegmentAndFirstNumberTaken_AppendsTwo()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { "gioi-thieu", "gioi-thieu-1" };

        Assert.Equal("gioi-thieu-2", UrlSegment.MakeUnique("gioi-thieu", taken));
    }

    [Fact]
    public void MakeUnique_GapInNumbers_ReturnsFirstFreeNumber()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { "tin-tuc", "tin-tuc-1", "tin-tuc-3" };

        Assert.Equal("tin-tuc-2", UrlSegment.MakeUnique("tin-tuc", taken));
    }

    [Fact]
    public void MakeUnique_EmptySegment_FallsBackToTrang()
    {
        Assert.Equal("trang", UrlSegment.MakeUnique(string.Empty, new HashSet<string>(StringComparer.Ordinal)));
    }

    [Fact]
    public void MakeUnique_EmptySegmentAndTrangTaken_ReturnsTrangOne()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { "trang" };

        Assert.Equal("trang-1", UrlSegment.MakeUnique(string.Empty, taken));
    }
}
