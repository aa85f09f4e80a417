using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Core.Forum;

/// <summary>What the asker keeps to follow a question: <c>PAKN-2026-000123</c> (year it was sent, number within that year).</summary>
public static partial class TrackingCode
{
    public static string Format(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"PAKN-{year:D4}-{number:D6}");

    /// <summary>Accepts what people type: any case, spaces around, a missing leading zero.</summary>
    public static string? Normalize(string? typed)
    {
        var match = Shape().Match((typed ?? string.Empty).Trim());
        return match.Success
            ? Format(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : null;
    }

    [GeneratedRegex(@"^PAKN\s*-\s*(\d{4})\s*-\s*(\d{1,9})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
