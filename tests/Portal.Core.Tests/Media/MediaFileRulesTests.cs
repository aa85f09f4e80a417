using System.Text;
using Portal.Core.Media;

namespace Portal.Core.Tests.Media;

public sealed class MediaFileRulesTests
{
    [Theory]
    [InlineData("anh.jpg", MediaTypes.Image, "image/jpeg")]
    [InlineData("ANH.JPEG", MediaTypes.Image, "image/jpeg")]
    [InlineData("so-do.png", MediaTypes.Image, "image/png")]
    [InlineData("hoat-hinh.gif", MediaTypes.Image, "image/gif")]
    [InlineData("anh.webp", MediaTypes.Image, "image/webp")]
    [InlineData("quyet-dinh.pdf", MediaTypes.File, "application/pdf")]
    [InlineData("bao-cao.docx", MediaTypes.File, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("bang-tinh.xls", MediaTypes.File, "application/vnd.ms-excel")]
    [InlineData("trinh-chieu.pptx", MediaTypes.File, "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    [InlineData("van-ban.odt", MediaTypes.File, "application/vnd.oasis.opendocument.text")]
    [InlineData("ho-so.zip", MediaTypes.File, "application/zip")]
    public void KindOf_AllowedExtension_GivesItsMediaTypeAndContentType(string fileName, string mediaType, string contentType)
    {
        var kind = MediaFileRules.KindOf(fileName);

        Assert.NotNull(kind);
        Assert.Equal(mediaType, kind.MediaTypeAlias);
        Assert.Equal(contentType, kind.ContentType);
    }

    [Theory]
    [InlineData("logo.svg")]
    [InlineData("trang.html")]
    [InlineData("trang.htm")]
    [InlineData("cai-dat.exe")]
    [InlineData("script.js")]
    [InlineData("anh.jpg.exe")]
    [InlineData("khong-co-duoi")]
    [InlineData(".png")]
    [InlineData("anh.")]
    public void KindOf_ScriptableExecutableOrMissingExtension_IsRefused(string fileName)
    {
        Assert.Null(MediaFileRules.KindOf(fileName));
    }

    [Theory]
    [InlineData("Ảnh Hội nghị.JPG", "anh-hoi-nghi.jpg")]
    [InlineData("Quyết định số 12_QĐ-UBND (bản ký số).pdf", "quyet-dinh-so-12_qd-ubnd-ban-ky-so.pdf")]
    [InlineData("Đắk Hà.png", "dak-ha.png")]
    [InlineData(@"C:\Users\bientap\Desktop\Báo cáo.docx", "bao-cao.docx")]
    [InlineData("!!!.png", "tep.png")]
    public void SafeFileName_VietnameseName_BecomesAnAsciiSegmentWithLowerCaseExtension(string fileName, string expected)
    {
        Assert.Equal(expected, MediaFileRules.SafeFileName(fileName));
    }

    [Fact]
    public void SafeFileName_DecomposedInput_EqualsComposedInput()
    {
        var composed = "Ảnh tập huấn.png";

        Assert.Equal(MediaFileRules.SafeFileName(composed), MediaFileRules.SafeFileName(composed.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void SafeFileName_VeryLongName_KeepsTheStemShort()
    {
        var safe = MediaFileRules.SafeFileName(string.Join(' ', Enumerable.Repeat("văn bản", 60)) + ".pdf");

        Assert.EndsWith(".pdf", safe, StringComparison.Ordinal);
        Assert.True(safe.Length <= MediaFileRules.FileStemMaxLength + ".pdf".Length, safe);
        Assert.DoesNotContain("-.", safe, StringComparison.Ordinal);
    }

    [Fact]
    public void NewFolder_Always_IsEightLowerCaseLettersOrDigitsAndVaries()
    {
        var folders = Enumerable.Range(0, 50).Select(_ => MediaFileRules.NewFolder()).ToList();

        Assert.All(folders, f => Assert.Matches("^[a-z0-9]{8}$", f));
        Assert.True(folders.Distinct(StringComparer.Ordinal).Count() > 45);
    }

    [Theory]
    [InlineData("/media/ab12cd34/anh.png", "ab12cd34")]
    [InlineData("/media/AB12CD34/anh.png", null)]
    [InlineData("/media/ab12cd3/anh.png", null)]
    [InlineData("/media/ab12cd34/sub/anh.png", null)]
    [InlineData("/theme/ab12cd34/anh.png", null)]
    [InlineData(null, null)]
    public void FolderOf_MediaUrl_GivesItsFolderOnlyForTheExactShape(string? url, string? expected)
    {
        Assert.Equal(expected, MediaFileRules.FolderOf(url));
    }

    [Theory]
    [InlineData("quyet-dinh.pdf", "%PDF-1.7\n%âãÏÓ\n")]
    [InlineData("bao-cao.docx", "PK\u0003\u0004rest")]
    [InlineData("ho-so.zip", "PK\u0005\u0006")]
    public void MatchesSignature_DocumentWithItsFormatsLeadingBytes_IsAccepted(string fileName, string head)
    {
        Assert.True(MediaFileRules.MatchesSignature(MediaFileRules.KindOf(fileName)!, Encoding.Latin1.GetBytes(head)));
    }

    [Fact]
    public void MatchesSignature_OldOfficeCompoundFile_IsAccepted()
    {
        byte[] head = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];

        Assert.True(MediaFileRules.MatchesSignature(MediaFileRules.KindOf("bieu-mau.doc")!, head));
    }

    [Theory]
    [InlineData("quyet-dinh.pdf", "<html><script>alert(1)</script></html>")]
    [InlineData("bao-cao.docx", "%PDF-1.4")]
    [InlineData("bieu-mau.doc", "MZ\u0090\u0000")]
    [InlineData("ho-so.zip", "")]
    public void MatchesSignature_OtherBytesUnderADocumentExtension_IsRefused(string fileName, string head)
    {
        Assert.False(MediaFileRules.MatchesSignature(MediaFileRules.KindOf(fileName)!, Encoding.Latin1.GetBytes(head)));
    }
}
