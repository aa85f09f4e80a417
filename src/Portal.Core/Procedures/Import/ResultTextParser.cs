using System.Text.RegularExpressions;

namespace Portal.Core.Procedures.Import;

/// <summary>
/// Recovers results from the "Kết quả thực hiện" text: each national result code (KQ.G01.000076) closes a result whose
/// name is the text before it; text without codes gives one result per line.
/// </summary>
internal static partial class ResultTextParser
{
    public static IReadOnlyList<ParsedResult> Parse(string text)
    {
        var clean = ImportText.Meaningful(text);
        if (clean.Length == 0)
        {
            return [];
        }

        clean = Header().Replace(clean, string.Empty);
        var codes = Code().Matches(clean).ToList();
        if (codes.Count == 0)
        {
            return clean.Split('\n').Select(ImportText.Meaningful).Where(l => l.Length > 0).Select(l => new ParsedResult(l, string.Empty)).ToList();
        }

        var results = new List<ParsedResult>();
        var position = 0;
        foreach (var code in codes)
        {
            var name = ImportText.Clean(clean[position..code.Index]);
            position = code.Index + code.Length;
            results.Add(new ParsedResult(name.Length > 0 ? name : code.Value, code.Value));
        }

        var tail = ImportText.Meaningful(clean[position..]);
        if (tail.Length > 0)
        {
            results.Add(new ParsedResult(tail, string.Empty));
        }

        return results;
    }

    public static string FindCode(string text)
    {
        var match = Code().Match(text);
        return match.Success ? match.Value : string.Empty;
    }

    [GeneratedRegex(@"KQ\.[A-Z0-9]+\.\d+")]
    private static partial Regex Code();

    [GeneratedRegex(@"^\s*(?:(?:Tên kết quả|Mã kết quả|Tệp đính kèm|Kết quả)\s*)+(?=\S)")]
    private static partial Regex Header();
}
