using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Portal.Infrastructure.Search.Analysis;

namespace Portal.Infrastructure.Tests.Search;

/// <summary>A rebuild writes tokens analysed once and replayed; the index must hold exactly what the analyzer makes.</summary>
public sealed class AnalysedTextTests
{
    public static readonly TheoryData<string> Texts = new()
    {
        "Đăng ký khai sinh\nThủ tục hành chính tại UBND tỉnh Kon Tum",
        // Decomposed letters, the new-style tone mark, the place-name variant, a code and mixed case.
        "Hoa\u0300 bình ĐẮK HÀ, Đắk Tô, thuý, khoẻ — mã 1.001193 (CCHC)",
        // A token longer than the tokenizer keeps is skipped: the next one's position says so.
        "trước " + new string('x', 300) + " sau",
        "   ",
        string.Empty,
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Replay_AnyText_SameTokensPositionsAndOffsetsAsTheAnalyzer(string text)
    {
        using var exact = new VietnameseAnalyzer(fold: false);
        using var folded = new VietnameseAnalyzer(fold: true);

        var analysed = AnalysedText.Of(text);

        Assert.Equal(Tokens(exact.GetTokenStream("f", text)), Tokens(analysed.ExactTokens()));
        Assert.Equal(Tokens(folded.GetTokenStream("f", text)), Tokens(analysed.FoldedTokens()));
    }

    [Fact]
    public void Replay_ReadTwice_SameTokensEachTime()
    {
        var analysed = AnalysedText.Of("Đắk Tô hoà bình");

        Assert.Equal(Tokens(analysed.FoldedTokens()), Tokens(analysed.FoldedTokens()));
        Assert.Equal(["dak", "to", "hoa", "binh"], Tokens(analysed.FoldedTokens()).SkipLast(1).Select(t => t.Split('|')[0]));
    }

    /// <summary>Every token as term|increment|start|end, and the stream's final increment and offset.</summary>
    private static List<string> Tokens(TokenStream stream)
    {
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var tokens = new List<string>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens.Add($"{term}|{increment.PositionIncrement}|{offset.StartOffset}|{offset.EndOffset}");
            }

            stream.End();
            tokens.Add($"end|{increment.PositionIncrement}|{offset.EndOffset}");
            return tokens;
        }
    }
}
