using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Portal.Core.Text;

namespace Portal.Infrastructure.Search.Analysis;

/// <summary>
/// Every token in one spelling: NFC (phones and PDFs send decomposed letters, which the tokenizer keeps inside the
/// token), lower case, the tone mark placed in the old style (hoà → hòa), and the province's place-name variant
/// Đắk written as Kon Tum writes it, Đăk. Offsets are untouched, so highlights land on the original text.
/// </summary>
internal sealed class VietnameseTokenFilter : TokenFilter
{
    private static readonly Dictionary<string, string> Variants = new(StringComparer.Ordinal)
    {
        ["đắk"] = "đăk",
        ["đắc"] = "đăk",
    };

    private readonly ICharTermAttribute term;

    public VietnameseTokenFilter(TokenStream input)
        : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        // Plain ASCII words (codes, numbers, "kon", "tum") only need lower case, done in place.
        var buffer = term.Buffer;
        var length = term.Length;
        var ascii = true;
        for (var i = 0; i < length && ascii; i++)
        {
            ascii = buffer[i] < 128;
        }

        if (ascii)
        {
            for (var i = 0; i < length; i++)
            {
                buffer[i] = char.ToLowerInvariant(buffer[i]);
            }

            return true;
        }

        var original = term.ToString();
        var canonical = Canonical(original);
        if (!string.Equals(original, canonical, StringComparison.Ordinal))
        {
            term.SetEmpty().Append(canonical);
        }

        return true;
    }

    /// <summary>The spelling a word is indexed and searched under (before folding).</summary>
    public static string Canonical(string word)
    {
        var lower = VietnameseText.Nfc(word).ToLowerInvariant();
        var toned = VietnameseTones.Canonical(lower);
        return Variants.GetValueOrDefault(toned, toned);
    }
}
