using System.Text;
using Portal.Core.Text;

namespace Portal.Core.Procedures.Import;

/// <summary>Text clean-up shared by the parsers and the mapper, so every stored string is NFC, trimmed and free of placeholders.</summary>
internal static class ImportText
{
    // What the national portal prints in an empty cell; stored as empty so the page shows nothing rather than a filler.
    private static readonly HashSet<string> Placeholders = new(StringComparer.Ordinal)
    {
        "khong-co-thong-tin", "khong-co", "chua-co-thong-tin", "dang-cap-nhat", "khong-xac-dinh", "n-a", "na", "",
    };

    /// <summary>NFC, trimmed, inner runs of blanks on one line reduced to one space; line breaks kept.</summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var text = VietnameseText.Nfc(value).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            .Replace('\u00A0', ' ');
        var lines = text.Split('\n').Select(CollapseSpaces);
        return string.Join('\n', lines).Trim();
    }

    /// <summary>Clean text, or empty when the text only says that there is nothing ("Không có thông tin", "-", blank).</summary>
    public static string Meaningful(string? value)
    {
        var text = Clean(value);
        return IsPlaceholder(text) ? string.Empty : text;
    }

    /// <summary>As <see cref="Meaningful"/>, and a list item "Không" (no related procedure, no keyword) is empty too.</summary>
    public static string MeaningfulItem(string? value)
    {
        var text = Meaningful(value);
        return Fold(text) == "khong" ? string.Empty : text;
    }

    public static bool IsPlaceholder(string text) =>
        text.Trim().Trim('-', '—', '–', '.', ' ').Length == 0 || Placeholders.Contains(Fold(text));

    /// <summary>Diacritics, case and punctuation folded away (words joined by hyphens), for tolerant comparisons.</summary>
    public static string Fold(string text) => UrlSegment.From(text);

    /// <summary>
    /// Splits on commas, semicolons and line breaks outside parentheses ("Tổ chức (doanh nghiệp, HTX)" stays one item);
    /// placeholders and a bare "Không" (none) are dropped.
    /// </summary>
    public static IReadOnlyList<string> SplitList(string text)
    {
        var items = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        foreach (var c in text)
        {
            depth += c switch { '(' => 1, ')' when depth > 0 => -1, _ => 0 };
            if (depth == 0 && c is ',' or ';' or '\n')
            {
                Add(items, current.ToString());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        Add(items, current.ToString());
        return items;

        static void Add(List<string> items, string item)
        {
            var clean = MeaningfulItem(item);
            if (clean.Length > 0 && !items.Contains(clean, StringComparer.Ordinal))
            {
                items.Add(clean);
            }
        }
    }

    private static string CollapseSpaces(string line)
    {
        var builder = new StringBuilder(line.Length);
        var lastWasSpace = false;
        foreach (var c in line)
        {
            var isSpace = c is ' ' or '\t';
            if (!isSpace || !lastWasSpace)
            {
                builder.Append(isSpace ? ' ' : c);
            }

            lastWasSpace = isSpace;
        }

        return builder.ToString().Trim();
    }
}
