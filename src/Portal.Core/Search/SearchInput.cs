using Portal.Core.Text;

namespace Portal.Core.Search;

/// <summary>A piece of what someone typed: a quoted phrase (its words must stand together) or loose words.</summary>
public sealed record SearchInputPart(string Text, bool Phrase);

/// <summary>
/// What a visitor typed, read as words and "quoted phrases" and nothing else: no field names, operators, wildcards or
/// escapes, so no input can make a query fail. Text is NFC; an unclosed quote makes its words loose.
/// </summary>
public sealed class SearchInput
{
    /// <summary>Longer input is cut: nobody types more, and a huge query is only a cost.</summary>
    public const int MaxLength = 200;

    private SearchInput(string text, IReadOnlyList<SearchInputPart> parts)
    {
        Text = text;
        Parts = parts;
    }

    public string Text { get; }

    public IReadOnlyList<SearchInputPart> Parts { get; }

    public bool IsEmpty => Parts.Count == 0;

    /// <summary>True when the visitor typed a Vietnamese diacritic: exact spellings then rank above folded ones.</summary>
    public bool HasDiacritics => Text.Any(c => c > 127 && char.IsLetter(c));

    public static SearchInput Parse(string? typed)
    {
        var text = VietnameseText.Nfc(Visible(typed ?? string.Empty)).Trim();
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }

        var parts = new List<SearchInputPart>();
        var rest = text.Replace('“', '"').Replace('”', '"');
        while (rest.Length > 0)
        {
            var open = rest.IndexOf('"', StringComparison.Ordinal);
            var close = open < 0 ? -1 : rest.IndexOf('"', open + 1);
            if (open < 0 || close < 0)
            {
                Add(parts, rest.Replace("\"", " ", StringComparison.Ordinal), phrase: false);
                break;
            }

            Add(parts, rest[..open], phrase: false);
            Add(parts, rest[(open + 1)..close], phrase: true);
            rest = rest[(close + 1)..];
        }

        return new SearchInput(text, parts);
    }

    /// <summary>
    /// Control and format characters (direction marks, zero-width spaces pasted with the text) and broken surrogate halves
    /// become spaces: they are invisible to the person typing, and would glue to a word or make normalisation fail.
    /// </summary>
    public static string Visible(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])
                : !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(chars[i - 1]));
            var category = char.GetUnicodeCategory(c);
            if (!paired || category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format)
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    private static void Add(List<SearchInputPart> parts, string text, bool phrase)
    {
        var trimmed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (trimmed.Length > 0)
        {
            parts.Add(new SearchInputPart(trimmed, phrase));
        }
    }
}
