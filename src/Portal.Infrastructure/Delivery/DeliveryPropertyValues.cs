using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Core.Schema;

namespace Portal.Infrastructure.Delivery;

/// <summary>
/// Turns one stored field value (Umbraco's persisted form) into its Delivery API output, editor by editor:
/// text as strings, toggles as booleans, numbers as numbers, tags and multi-choice as arrays, rich text as
/// <c>{markup, blocks}</c>, empty as null. Pickers and blocks are left to the caller, which knows the tree.
/// </summary>
internal static class DeliveryPropertyValues
{
    public static JsonNode? Simple(FieldEditor editor, string? stored, string? dataTypeConfigJson, bool richTextAsJson)
    {
        var empty = string.IsNullOrWhiteSpace(stored);
        return editor switch
        {
            FieldEditor.Toggle => JsonValue.Create(FieldValueRules.IsOn(stored)),
            FieldEditor.Tags => StringArray(empty ? [] : FieldValueRules.ReadList(stored!)),
            FieldEditor.MultipleText => StringArray(empty ? [] : stored!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            FieldEditor.MediaPicker => new JsonArray(),
            _ when empty => null,
            FieldEditor.Integer => long.TryParse(stored, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? JsonValue.Create(whole) : null,
            FieldEditor.Decimal => decimal.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : null,
            FieldEditor.Date => FieldValueRules.TryParseDate(stored!, out var date) ? JsonValue.Create(date) : null,
            FieldEditor.Dropdown => Dropdown(stored!, dataTypeConfigJson),
            FieldEditor.RichText => RichText(stored!, richTextAsJson),
            FieldEditor.Upload => Upload(stored!),
            _ => JsonValue.Create(stored),
        };
    }

    private static JsonArray StringArray(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>A single-choice dropdown is a string, a multiple-choice one (or a checkbox list) an array, as in Umbraco.</summary>
    private static JsonNode? Dropdown(string stored, string? configJson)
    {
        var chosen = FieldValueRules.ReadList(stored);
        if (IsMultiple(configJson))
        {
            return StringArray(chosen);
        }

        return chosen.Count > 0 ? JsonValue.Create(chosen[0]) : null;
    }

    private static bool IsMultiple(string? configJson)
    {
        if (string.IsNullOrWhiteSpace(configJson))
        {
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(configJson);
            return json.RootElement.TryGetProperty("multiple", out var multiple)
                && (multiple.ValueKind == JsonValueKind.True || (multiple.ValueKind == JsonValueKind.String && multiple.GetString() is "1" or "true"));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static JsonObject RichText(string stored, bool asJson)
    {
        var markup = FieldValueRules.RichTextMarkup(stored) ?? stored;
        return asJson ? RichTextJson.FromMarkup(markup) : new JsonObject { ["markup"] = markup, ["blocks"] = new JsonArray() };
    }

    /// <summary>An upload field stores its path as text, or as <c>{"src": …}</c> in newer Umbraco versions; both give the URL.</summary>
    private static JsonValue? Upload(string stored)
    {
        if (stored.TrimStart().StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(stored);
                return json.RootElement.TryGetProperty("src", out var src) && src.ValueKind == JsonValueKind.String
                    ? JsonValue.Create(src.GetString()) : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return JsonValue.Create(stored);
    }
}
