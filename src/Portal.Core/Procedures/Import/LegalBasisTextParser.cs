using System.Text.RegularExpressions;

namespace Portal.Core.Procedures.Import;

/// <summary>
/// Recovers legal documents from the "Căn cứ pháp lý" text: document numbers such as 47/2014/QH13, 63/2010/NĐ-CP,
/// 45/2016/QĐ-TTg, with their titles where they can be told apart.
/// </summary>
/// <remarks>
/// Text on several lines is read one document per line (the line is the title, its first number the number). Run-together
/// table text is cut at each number: when the text starts with a number the title follows it (Số ký hiệu, Trích yếu, Ngày
/// ban hành…; the date and what follows it are dropped), otherwise the title precedes it (Tên văn bản, Mã văn bản).
/// A number ends where a capitalised word starts, so "47/2014/QH13Luật…" gives 47/2014/QH13.
/// </remarks>
internal static partial class LegalBasisTextParser
{
    public static IReadOnlyList<ParsedLegalDocument> Parse(string text)
    {
        var clean = ImportText.Meaningful(text);
        if (clean.Length == 0)
        {
            return [];
        }

        var lines = clean.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length > 1)
        {
            return lines.Select(ImportText.Meaningful).Where(l => l.Length > 0).Select(FromLine).ToList();
        }

        clean = Header().Replace(clean, string.Empty);
        var numbers = Number().Matches(clean).ToList();
        if (numbers.Count == 0)
        {
            return [new ParsedLegalDocument(string.Empty, clean)];
        }

        var numberFirst = numbers[0].Index == 0;
        var documents = new List<ParsedLegalDocument>();
        for (var i = 0; i < numbers.Count; i++)
        {
            var title = numberFirst
                ? clean[(numbers[i].Index + numbers[i].Length)..(i + 1 < numbers.Count ? numbers[i + 1].Index : clean.Length)]
                : clean[(i == 0 ? 0 : numbers[i - 1].Index + numbers[i - 1].Length)..numbers[i].Index];
            documents.Add(new ParsedLegalDocument(numbers[i].Value, TitleOnly(title)));
        }

        if (!numberFirst)
        {
            var tail = ImportText.Clean(clean[(numbers[^1].Index + numbers[^1].Length)..]);
            if (tail.Length > 0)
            {
                documents.Add(new ParsedLegalDocument(string.Empty, tail));
            }
        }

        return documents;
    }

    /// <summary>The first document number in a text (for a title such as "Luật số 47/2014/QH13 …"), or empty.</summary>
    public static string FindNumber(string text)
    {
        var match = Number().Match(text);
        return match.Success ? match.Value : string.Empty;
    }

    private static ParsedLegalDocument FromLine(string line) => new(FindNumber(line), line);

    private static string TitleOnly(string title)
    {
        var date = Date().Match(title);
        return ImportText.Clean(date.Success ? title[..date.Index] : title);
    }

    // Segments after the serial: QH13, NĐ-CP, TT-BCA, QĐ-TTg, NQ-HĐND; a capital followed by a small letter begins the title.
    [GeneratedRegex(@"\d+(?:/\d{4})?/(?:TTg|(?:[A-ZĐ](?!\p{Ll}))+\d*)(?:-(?:TTg|(?:[A-ZĐ](?!\p{Ll}))+\d*))*")]
    private static partial Regex Number();

    [GeneratedRegex(@"\d{1,2}[-/.]\d{1,2}[-/.]\d{4}")]
    private static partial Regex Date();

    [GeneratedRegex(@"^\s*(?:(?:Số ký hiệu|Trích yếu|Ngày ban hành|Cơ quan ban hành|Tên văn bản(?: pháp lý)?|Mã(?: \(số hiệu\))? văn bản|Số hiệu)\s*)+")]
    private static partial Regex Header();
}
