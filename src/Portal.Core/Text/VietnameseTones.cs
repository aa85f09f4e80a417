using System.Text;

namespace Portal.Core.Text;

/// <summary>
/// One place for the tone mark in the open rhymes oa, oe and uy: "hoà" and "hòa", "thuý" and "thúy", "khoẻ" and "khỏe"
/// are the same word written in the new and the old style. Search puts both in the old style (the one most Vietnamese
/// news sites use) so an exact match does not depend on the writer's keyboard; stored text is never rewritten.
/// </summary>
public static class VietnameseTones
{
    private const char Grave = '\u0300';
    private const char Acute = '\u0301';
    private const char Tilde = '\u0303';
    private const char HookAbove = '\u0309';
    private const char DotBelow = '\u0323';

    /// <summary>The bare vowel under each precomposed Latin letter (ằ → a, ộ → o): enough to rule out most words without decomposing them.</summary>
    private static readonly Dictionary<char, char> Bases = BuildBases();

    /// <summary>The word with its tone mark where the old style puts it; any other word comes back unchanged (as NFC).</summary>
    public static string Canonical(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        // Search calls this for every word it reads: most cannot end in an open rhyme, and those return without allocating.
        if (word.Length < 2 || !MayEndInOpenRhyme(word))
        {
            return VietnameseText.Nfc(word);
        }

        var decomposed = word.Normalize(NormalizationForm.FormD);
        var tonePosition = -1;
        for (var i = 0; i < decomposed.Length; i++)
        {
            if (IsTone(decomposed[i]))
            {
                if (tonePosition >= 0)
                {
                    return VietnameseText.Nfc(word);
                }

                tonePosition = i;
            }
        }

        if (tonePosition < 0)
        {
            return VietnameseText.Nfc(word);
        }

        var tone = decomposed[tonePosition];
        var bare = decomposed.Remove(tonePosition, 1);
        // Only the open rhyme at the very end of the word is ambiguous: "hoàn", "toán", "huýt" have one spelling.
        var length = bare.Length;
        if (length < 2)
        {
            return VietnameseText.Nfc(word);
        }

        var first = char.ToLowerInvariant(bare[length - 2]);
        var second = char.ToLowerInvariant(bare[length - 1]);
        var openRhyme = (first == 'o' && second is 'a' or 'e') || (first == 'u' && second == 'y');
        // In "quý" the u belongs to the consonant qu, so the tone sits on the y in both styles.
        var afterQ = length >= 3 && char.ToLowerInvariant(bare[length - 3]) == 'q';
        if (!openRhyme || afterQ)
        {
            return VietnameseText.Nfc(word);
        }

        return bare.Insert(length - 1, tone.ToString()).Normalize(NormalizationForm.FormC);
    }

    private static bool IsTone(char c) => c is Grave or Acute or Tilde or HookAbove or DotBelow;

    private static bool MayEndInOpenRhyme(string word)
    {
        var last = Base(word[^1]);
        if (IsTone(word[^1]))
        {
            // Decomposed input: the letter sits before its marks.
            return true;
        }

        var before = Base(word[^2]);
        return (before == 'o' && last is 'a' or 'e') || (before == 'u' && last == 'y');
    }

    private static char Base(char c) => char.ToLowerInvariant(c < 128 ? c : Bases.GetValueOrDefault(c, c));

    private static Dictionary<char, char> BuildBases()
    {
        var bases = new Dictionary<char, char>();
        for (var c = '\u00C0'; c <= '\u1EF9'; c++)
        {
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length > 1 && decomposed[0] < 128 && char.IsLetter(decomposed[0]))
            {
                bases[c] = decomposed[0];
            }
        }

        return bases;
    }
}
