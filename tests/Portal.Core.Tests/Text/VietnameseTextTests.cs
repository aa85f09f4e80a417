using System.Text;
using Portal.Core.Text;

namespace Portal.Core.Tests.Text;

public sealed class VietnameseTextTests
{
    [Fact]
    public void Nfc_DecomposedText_BecomesComposed()
    {
        const string Composed = "Thủ tục hành chính";
        var decomposed = Composed.Normalize(NormalizationForm.FormD);

        var result = VietnameseText.Nfc(decomposed);

        Assert.Equal(Composed, result);
        Assert.True(result.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(Composed.Length, result.Length);
    }

    [Fact]
    public void Nfc_AlreadyComposedText_IsReturnedAsIs()
    {
        const string Composed = "Đắk Hà";

        Assert.Same(Composed, VietnameseText.Nfc(Composed));
    }

    [Fact]
    public void Nfc_Dictionary_NormalizesEveryValueAndKeepsAliases()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["tieuDe"] = "Chỉ đạo điều hành".Normalize(NormalizationForm.FormD),
            ["diaDanh"] = "Kon Tum",
        };

        var result = VietnameseText.Nfc(values);

        Assert.Equal(2, result.Count);
        Assert.Equal("Chỉ đạo điều hành", result["tieuDe"]);
        Assert.Equal("Kon Tum", result["diaDanh"]);
    }

    [Fact]
    public void Fold_TonesDiacriticsCaseAndPunctuation_PlainWordsAsTypedWithoutAVietnameseKeyboard()
    {
        Assert.Equal("dang ky khai sinh", VietnameseText.Fold("Đăng ký khai sinh"));
        Assert.Equal("cap thi thuc", VietnameseText.Fold("Cấp THỊ thực"));
        Assert.Equal("1001193", VietnameseText.Fold("1.001193"));
        Assert.Equal(string.Empty, VietnameseText.Fold(null));
    }
}
