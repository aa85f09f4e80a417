using System.Text.RegularExpressions;

namespace Portal.Core.Procedures.Import;

/// <summary>
/// Recovers channel rows from the "Cách thức thực hiện" table as scraped from the national portal, where the cells
/// (Hình thức nộp, Thời gian, Phí lệ phí, Mô tả) are run together without separators.
/// </summary>
/// <remarks>
/// A row starts at a channel name written as the portal writes it ("Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính") when a
/// time limit, a fee or the end follows it, so the same words inside a description do not start a row. Within a row the
/// time limit runs up to the first "Phí :" / "Lệ phí :"; the fee is the run of labelled amounts (with their bracketed
/// notes); the rest is the description. Text the rules cannot place stays in the verbatim source kept beside the rows.
/// </remarks>
internal static partial class ChannelTextParser
{
    public static IReadOnlyList<ParsedChannel> Parse(string text)
    {
        var clean = ImportText.Meaningful(text);
        if (clean.Length == 0)
        {
            return [];
        }

        clean = Header().Replace(clean, string.Empty);
        var starts = KindMarker().Matches(clean).ToList();
        var channels = new List<ParsedChannel>();
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1].Index : clean.Length;
            var segment = clean[(starts[i].Index + starts[i].Length)..end];
            channels.Add(ParseRow(NormaliseKind(starts[i].Value) ?? starts[i].Value, segment));
        }

        return channels;
    }

    /// <summary>One channel whose cells are already separate (structured import): fee amount read from the fee text.</summary>
    public static ParsedChannel FromCells(string kind, string timeLimit, string feeText, string description)
    {
        var fee = ImportText.Meaningful(feeText);
        var (amount, currency) = fee.Length == 0 ? (null, null) : FeeText.Read(fee);
        return new ParsedChannel(kind, ImportText.Meaningful(timeLimit), amount, currency, fee, ImportText.Meaningful(description));
    }

    /// <summary>"Trực tiếp", "Trực tuyến" or "Dịch vụ bưu chính" for the usual spellings ("Nộp trực tuyến", "Qua bưu chính"); null otherwise.</summary>
    public static string? NormaliseKind(string written)
    {
        var folded = ImportText.Fold(written);
        return folded switch
        {
            _ when folded.Contains("truc-tiep", StringComparison.Ordinal) => "Trực tiếp",
            _ when folded.Contains("truc-tuyen", StringComparison.Ordinal) || folded.Contains("qua-mang", StringComparison.Ordinal) => "Trực tuyến",
            _ when folded.Contains("buu-chinh", StringComparison.Ordinal) => "Dịch vụ bưu chính",
            _ => null,
        };
    }

    private static ParsedChannel ParseRow(string kind, string segment)
    {
        var feeStart = FeeLabel().Match(segment);
        string timeLimit;
        string feeText = string.Empty;
        string description;
        if (feeStart.Success)
        {
            timeLimit = segment[..feeStart.Index];
            var rest = segment[feeStart.Index..];
            var runLength = 0;
            for (var fee = FeeItem().Match(rest); fee.Success && fee.Index == runLength; fee = fee.NextMatch())
            {
                runLength += fee.Length;
            }

            // A labelled fee without a recognisable amount cannot be bounded: keep all of it as the fee.
            feeText = runLength == 0 ? rest : rest[..runLength];
            description = rest[feeText.Length..];
        }
        else
        {
            var time = TimeLimit().Match(segment);
            timeLimit = time.Success ? time.Value : string.Empty;
            var rest = segment[timeLimit.Length..];
            var none = NoFee().Match(rest);
            if (none.Success)
            {
                feeText = none.Value;
                rest = rest[none.Length..];
            }

            description = rest;
        }

        return FromCells(kind, timeLimit, feeText, description);
    }

    [GeneratedRegex(@"^\s*Hình thức nộp\s*Thời (?:gian|hạn)(?: giải quyết)?\s*Phí,?\s*lệ phí\s*(?:Mô tả)?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Header();

    [GeneratedRegex(@"(?:Trực tiếp|Trực tuyến|Dịch vụ bưu chính(?: công ích)?)(?=\s*(?:\d|Phí|Lệ phí|Không|Trong|Theo|$))")]
    private static partial Regex KindMarker();

    [GeneratedRegex(@"(?:Lệ phí|Phí)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex FeeLabel();

    // No IgnoreCase: under it \p{Ll} also matches capitals, and "ĐồngNộp…" must end at "Đồng".
    [GeneratedRegex(@"\s*(?:[Ll]ệ phí|LỆ PHÍ|[Pp]hí|PHÍ)\s*:\s*(?:\d+(?:[.,]\d+)*\s*(?:[Đđ]ồng|ĐỒNG|VNĐ|VND|vnđ|vnd|USD|usd|[Đđ]ô la Mỹ|đ)(?!\p{Ll})|Không(?: thu)?|Miễn(?: phí)?)(?:\s*\([^)]*\))?\s*")]
    private static partial Regex FeeItem();

    [GeneratedRegex(@"^\s*(?:Trong ngày(?: làm việc)?|\d+(?:[.,]\d+)?\s*(?:ngày làm việc|ngày|giờ làm việc|giờ|tháng|năm|phút)(?:\s*làm việc)?)", RegexOptions.IgnoreCase)]
    private static partial Regex TimeLimit();

    [GeneratedRegex(@"^\s*(?:Không thu phí|Miễn phí|Miễn lệ phí|Không)")]
    private static partial Regex NoFee();
}
