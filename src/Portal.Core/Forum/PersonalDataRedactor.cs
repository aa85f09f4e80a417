using System.Text.RegularExpressions;

namespace Portal.Core.Forum;

/// <summary>
/// Finds personal data citizens often type into a public question (e-mail addresses, phone numbers, identity card
/// numbers) and proposes the text with them masked. The moderator reviews the proposal; nothing is published unseen.
/// </summary>
public static partial class PersonalDataRedactor
{
    public const string Mask = "[đã ẩn]";

    public static string Redact(string text)
    {
        var result = Email().Replace(text, Mask);
        result = IdentityNumber().Replace(result, Mask);
        return Phone().Replace(result, Mask);
    }

    public static bool HasPersonalData(string text) => Redact(text) != text;

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    /// <summary>Mobile and landline numbers: 0 or +84 followed by 9–10 digits, with optional spaces, dots or dashes.</summary>
    [GeneratedRegex(@"(?<!\d)(?:\+84|0)(?:[\s.\-]?\d){8,10}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    /// <summary>Citizen identity cards have 12 digits, the old identity cards 9.</summary>
    [GeneratedRegex(@"(?<!\d)(?:\d{12}|\d{9})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex IdentityNumber();
}
