using System.Globalization;
using System.Text;

namespace Portal.Core.Text;

/// <summary>
/// Builds URL segments from Vietnamese titles the way Umbraco's default short-string helper does:
/// diacritics removed, đ → d, lower case, words joined by hyphens.
/// </summary>
public static class UrlSegment
{
    // Umbraco's default RequestHandler:UrlReplacing characters: these vanish or are spelled out rather than becoming a hyphen.
    private static readonly Dictionary<char, string> Replacements = new()
    {
        ['"'] = string.Empty, ['\''] = string.Empty, ['%'] = string.Empty, ['.'] = string.Empty,
        [';'] = string.Empty, ['/'] = string.Empty, ['\\'] = string.Empty, [':'] = string.Empty, ['#'] = string.Empty,
        ['&'] = string.Empty, ['?'] = string.Empty, ['<'] = string.Empty, ['>'] = string.Empty,
        ['+'] = "plus", ['*'] = "star",
    };

    public static string From(string title)
    {
        // Decomposing first turns both NFC and NFD input (and either tone placement, hòa / hoà) into base letters plus marks.
        var decomposed = title.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (folded is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(folded);
                pendingHyphen = false;
            }
            else if (Replacements.TryGetValue(folded, out var replacement))
            {
                if (replacement.Length > 0)
                {
                    if (pendingHyphen && builder.Length > 0)
                    {
                        builder.Append('-');
                    }

                    builder.Append(replacement);
                    pendingHyphen = false;
                }
            }
            else
            {
                pendingHyphen = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>Appends -1, -2 … until the segment is free among its siblings, as Umbraco does for duplicate names.</summary>
    public static string MakeUnique(string segment, IReadOnlySet<string> takenBySiblings)
    {
        var candidate = segment.Length == 0 ? "trang" : segment;
        if (!takenBySiblings.Contains(candidate))
        {
            return candidate;
        }

        for (var i = 1; ; i++)
        {
            var numbered = $"{candidate}-{i}";
            if (!takenBySiblings.Contains(numbered))
            {
                return numbered;
            }
        }
    }
}
