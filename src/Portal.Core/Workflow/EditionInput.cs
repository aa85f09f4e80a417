using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Core.Schema;
using Portal.Core.Text;

namespace Portal.Core.Workflow;

/// <summary>Brings an editor's input into stored form: NFC text, sanitised rich text, empty values dropped.</summary>
public sealed class EditionInput(IRichTextSanitizer sanitizer)
{
    public (string Name, IReadOnlyDictionary<string, string> Values) Prepare(ContentType contentType, string name,
        IReadOnlyDictionary<string, string> values)
    {
        var prepared = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (alias, raw) in values)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var value = VietnameseText.Nfc(raw);
            var field = contentType.FindField(alias);
            if (field?.Editor == FieldEditor.RichText)
            {
                value = SanitizeRichText(value);
            }

            prepared[field?.Alias ?? alias] = value;
        }

        return (VietnameseText.Nfc(name.Trim()), prepared);
    }

    /// <summary>Rich text is stored as Umbraco persists it, <c>{"markup": "...", "blocks": ...}</c>; bare HTML is wrapped.</summary>
    private string SanitizeRichText(string value)
    {
        JsonObject stored;
        if (FieldValueRules.IsRichTextJson(value))
        {
            stored = JsonNode.Parse(value)!.AsObject();
        }
        else
        {
            stored = new JsonObject { ["markup"] = value, ["blocks"] = null };
        }

        var markup = stored["markup"]?.GetValue<string>() ?? string.Empty;
        stored["markup"] = sanitizer.Sanitize(markup);
        return stored.ToJsonString(JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
