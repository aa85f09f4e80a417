using System.Text.RegularExpressions;
using Portal.Core.Text;

namespace Portal.Core.Forum;

/// <summary>What the ask form sends, checked: plain text in NFC, lengths within limits, a contact that can reach the asker.</summary>
public sealed partial record NewQuestion(QuestionKind Kind, string Title, string Body, string? Topic, Guid? AboutUnitKey,
    string? ProcedureCode, string AskerName, string Contact, bool ContactIsEmail)
{
    public const int TitleMin = 10;
    public const int TitleMax = 200;
    public const int BodyMin = 20;
    public const int BodyMax = 5000;
    public const int NameMax = 100;

    /// <summary>Checks the form; the errors are keyed by form field and written for the asker.</summary>
    public static (NewQuestion? Question, IReadOnlyDictionary<string, string> Errors) Create(QuestionKind? kind, string? title, string? body,
        string? topic, Guid? aboutUnitKey, string? procedureCode, string? askerName, string? contact, IReadOnlyCollection<string> topics)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        title = Clean(title);
        body = Clean(body, keepLines: true);
        askerName = Clean(askerName);
        topic = Clean(topic);
        procedureCode = Clean(procedureCode);
        if (kind is null)
        {
            errors["kind"] = "Vui lòng chọn loại: hỏi đáp hoặc phản ánh, kiến nghị.";
        }

        if (title.Length < TitleMin || title.Length > TitleMax)
        {
            errors["title"] = $"Tiêu đề cần từ {TitleMin} đến {TitleMax} ký tự.";
        }

        if (body.Length < BodyMin || body.Length > BodyMax)
        {
            errors["body"] = $"Nội dung cần từ {BodyMin} đến {BodyMax} ký tự.";
        }

        if (askerName.Length < 2 || askerName.Length > NameMax)
        {
            errors["name"] = "Vui lòng nhập họ và tên (hoặc tên tổ chức).";
        }

        if (topic.Length > 0 && topics.Count > 0 && !topics.Contains(topic, StringComparer.Ordinal))
        {
            errors["topic"] = "Lĩnh vực không có trong danh sách.";
        }

        var normalizedContact = NormalizeContact(contact);
        if (normalizedContact is null)
        {
            errors["contact"] = "Vui lòng nhập e-mail hoặc số điện thoại hợp lệ để nhận trả lời (không công khai).";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new NewQuestion(kind!.Value, title, body, topic.Length == 0 ? null : topic, aboutUnitKey,
            procedureCode.Length == 0 ? null : procedureCode, askerName, normalizedContact!, normalizedContact!.Contains('@')), errors);
    }

    /// <summary>An e-mail address in lower case, or a Vietnamese phone number as its digits (+84 written as 0); null when neither.</summary>
    public static string? NormalizeContact(string? contact)
    {
        var trimmed = (contact ?? string.Empty).Trim();
        if (Email().IsMatch(trimmed))
        {
            return trimmed.ToLowerInvariant();
        }

        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (trimmed.StartsWith("+84", StringComparison.Ordinal))
        {
            digits = "0" + digits[2..];
        }

        return PhoneChars().IsMatch(trimmed) && digits.StartsWith('0') && digits.Length is 10 or 11 ? digits : null;
    }

    /// <summary>NFC, no control characters, runs of spaces collapsed; the body keeps its line breaks.</summary>
    private static string Clean(string? text, bool keepLines = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var lines = VietnameseText.Nfc(text).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            .Split('\n')
            .Select(line => string.Join(' ', new string(line.Select(c => c == '\t' ? ' ' : c).Where(c => !char.IsControl(c)).ToArray())
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        var joined = keepLines ? string.Join('\n', lines) : string.Join(' ', lines.Where(l => l.Length > 0));
        return MultipleBlankLines().Replace(joined, "\n\n").Trim();
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"^\+?[0-9][0-9 .\-]{7,16}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneChars();

    [GeneratedRegex(@"\n{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex MultipleBlankLines();
}
