using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Core.Procedures.Import;

/// <summary>
/// Recovers dossier items from the "Thành phần hồ sơ" table as scraped from the national portal, where the cells
/// (Tên giấy tờ, Mẫu đơn tờ khai, Số lượng) are run together without separators.
/// </summary>
/// <remarks>
/// Each quantity ("Bản chính: 1 - Bản sao: 0", "1 bản chính", "02 bản sao") closes an item: the text before it is the
/// item's name, followed by the form file when one is attached. A file name is split from the name only where its start
/// is certain: its last word begins with, or has glued inside it, a usual form prefix (mẫu, mau, TK, PL, BM…).
/// A heading "Trường hợp …" that ends with a colon or with a repeated table header labels the items after it.
/// </remarks>
internal static partial class DossierTextParser
{
    private static readonly string[] FormPrefixes = ["mẫu", "mau", "tokhai", "phụlục", "phuluc", "pl", "bm", "tk", "đơn", "don"];

    public static IReadOnlyList<ParsedDossierItem> Parse(string text)
    {
        var clean = ImportText.Meaningful(text);
        if (clean.Length == 0)
        {
            return [];
        }

        var items = new List<ParsedDossierItem>();
        var caseLabel = string.Empty;
        var position = 0;
        foreach (Match quantity in Quantity().Matches(clean))
        {
            var chunk = clean[position..quantity.Index];
            position = quantity.Index + quantity.Length;
            (caseLabel, chunk) = TakeCase(caseLabel, chunk);
            var (name, form) = SplitForm(ImportText.Clean(chunk));
            if (name.Length == 0)
            {
                continue;
            }

            var (originals, copies) = ReadQuantity(quantity.Value);
            items.Add(new ParsedDossierItem(caseLabel, name, originals, copies, ImportText.Clean(quantity.Value), form, string.Empty));
        }

        return items;
    }

    /// <summary>Originals and copies stated by a quantity text; a count the text does not state stays null.</summary>
    public static (int? Originals, int? Copies) ReadQuantity(string quantity)
    {
        int? originals = null;
        int? copies = null;
        foreach (Match count in Count().Matches(quantity))
        {
            var value = int.Parse(count.Groups["n"].Value, CultureInfo.InvariantCulture);
            var isCopy = count.Groups["kind"].Value.Contains("sao", StringComparison.OrdinalIgnoreCase);
            if (isCopy)
            {
                copies = (copies ?? 0) + value;
            }
            else
            {
                originals = (originals ?? 0) + value;
            }
        }

        return (originals, copies);
    }

    private static (string CaseLabel, string Chunk) TakeCase(string current, string chunk)
    {
        var header = Header().Match(chunk);
        if (header.Success)
        {
            var before = ImportText.Clean(chunk[..header.Index]);
            var after = chunk[(header.Index + header.Length)..];
            return before.StartsWith("Trường hợp", StringComparison.Ordinal) ? (before.TrimEnd(':').Trim(), after)
                : (current, before.Length > 0 ? before + " " + after : after);
        }

        var trimmed = chunk.TrimStart();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (trimmed.StartsWith("Trường hợp", StringComparison.Ordinal) && colon > 0)
        {
            return (ImportText.Clean(trimmed[..colon]), trimmed[(colon + 1)..]);
        }

        return (current, chunk);
    }

    private static (string Name, string Form) SplitForm(string chunk)
    {
        var file = FileAtEnd().Match(chunk);
        if (!file.Success)
        {
            return (chunk, string.Empty);
        }

        // File names may contain spaces ("NA5 (1).doc"), so only a usual form prefix inside the last word marks where one starts.
        var lower = file.Value.ToLowerInvariant();
        var prefixAt = FormPrefixes.Select(p => lower.IndexOf(p, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (prefixAt < 0 || (prefixAt == 0 && file.Index == 0))
        {
            return (chunk, string.Empty);
        }

        var formStart = file.Index + prefixAt;
        return (chunk[..formStart].Trim(), chunk[formStart..].Trim());
    }

    [GeneratedRegex(@"Bản chính\s*:\s*\d+\s*-\s*Bản sao\s*:\s*\d+|\d+\s*bản (?:chính|sao)(?:\s*(?:và|,)\s*\d+\s*bản (?:chính|sao))?", RegexOptions.IgnoreCase)]
    private static partial Regex Quantity();

    [GeneratedRegex(@"(?:(?<kind>Bản chính|Bản sao)\s*:\s*(?<n>\d+))|(?:(?<n>\d+)\s*(?<kind>bản chính|bản sao))", RegexOptions.IgnoreCase)]
    private static partial Regex Count();

    [GeneratedRegex(@"Tên giấy tờ\s*Mẫu đơn,?\s*tờ khai\s*Số lượng", RegexOptions.IgnoreCase)]
    private static partial Regex Header();

    [GeneratedRegex(@"[^\s]+\.(?:docx?|xlsx?|pdf|rtf|odt|zip|rar)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileAtEnd();
}
