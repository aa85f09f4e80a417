using System.Text;
using Portal.Core.Text;

namespace Portal.Core.Tests.Text;

public sealed class VietnameseTonesTests
{
    [Theory]
    [InlineData("hoà", "hòa")]
    [InlineData("hòa", "hòa")]
    [InlineData("thuý", "thúy")]
    [InlineData("khoẻ", "khỏe")]
    [InlineData("toà", "tòa")]
    [InlineData("xoã", "xõa")]
    [InlineData("uỷ", "ủy")]
    [InlineData("thuỷ", "thủy")]
    [InlineData("HOÀ", "HÒA")]
    public void Canonical_NewStyleOpenRhyme_PutsToneOnFirstVowel(string typed, string expected) =>
        Assert.Equal(expected, VietnameseTones.Canonical(typed));

    [Theory]
    [InlineData("hoàn")]
    [InlineData("toán")]
    [InlineData("huýt")]
    [InlineData("quý")]
    [InlineData("quả")]
    [InlineData("hoa")]
    [InlineData("đăng")]
    [InlineData("1.001193")]
    public void Canonical_UnambiguousWord_Unchanged(string word) => Assert.Equal(word, VietnameseTones.Canonical(word));

    [Fact]
    public void Canonical_DecomposedInput_ComesBackComposedAndCanonical() =>
        Assert.Equal("hòa", VietnameseTones.Canonical("hoà".Normalize(NormalizationForm.FormD)));
}
