using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Core.Procedures.Import;

/// <summary>Reads the amount and currency out of a fee text such as "Phí : 50.000 Đồng" or "Lệ phí : 25 USD".</summary>
internal static partial class FeeText
{
    /// <summary>
    /// The single amount the text states, or 0 when it says there is no fee. Null when the text has no amount or several
    /// different ones (per-case fees): the page then shows the verbatim text only, never a guessed figure.
    /// </summary>
    public static (decimal? Amount, string? Currency) Read(string text)
    {
        if (SaysNoFee(text))
        {
            return (0m, null);
        }

        var found = Amounts().Matches(text)
            .Select(m => (Amount: ParseAmount(m.Groups["amount"].Value), Currency: Currency(m.Groups["currency"].Value)))
            .Where(a => a.Amount is not null)
            .Distinct()
            .ToList();
        return found.Count == 1 ? (found[0].Amount, found[0].Currency) : (null, null);
    }

    public static bool SaysNoFee(string text)
    {
        var folded = ImportText.Fold(text);
        return !text.Any(char.IsAsciiDigit)
            && (folded is "khong" || folded.StartsWith("khong-thu", StringComparison.Ordinal)
                || folded.StartsWith("khong-phai-nop", StringComparison.Ordinal) || folded.StartsWith("mien-phi", StringComparison.Ordinal)
                || folded.StartsWith("mien-le-phi", StringComparison.Ordinal));
    }

    /// <summary>Vietnamese writes thousands with dots ("50.000"); a dot or comma followed by other than three digits is a decimal point.</summary>
    public static decimal? ParseAmount(string amount)
    {
        var digits = Thousands().IsMatch(amount) ? amount.Replace(".", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal)
            : amount.Replace(',', '.');
        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static string Currency(string written) =>
        written.Equals("USD", StringComparison.OrdinalIgnoreCase) || written.StartsWith("đô", StringComparison.OrdinalIgnoreCase)
            ? "USD" : "VND";

    // Case spelled out rather than IgnoreCase: under IgnoreCase \p{Ll} also matches capitals, and "ĐồngNộp…" must end at "Đồng".
    [GeneratedRegex(@"(?<amount>\d+(?:[.,]\d+)*)\s*(?<currency>[Đđ]ồng|ĐỒNG|VNĐ|VND|vnđ|vnd|USD|usd|[Đđ]ô la Mỹ|đ)(?!\p{Ll})")]
    private static partial Regex Amounts();

    [GeneratedRegex(@"^\d{1,3}(?:[.,]\d{3})+$")]
    private static partial Regex Thousands();
}
