using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Portal.Core.Schema;
using Portal.Core.Text;
using Portal.Data.Content;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Infrastructure.Delivery;

/// <summary>
/// Writes documents in the Content Delivery API v2 item shape: <c>contentType, name, createDate, updateDate,
/// route {path, startItem {id, path}}, id, properties, cultures</c>. Picked documents are shallow items
/// (empty properties, no cultures) unless the request expands them. Also builds the webhook payload.
/// </summary>
public sealed class DeliveryContentBuilder(PublishedRouteTree routes, PublishedContentCache cache, ISchemaCatalog schema,
    IOptionsMonitor<DeliveryApiSettings> settings)
{
    /// <summary>How Delivery API JSON is written (API answers and webhook bodies): Vietnamese stays readable instead of \u escapes.</summary>
    public static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Expansion follows pickers; a cycle of pages picking each other must end somewhere.
    private const int MaxExpansionDepth = 3;

    /// <summary>The live edition of <paramref name="key"/> as a Delivery API content item, or null when it is not live or not exposed.</summary>
    public async Task<JsonObject?> BuildPublishedAsync(Guid key, CancellationToken cancellationToken)
    {
        var current = settings.CurrentValue;
        if (routes.Find(key) is not { } node || !current.Exposure.Exposes(node.ContentTypeAlias)
            || await LiveItemAsync(node, cancellationToken) is not { } item)
        {
            return null;
        }

        return await WriteAsync(item, DeliveryShape.Default with { Exposure = current.Exposure, RichTextAsJson = current.RichTextOutputAsJson },
            cancellationToken);
    }

    /// <summary>A live, reachable document with its cached values and route; null when any of them is missing.</summary>
    public async Task<DeliveryItem?> LiveItemAsync(PublishedNode node, CancellationToken cancellationToken)
    {
        if (RouteOf(node) is not { } route || await cache.GetAsync(node, cancellationToken) is not { } content)
        {
            return null;
        }

        return new DeliveryItem(node, content, route);
    }

    public ItemRoute? RouteOf(PublishedNode node)
    {
        var path = routes.RouteBelowRoot(node.Key);
        if (path is null)
        {
            return null;
        }

        var ancestors = routes.AncestorsOf(node.Key);
        var root = ancestors.Count > 0 ? ancestors[0] : node;
        return new ItemRoute(path, root.Key, root.UrlSegment);
    }

    /// <summary>A top-level item: every base field, the selected properties, and <c>cultures</c> (empty: content is invariant).</summary>
    public async Task<JsonObject> WriteAsync(DeliveryItem item, DeliveryShape shape, CancellationToken cancellationToken)
    {
        var json = await WriteItemAsync(item, shape, shape.Expand, shape.Fields, withProperties: true, depth: 0, cancellationToken);
        json["cultures"] = new JsonObject();
        return json;
    }

    private async Task<JsonObject> WriteItemAsync(DeliveryItem item, DeliveryShape shape, PropertySelection expand, PropertySelection fields,
        bool withProperties, int depth, CancellationToken cancellationToken)
    {
        var properties = new JsonObject();
        if (withProperties && schema.FindContentType(item.Node.ContentTypeAlias) is { } contentType)
        {
            foreach (var field in contentType.Fields.Where(f => fields.Includes(f.Alias)))
            {
                var stored = item.Content.Text(field.Alias);
                properties[field.Alias] = field.Editor switch
                {
                    FieldEditor.ContentPicker => await PickedAsync(stored, shape, expand, fields, field.Alias, depth, cancellationToken) is { Count: > 0 } picked
                        ? picked[0] : null,
                    FieldEditor.MultiContentPicker => new JsonArray(
                        [.. await PickedAsync(stored, shape, expand, fields, field.Alias, depth, cancellationToken)]),
                    FieldEditor.BlockList => await BlocksAsync(stored, shape, cancellationToken),
                    FieldEditor.Link => Links(stored),
                    _ => DeliveryPropertyValues.Simple(field.Editor, stored, DataTypeConfig(field), shape.RichTextAsJson),
                };
            }
        }

        return new JsonObject
        {
            ["contentType"] = item.Node.ContentTypeAlias,
            ["name"] = item.Content.Name,
            ["createDate"] = VietnamTime.FromUtc(item.Node.CreatedAt),
            ["updateDate"] = VietnamTime.FromUtc(item.Node.UpdatedAt),
            ["route"] = RouteJson(item.Route),
            ["id"] = item.Node.Key,
            ["properties"] = properties,
        };
    }

    private static JsonObject RouteJson(ItemRoute route) => new()
    {
        ["path"] = route.Path,
        ["startItem"] = new JsonObject { ["id"] = route.StartItemKey, ["path"] = route.StartItemPath },
    };

    private string? DataTypeConfig(FieldDefinition field) => schema.FindDataType(field.DataTypeKey)?.ConfigJson;

    /// <summary>Live, exposed documents a picker names, shallow unless the request expands this property.</summary>
    private async Task<List<JsonNode?>> PickedAsync(string? stored, DeliveryShape shape, PropertySelection expand, PropertySelection fields,
        string alias, int depth, CancellationToken cancellationToken)
    {
        var items = new List<JsonNode?>();
        if (stored is null)
        {
            return items;
        }

        var expanded = expand.Includes(alias) && depth < MaxExpansionDepth;
        foreach (var reference in stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!DocumentUdi.TryParse(reference, out var key) || routes.Find(key) is not { } node || !shape.Exposure.Exposes(node.ContentTypeAlias)
                || await LiveItemAsync(node, cancellationToken) is not { } picked)
            {
                continue;
            }

            items.Add(await WriteItemAsync(picked, shape, expand.NestedFor(alias) ?? PropertySelection.None,
                fields.NestedFor(alias) ?? PropertySelection.Every, expanded, depth + 1, cancellationToken));
        }

        return items;
    }

    /// <summary>
    /// A Block List as <c>{items: [{content: {contentType, id, properties}, settings}]}</c>, from Umbraco's persisted
    /// form (<c>layout</c>, <c>contentData</c>, <c>settingsData</c>). Pickers inside blocks stay shallow.
    /// </summary>
    private async Task<JsonNode?> BlocksAsync(string? stored, DeliveryShape shape, CancellationToken cancellationToken)
    {
        if (stored is null)
        {
            return null;
        }

        JsonNode? persisted;
        try
        {
            // Umbraco 15+ persists "Layout", older versions "layout" (Portal.Core.Content.ColumnPlacements reads both too).
            persisted = JsonNode.Parse(stored, new JsonNodeOptions { PropertyNameCaseInsensitive = true });
        }
        catch (JsonException)
        {
            return null;
        }

        var contentData = Elements(persisted?["contentData"]);
        var settingsData = Elements(persisted?["settingsData"]);
        var items = new JsonArray();
        var layout = persisted?["layout"]?.AsObject().Select(p => p.Value).OfType<JsonArray>().FirstOrDefault() ?? [];
        foreach (var entry in layout.OfType<JsonObject>())
        {
            var contentKey = BlockListValue.KeyOf(entry["contentKey"] ?? entry["contentUdi"]);
            if (contentKey is null || !contentData.TryGetValue(contentKey.Value, out var content))
            {
                continue;
            }

            var settingsKey = BlockListValue.KeyOf(entry["settingsKey"] ?? entry["settingsUdi"]);
            items.Add(new JsonObject
            {
                ["content"] = await ElementAsync(content, shape, cancellationToken),
                ["settings"] = settingsKey is { } sk && settingsData.TryGetValue(sk, out var settingsElement)
                    ? await ElementAsync(settingsElement, shape, cancellationToken) : null,
            });
        }

        return new JsonObject { ["items"] = items };
    }

    private async Task<JsonObject> ElementAsync(JsonObject element, DeliveryShape shape, CancellationToken cancellationToken)
    {
        var typeKey = BlockListValue.KeyOf(element["contentTypeKey"]);
        var elementType = schema.ContentTypes.FirstOrDefault(t => t.Key == typeKey);
        var values = element["values"] is JsonArray list
            ? list.OfType<JsonObject>().Where(v => v["alias"] is not null)
                .ToDictionary(v => v["alias"]!.GetValue<string>(), v => ValueText(v["value"]), StringComparer.OrdinalIgnoreCase)
            : element.Where(p => p.Key is not ("contentTypeKey" or "key" or "udi")).ToDictionary(p => p.Key, p => ValueText(p.Value), StringComparer.OrdinalIgnoreCase);
        var properties = new JsonObject();
        foreach (var field in elementType?.Fields ?? [])
        {
            var stored = values.GetValueOrDefault(field.Alias);
            properties[field.Alias] = field.Editor switch
            {
                // The same shapes as outside blocks: a content picker is one item (or null), a multi-picker an array.
                FieldEditor.ContentPicker => await PickedAsync(stored, shape, PropertySelection.None, PropertySelection.Every, field.Alias,
                    MaxExpansionDepth, cancellationToken) is { Count: > 0 } picked ? picked[0] : null,
                FieldEditor.MultiContentPicker => new JsonArray(
                    [.. await PickedAsync(stored, shape, PropertySelection.None, PropertySelection.Every, field.Alias, MaxExpansionDepth, cancellationToken)]),
                FieldEditor.BlockList => await BlocksAsync(stored, shape, cancellationToken),
                FieldEditor.Link => Links(stored),
                _ => DeliveryPropertyValues.Simple(field.Editor, stored, DataTypeConfig(field), shape.RichTextAsJson),
            };
        }

        return new JsonObject
        {
            ["contentType"] = elementType?.Alias,
            ["id"] = BlockListValue.KeyOf(element["key"] ?? element["udi"]),
            ["properties"] = properties,
        };
    }

    /// <summary>A multi URL picker as Umbraco's link objects; content links carry a route instead of a URL.</summary>
    private JsonArray Links(string? stored)
    {
        var links = new JsonArray();
        if (stored is null || !stored.TrimStart().StartsWith('['))
        {
            return links;
        }

        try
        {
            foreach (var link in JsonNode.Parse(stored)!.AsArray().OfType<JsonObject>())
            {
                var udi = link["udi"]?.GetValue<string>();
                var target = udi is not null && DocumentUdi.TryParse(udi, out var key) ? routes.Find(key) : null;
                var route = target is null ? null : RouteOf(target);
                links.Add(new JsonObject
                {
                    ["url"] = route is null ? link["url"]?.GetValue<string>() : null,
                    ["queryString"] = link["queryString"]?.GetValue<string>(),
                    ["title"] = link["name"]?.GetValue<string>(),
                    ["target"] = link["target"]?.GetValue<string>(),
                    ["destinationId"] = target?.Key,
                    ["destinationType"] = target?.ContentTypeAlias,
                    ["route"] = route is null ? null : RouteJson(route),
                    ["linkType"] = route is null ? "External" : "Content",
                });
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return links;
        }

        return links;
    }

    private static Dictionary<Guid, JsonObject> Elements(JsonNode? data)
    {
        var map = new Dictionary<Guid, JsonObject>();
        foreach (var element in (data as JsonArray ?? []).OfType<JsonObject>())
        {
            if (BlockListValue.KeyOf(element["key"] ?? element["udi"]) is { } key)
            {
                map[key] = element;
            }
        }

        return map;
    }

    private static string? ValueText(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };
}
