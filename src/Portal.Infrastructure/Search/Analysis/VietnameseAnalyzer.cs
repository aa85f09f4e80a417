using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Portal.Infrastructure.Search.Analysis;

/// <summary>
/// Syllables as the standard tokenizer splits them (Vietnamese is written syllable by syllable, and "1.001193" stays one
/// token), each in one canonical spelling; the folded variant also drops the diacritics (đ, ơ, ư and U+1EA0–U+1EF9
/// included), so "dang ky" finds "Đăng ký". Stop words are kept: "không" matters in legal text.
/// </summary>
internal sealed class VietnameseAnalyzer(bool fold) : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Written into every commit: an index analysed another way is rebuilt rather than searched wrongly.</summary>
    public const string Revision = "vi-4";

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
        TokenStream stream = new VietnameseTokenFilter(tokenizer);
        if (fold)
        {
            stream = new ASCIIFoldingFilter(stream);
        }

        return new TokenStreamComponents(tokenizer, stream);
    }
}
