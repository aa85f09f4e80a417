using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Portal.Core.Schema;

/// <summary>
/// The words a stored value holds, whatever its editor: rich text without tags, blocks and lists by their text leaves,
/// nothing from pickers, toggles and dates. What search indexes and descriptions quote.
/// </summary>
public static partial class FieldText
{
    /// <summary>The words of one stored value (whitespace collapsed); empty when it holds none.</summary>
    public static string Plain(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        Append(builder, stored.Trim(), depth: 0);
        return Collapse(builder.ToString());
    }

    private static void Append(StringBuilder builder, string value, int depth)
    {
        if (FieldValueRules.RichTextMarkup(value) is { } markup)
        {
            AppendMarkup(builder, markup);
            return;
        }

        if (depth < 8 && value.Length > 1 && value[0] is '[' or '{' && TryParse(value) is { } json)
        {
            using (json)
            {
                AppendJson(builder, json.RootElement, depth + 1);
            }

            return;
        }

        if (IsMachineValue(value))
        {
            return;
        }

        if (value.Contains('<', StringComparison.Ordinal) && value.Contains('>', StringComparison.Ordinal))
        {
            AppendMarkup(builder, value);
            return;
        }

        builder.Append(value).Append(' ');
    }

    private static void AppendJson(StringBuilder builder, JsonElement element, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                Append(builder, element.GetString() ?? string.Empty, depth);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AppendJson(builder, item, depth);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    AppendJson(builder, property.Value, depth);
                }

                break;
        }
    }

    private static void AppendMarkup(StringBuilder builder, string markup) =>
        builder.Append(WebUtility.HtmlDecode(Tags().Replace(markup, " "))).Append(' ');

    /// <summary>Keys, references, toggles, numbers and dates: stored for machines, never read as words.</summary>
    private static bool IsMachineValue(string value) =>
        value.StartsWith("umb://", StringComparison.Ordinal)
        || Guid.TryParse(value, out _)
        || value is "0" or "1" or "true" or "false" or "True" or "False"
        || FieldValueRules.TryParseDate(value, out _);

    private static JsonDocument? TryParse(string value)
    {
        try
        {
            return JsonDocument.Parse(value);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
