using System.Text;

namespace Portal.Core.Text;

public static class VietnameseText
{
    /// <summary>Vietnamese alphabetical order (a, ă, â, b, c, d, đ, …), for every list people read.</summary>
    public static readonly StringComparer Order = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: false);

    /// <summary>Stored text is always NFC, whatever the phone or PDF it was typed or pasted from.</summary>
    public static string Nfc(string value) => value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);

    public static IReadOnlyDictionary<string, string> Nfc(IReadOnlyDictionary<string, string> values)
    {
        var normalized = new Dictionary<string, string>(values.Count, StringComparer.Ordinal);
        foreach (var (alias, value) in values)
        {
            normalized[alias] = Nfc(value);
        }

        return normalized;
    }

    /// <summary>Lower case, no diacritics (đ → d), words separated by single spaces: "Thủ tục" and "thu tuc" compare equal,
    /// as people type on a phone without a Vietnamese keyboard. Site search, the column picker and the procedure finder use it.</summary>
    public static string Fold(string? text) => string.IsNullOrEmpty(text) ? string.Empty : UrlSegment.From(text).Replace('-', ' ');
}
