using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Core.Schema;

namespace Portal.Web.Features.Management.Documents;

/// <summary>
/// Converts field values between their stored form (Umbraco's persisted text: plain, or JSON for rich text, blocks,
/// media and link pickers, tags and lists) and the Management API's editor values: structured values as JSON,
/// toggles as booleans, numbers as numbers, the rest as strings. Writing accepts both forms, so a client may send back
/// what it read.
/// </summary>
internal static class DocumentValues
{
    private static readonly JsonSerializerOptions StoredJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonNode? ToApi(FieldEditor editor, string stored) => editor switch
    {
        FieldEditor.RichText => ParsedAs(stored, JsonValueKind.Object) ?? new JsonObject { ["markup"] = stored, ["blocks"] = null },
        FieldEditor.BlockList => ParsedAs(stored, JsonValueKind.Object) ?? JsonValue.Create(stored),
        FieldEditor.MediaPicker or FieldEditor.Link => ParsedAs(stored, JsonValueKind.Array) ?? JsonValue.Create(stored),
        FieldEditor.Tags => StringArray(FieldValueRules.ReadList(stored)),
        FieldEditor.MultipleText => StringArray(stored.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
        FieldEditor.Dropdown => ParsedAs(stored, JsonValueKind.Array) ?? JsonValue.Create(stored),
        FieldEditor.Toggle => JsonValue.Create(FieldValueRules.IsOn(stored)),
        FieldEditor.Integer when long.TryParse(stored, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
        FieldEditor.Decimal when decimal.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        _ => JsonValue.Create(stored),
    };

    /// <summary>The stored text of an editor value; null (nothing stored) for JSON null. Core validates what comes out.</summary>
    public static string? ToStored(FieldEditor editor, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "1",
        JsonValueKind.False => "0",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Array when editor == FieldEditor.MultipleText && AllStrings(value) => string.Join('\n', Strings(value)),
        JsonValueKind.Array when editor == FieldEditor.MultiContentPicker && AllStrings(value) => string.Join(',', Strings(value)),
        _ => JsonSerializer.Serialize(value, StoredJson),
    };

    private static JsonNode? ParsedAs(string stored, JsonValueKind kind)
    {
        var text = stored.TrimStart();
        if (text.Length == 0 || text[0] != (kind == JsonValueKind.Object ? '{' : '['))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(stored);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonArray StringArray(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static bool AllStrings(JsonElement array) => array.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String);

    private static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!);
}
