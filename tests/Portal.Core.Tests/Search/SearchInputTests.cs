using System.Text;
using Portal.Core.Search;

namespace Portal.Core.Tests.Search;

public sealed class SearchInputTests
{
    [Fact]
    public void Parse_QuotedPhrase_KeepsPhraseApartFromLooseWords()
    {
        var input = SearchInput.Parse("thủ tục \"giấy phép lái xe\" Kon Tum");

        Assert.Equal(
            [new SearchInputPart("thủ tục", false), new SearchInputPart("giấy phép lái xe", true), new SearchInputPart("Kon Tum", false)],
            input.Parts);
    }

    [Fact]
    public void Parse_UnclosedQuote_ReadsItsWordsAsLoose()
    {
        var input = SearchInput.Parse("\"khai sinh");

        Assert.Equal([new SearchInputPart("khai sinh", false)], input.Parts);
    }

    [Fact]
    public void Parse_TypographicQuotes_ReadAsPhrase() =>
        Assert.True(SearchInput.Parse("“hộ tịch”").Parts.Single().Phrase);

    [Fact]
    public void Parse_DecomposedText_IsComposed() =>
        Assert.Equal("hòa giải", SearchInput.Parse("hòa giải".Normalize(NormalizationForm.FormD)).Text);

    [Fact]
    public void Parse_VeryLongInput_IsCut() =>
        Assert.Equal(SearchInput.MaxLength, SearchInput.Parse(new string('a', 5000)).Text.Length);

    [Theory]
    [InlineData("", true)]
    [InlineData("   ", true)]
    [InlineData("\"\"", true)]
    [InlineData("thuế", false)]
    public void IsEmpty_WhitespaceOrEmptyQuotes_True(string typed, bool empty) => Assert.Equal(empty, SearchInput.Parse(typed).IsEmpty);

    [Theory]
    [InlineData("đăng ký", true)]
    [InlineData("dang ky", false)]
    [InlineData("1.001193", false)]
    public void HasDiacritics_FollowsTypedLetters(string typed, bool expected) => Assert.Equal(expected, SearchInput.Parse(typed).HasDiacritics);

    [Theory]
    [InlineData("\u200fkhai sinh\u200e", "khai sinh")]
    [InlineData("khai\u0000sinh", "khai sinh")]
    [InlineData("thủ tục 🙂", "thủ tục 🙂")]
    public void Visible_InvisibleOrBrokenCharacters_BecomeSpaces(string typed, string expected) =>
        Assert.Equal(expected, SearchInput.Visible(typed).Trim());

    [Fact]
    public void Parse_LoneSurrogate_DoesNotThrow()
    {
        // Built in code: a lone surrogate in an attribute argument would not survive compilation.
        var typed = "khai " + (char)0xD800 + " sinh " + (char)0xDC00;

        Assert.Equal("khai sinh", SearchInput.Parse(typed).Parts.Single().Text);
    }
}
