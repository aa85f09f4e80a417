using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Core.Schema;

/// <summary>One block of a Block List: its element type, a stable key, and its field values in stored form.</summary>
public sealed record BlockItem(Guid Key, Guid ContentTypeKey, IReadOnlyDictionary<string, string> Values);

/// <summary>
/// Reads and writes a Block List value as Umbraco 17 persists it: <c>Layout["Umbraco.BlockList"]</c> lists the blocks in
/// order by <c>contentKey</c>, <c>contentData</c> holds each block's <c>values</c> as <c>{alias, value}</c> pairs. Older
/// exports (<c>contentUdi</c>, values as plain properties) are read too; writing always produces the current form.
/// </summary>
public static class BlockListValue
{
    private const string LayoutAlias = "Umbraco.BlockList";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<BlockItem> Read(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored) || !stored.TrimStart().StartsWith('{'))
        {
            return [];
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(stored);
        }
        catch (JsonException)
        {
            return [];
        }

        var data = new Dictionary<Guid, JsonObject>();
        foreach (var element in (root?["contentData"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (KeyOf(element["key"] ?? element["udi"]) is { } key)
            {
                data[key] = element;
            }
        }

        var layout = (root?["Layout"] ?? root?["layout"]) is JsonObject layouts
            ? layouts.Select(p => p.Value).OfType<JsonArray>().FirstOrDefault() ?? [] : [];
        var blocks = new List<BlockItem>();
        foreach (var entry in layout.OfType<JsonObject>())
        {
            if (KeyOf(entry["contentKey"] ?? entry["contentUdi"]) is not { } key || !data.TryGetValue(key, out var element))
            {
                continue;
            }

            blocks.Add(new BlockItem(key, KeyOf(element["contentTypeKey"]) ?? Guid.Empty, ValuesOf(element)));
        }

        return blocks;
    }

    public static string Write(IReadOnlyList<BlockItem> blocks)
    {
        var layout = new JsonArray();
        var contentData = new JsonArray();
        foreach (var block in blocks)
        {
            layout.Add(new JsonObject { ["contentKey"] = block.Key.ToString() });
            var values = new JsonArray();
            foreach (var (alias, value) in block.Values)
            {
                values.Add(new JsonObject { ["alias"] = alias, ["value"] = value });
            }

            contentData.Add(new JsonObject
            {
                ["key"] = block.Key.ToString(),
                ["contentTypeKey"] = block.ContentTypeKey.ToString(),
                ["values"] = values,
            });
        }

        var root = new JsonObject
        {
            ["contentData"] = contentData,
            ["settingsData"] = new JsonArray(),
            ["expose"] = new JsonArray(blocks.Select(b => (JsonNode)new JsonObject { ["contentKey"] = b.Key.ToString(), ["culture"] = null, ["segment"] = null }).ToArray()),
            ["Layout"] = new JsonObject { [LayoutAlias] = layout },
        };
        return root.ToJsonString(Compact);
    }

    private static Dictionary<string, string> ValuesOf(JsonObject element)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (element["values"] is JsonArray list)
        {
            foreach (var pair in list.OfType<JsonObject>())
            {
                if (pair["alias"]?.GetValue<string>() is { } alias && Text(pair["value"]) is { } value)
                {
                    values[alias] = value;
                }
            }

            return values;
        }

        foreach (var (alias, node) in element)
        {
            if (alias is not ("key" or "udi" or "contentTypeKey") && Text(node) is { } value)
            {
                values[alias] = value;
            }
        }

        return values;
    }

    // Stored values inside blocks are strings, or JSON (pickers, nested blocks) kept as their JSON text.
    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(Compact),
    };

    /// <summary>
    /// A block, element type or settings key as stored: a GUID (Umbraco 15+) or an <c>umb://element/…</c> UDI (older
    /// values and exports); null when the node is missing or not a string. Every reader of block values uses this one.
    /// </summary>
    public static Guid? KeyOf(JsonNode? node)
    {
        var text = node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
        if (text is null)
        {
            return null;
        }

        var slash = text.LastIndexOf('/');
        return Guid.TryParse(slash >= 0 ? text[(slash + 1)..] : text, out var key) ? key : null;
    }
}
