using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Portal.Core.Schema;

/// <summary>
/// Checks one stored field value against what its editor can hold. Values are kept in Umbraco's persisted
/// form (plain text, or JSON for pickers, tags, rich text and blocks), so an export writes them back unchanged.
/// </summary>
public static partial class FieldValueRules
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm",
    ];

    /// <summary>Returns a Vietnamese message when the value does not fit the editor, or null when it does.</summary>
    public static string? Check(FieldEditor editor, string value, string? dataTypeConfigJson) => editor switch
    {
        FieldEditor.Integer => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            ? null : "Giá trị phải là số nguyên.",
        FieldEditor.Decimal => decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? null : "Giá trị phải là số (dùng dấu chấm cho phần thập phân).",
        FieldEditor.Date => TryParseDate(value, out _) ? null : "Ngày không hợp lệ (định dạng yyyy-MM-dd).",
        FieldEditor.Toggle => value is "0" or "1" || bool.TryParse(value, out _) ? null : "Giá trị phải là có (1) hoặc không (0).",
        FieldEditor.Email => EmailPattern().IsMatch(value) ? null : "Địa chỉ thư điện tử không hợp lệ.",
        FieldEditor.Tags => IsJsonStringArray(value) || !value.TrimStart().StartsWith('[') ? null : "Danh sách thẻ không hợp lệ.",
        FieldEditor.Dropdown => CheckDropdown(value, dataTypeConfigJson),
        FieldEditor.ContentPicker => DocumentUdi.TryParse(value, out _) ? null : "Liên kết tới trang không hợp lệ.",
        FieldEditor.MultiContentPicker => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(v => DocumentUdi.TryParse(v, out _)) ? null : "Danh sách trang được chọn không hợp lệ.",
        FieldEditor.MediaPicker => IsJson(value, JsonValueKind.Array) ? null : "Tệp đa phương tiện được chọn không hợp lệ.",
        FieldEditor.RichText => IsRichTextJson(value) ? null : "Nội dung định dạng không hợp lệ.",
        FieldEditor.BlockList => IsJson(value, JsonValueKind.Object) ? null : "Danh sách khối nội dung không hợp lệ.",
        _ => null,
    };

    public static bool TryParseDate(string value, out DateTime date) =>
        DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out date);

    public static bool IsRichTextJson(string value) => TryReadRichText(value, out _);

    /// <summary>The HTML of a rich-text value stored as <c>{"markup": …, "blocks": …}</c>; null when the value is not in that form.</summary>
    public static string? RichTextMarkup(string value) => TryReadRichText(value, out var markup) ? markup : null;

    private static bool TryReadRichText(string value, out string markup)
    {
        markup = string.Empty;
        try
        {
            using var json = JsonDocument.Parse(value);
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("markup", out var stored)
                || stored.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return false;
            }

            markup = stored.GetString() ?? string.Empty;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Whether a toggle is on: stored as 1/0 by Umbraco, or as true/false; the same forms <see cref="Check"/> accepts.</summary>
    public static bool IsOn(string? value) => value is "1" || (bool.TryParse(value, out var on) && on);

    /// <summary>Reads a dropdown or tags value, stored either as a JSON array or as plain comma-separated text.</summary>
    public static IReadOnlyList<string> ReadList(string value)
    {
        if (IsJsonStringArray(value))
        {
            return JsonSerializer.Deserialize<string[]>(value) ?? [];
        }

        return value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static string? CheckDropdown(string value, string? configJson)
    {
        var items = DropdownItems(configJson);
        if (items.Count == 0)
        {
            return null;
        }

        var chosen = ReadList(value);
        var unknown = chosen.FirstOrDefault(c => !items.Contains(c, StringComparer.Ordinal));
        return unknown is null ? null : $"«{unknown}» không có trong danh sách lựa chọn.";
    }

    public static IReadOnlyList<string> DropdownItems(string? configJson)
    {
        if (string.IsNullOrWhiteSpace(configJson))
        {
            return [];
        }

        try
        {
            using var json = JsonDocument.Parse(configJson);
            if (!json.RootElement.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            // Umbraco writes items either as plain strings or as {"value": "..."} objects, depending on version.
            return items.EnumerateArray()
                .Select(i => i.ValueKind == JsonValueKind.String ? i.GetString()
                    : i.ValueKind == JsonValueKind.Object && i.TryGetProperty("value", out var v) ? v.GetString() : null)
                .OfType<string>()
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static bool IsJsonStringArray(string value)
    {
        try
        {
            using var json = JsonDocument.Parse(value);
            return json.RootElement.ValueKind == JsonValueKind.Array
                && json.RootElement.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsJson(string value, JsonValueKind kind)
    {
        try
        {
            using var json = JsonDocument.Parse(value);
            return json.RootElement.ValueKind == kind;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
