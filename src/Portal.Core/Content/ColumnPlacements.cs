using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Core.Schema;

namespace Portal.Core.Content;

/// <summary>
/// One article the newspaper placed on the CCHC column: which item, whether it is featured, and the window
/// [<see cref="ShowFrom"/>, <see cref="ShowUntil"/>) in which it shows (UTC; an open end is null).
/// </summary>
/// <param name="ElementKey">The block's key in the stored value; <see cref="Guid.Empty"/> for a placement not yet written.</param>
public sealed record ColumnPlacement(Guid ItemKey, bool Featured = false, DateTime? ShowFrom = null, DateTime? ShowUntil = null, Guid ElementKey = default)
{
    /// <summary>Whether the window holds <paramref name="utcNow"/>: from is inclusive, until exclusive, so back-to-back windows never overlap.</summary>
    public bool IsShownAt(DateTime utcNow) => (ShowFrom is not { } from || from <= utcNow) && (ShowUntil is not { } until || utcNow < until);
}

/// <summary>
/// The column's <c>placements</c> field: a Block List of <c>columnPlacement</c> elements, read from and written back to
/// Umbraco's persisted block value (15+: <c>contentData</c> with <c>key</c>, <c>contentTypeKey</c> and <c>values</c>,
/// <c>settingsData</c>, <c>expose</c> and <c>Layout["Umbraco.BlockList"]</c>), and the rule of what the public site shows.
/// </summary>
public static class ColumnPlacements
{
    public const string FieldAlias = "placements";
    public const string ElementTypeAlias = "columnPlacement";
    public const string ItemAlias = "item";
    public const string FeaturedAlias = "featured";
    public const string ShowFromAlias = "showFrom";
    public const string ShowUntilAlias = "showUntil";

    /// <summary>The key of the element type in <c>uSync/v17/ContentTypes/columnplacement.config</c>.</summary>
    public static readonly Guid ElementTypeKey = Guid.Parse("5eb6517e-2409-5272-9c2c-fb7989b074fe");

    private const string BlockListLayout = "Umbraco.BlockList";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The placements in curated (layout) order. Also reads the pre-15 form (<c>layout</c> with <c>contentUdi</c>,
    /// element values as direct properties). Blocks without a valid item, and values that are not block lists, are skipped.
    /// </summary>
    public static IReadOnlyList<ColumnPlacement> Parse(string? stored)
    {
        if (ParseObject(stored) is not { } root)
        {
            return [];
        }

        var elements = new Dictionary<Guid, JsonObject>();
        foreach (var element in (root["contentData"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (BlockListValue.KeyOf(element["key"] ?? element["udi"]) is { } key)
            {
                elements.TryAdd(key, element);
            }
        }

        var placements = new List<ColumnPlacement>();
        var seen = new HashSet<Guid>();
        foreach (var entry in LayoutOf(root).OfType<JsonObject>())
        {
            if (BlockListValue.KeyOf(entry["contentKey"] ?? entry["contentUdi"]) is not { } key || !seen.Add(key) || !elements.TryGetValue(key, out var element)
                || ValueOf(element, ItemAlias) is not JsonValue itemValue || !itemValue.TryGetValue<string>(out var udi)
                || !DocumentUdi.TryParse(udi, out var itemKey))
            {
                continue;
            }

            placements.Add(new ColumnPlacement(itemKey, IsOn(ValueOf(element, FeaturedAlias)), DateOf(ValueOf(element, ShowFromAlias)),
                DateOf(ValueOf(element, ShowUntilAlias)), key));
        }

        return placements;
    }

    /// <summary>
    /// What the column shows at <paramref name="utcNow"/>: placements whose item is live and whose window holds now, the
    /// featured ones first and then the others, each group in curated order; an item placed twice shows once, where it first appears.
    /// </summary>
    public static IReadOnlyList<ColumnPlacement> Visible(IEnumerable<ColumnPlacement> placements, DateTime utcNow, Func<Guid, bool> isLive)
    {
        ArgumentNullException.ThrowIfNull(isLive);
        var shown = placements.Where(p => p.IsShownAt(utcNow) && isLive(p.ItemKey)).ToList();
        var seen = new HashSet<Guid>();
        return shown.Where(p => p.Featured).Concat(shown.Where(p => !p.Featured)).Where(p => seen.Add(p.ItemKey)).ToList();
    }

    /// <summary>The home page's pick: the visible featured placements, or every visible placement when none is featured.</summary>
    public static IReadOnlyList<ColumnPlacement> Showcase(IEnumerable<ColumnPlacement> placements, DateTime utcNow, Func<Guid, bool> isLive)
    {
        var visible = Visible(placements, utcNow, isLive);
        var featured = visible.Where(p => p.Featured).ToList();
        return featured.Count > 0 ? featured : visible;
    }

    /// <summary>The first window edge after <paramref name="utcNow"/>: until then, without a publish, the visible set cannot change.</summary>
    public static DateTime? NextChange(IEnumerable<ColumnPlacement> placements, DateTime utcNow) =>
        Edges(placements).Where(e => e > utcNow).Order().Cast<DateTime?>().FirstOrDefault();

    /// <summary>
    /// The last window edge at or before <paramref name="utcNow"/> (null when none has passed). For one stored value it names
    /// the visible set: two moments with the same last edge show the same placements, so caches can key on it.
    /// </summary>
    public static DateTime? LastChange(IEnumerable<ColumnPlacement> placements, DateTime utcNow) =>
        Edges(placements).Where(e => e <= utcNow).OrderDescending().Cast<DateTime?>().FirstOrDefault();

    /// <summary>
    /// The stored value for <paramref name="placements"/>, in their order. A placement keeps its <see cref="ColumnPlacement.ElementKey"/>;
    /// one without a key takes the key its item had in <paramref name="previous"/> (the value being replaced), so a block
    /// whose item stays keeps its key, and only new items get new keys. Values and settings the element had beside the
    /// four known ones are kept.
    /// </summary>
    /// <param name="newKey">Makes keys for new blocks; <see cref="Guid.NewGuid"/> unless a caller needs them predictable.</param>
    public static string Write(IEnumerable<ColumnPlacement> placements, string? previous = null, Func<Guid>? newKey = null)
    {
        newKey ??= Guid.NewGuid;
        var before = Parse(previous);
        var old = ParseObject(previous);
        var oldElements = (old?["contentData"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(e => (Key: BlockListValue.KeyOf(e["key"]), Element: e)).Where(e => e.Key is not null && e.Element["values"] is JsonArray)
            .GroupBy(e => e.Key!.Value).ToDictionary(g => g.Key, g => g.First().Element);
        var oldLayout = LayoutOf(old ?? []).OfType<JsonObject>().Select(e => (Key: BlockListValue.KeyOf(e["contentKey"]), Entry: e))
            .Where(e => e.Key is not null).GroupBy(e => e.Key!.Value).ToDictionary(g => g.Key, g => g.First().Entry);
        var oldSettings = (old?["settingsData"] as JsonArray ?? []).OfType<JsonObject>().Select(s => (Key: BlockListValue.KeyOf(s["key"]), Settings: s))
            .Where(s => s.Key is not null).GroupBy(s => s.Key!.Value).ToDictionary(g => g.Key, g => g.First().Settings);

        var list = placements.ToList();
        var used = new HashSet<Guid>(list.Where(p => p.ElementKey != Guid.Empty).Select(p => p.ElementKey));
        var written = new HashSet<Guid>();
        var contentData = new JsonArray();
        var settingsData = new JsonArray();
        var expose = new JsonArray();
        var layout = new JsonArray();
        foreach (var placement in list)
        {
            // A key given twice (a block copied in the editor) would make two blocks one: the copy gets a key of its own.
            var key = written.Contains(placement.ElementKey) ? Guid.Empty : placement.ElementKey;
            if (key == Guid.Empty)
            {
                key = before.FirstOrDefault(b => b.ItemKey == placement.ItemKey && !used.Contains(b.ElementKey))?.ElementKey ?? newKey();
                used.Add(key);
            }

            written.Add(key);

            contentData.Add(ElementFor(placement, key, oldElements.GetValueOrDefault(key)));
            expose.Add(new JsonObject { ["contentKey"] = key.ToString(), ["culture"] = null, ["segment"] = null });
            var settingsKey = oldLayout.GetValueOrDefault(key) is { } entry ? BlockListValue.KeyOf(entry["settingsKey"]) : null;
            if (settingsKey is { } sk && oldSettings.TryGetValue(sk, out var settings))
            {
                settingsData.Add(settings.DeepClone());
            }
            else
            {
                settingsKey = null;
            }

            layout.Add(new JsonObject
            {
                ["contentKey"] = key.ToString(), ["contentUdi"] = null, ["settingsKey"] = settingsKey?.ToString(), ["settingsUdi"] = null,
            });
        }

        return new JsonObject
        {
            ["contentData"] = contentData,
            ["settingsData"] = settingsData,
            ["expose"] = expose,
            ["Layout"] = new JsonObject { [BlockListLayout] = layout },
        }.ToJsonString(JsonOptions);
    }

    /// <summary>A date as every Portal date field stores it in UTC, with an explicit Z so no reader takes it for local time.</summary>
    public static string FormatDate(DateTime utc) =>
        AsUtc(utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonObject ElementFor(ColumnPlacement placement, Guid key, JsonObject? previous)
    {
        var element = previous?.DeepClone().AsObject() ?? new JsonObject
        {
            ["contentTypeKey"] = ElementTypeKey.ToString(), ["key"] = key.ToString(), ["udi"] = null, ["values"] = new JsonArray(),
        };
        var values = element["values"]!.AsArray();
        Set(values, ItemAlias, "Umbraco.ContentPicker", JsonValue.Create(DocumentUdi.Format(placement.ItemKey)));
        Set(values, FeaturedAlias, "Umbraco.TrueFalse", JsonValue.Create(placement.Featured));
        Set(values, ShowFromAlias, "Umbraco.DateTime", placement.ShowFrom is { } from ? JsonValue.Create(FormatDate(from)) : null);
        Set(values, ShowUntilAlias, "Umbraco.DateTime", placement.ShowUntil is { } until ? JsonValue.Create(FormatDate(until)) : null);
        return element;
    }

    /// <summary>Replaces the value of <paramref name="alias"/> in place (keeping its position), adds it, or removes it when null.</summary>
    private static void Set(JsonArray values, string alias, string editorAlias, JsonNode? value)
    {
        var index = -1;
        for (var i = 0; i < values.Count && index < 0; i++)
        {
            if (values[i] is JsonObject existing && AliasOf(existing) == alias)
            {
                index = i;
            }
        }

        if (value is null)
        {
            if (index >= 0)
            {
                values.RemoveAt(index);
            }

            return;
        }

        var entry = new JsonObject { ["alias"] = alias, ["culture"] = null, ["editorAlias"] = editorAlias, ["segment"] = null, ["value"] = value };
        if (index >= 0)
        {
            values[index] = entry;
        }
        else
        {
            values.Add(entry);
        }
    }

    private static string? AliasOf(JsonObject value) => value["alias"] is JsonValue a && a.TryGetValue<string>(out var s) ? s : null;

    private static IEnumerable<DateTime> Edges(IEnumerable<ColumnPlacement> placements) =>
        placements.SelectMany(p => new[] { p.ShowFrom, p.ShowUntil }).OfType<DateTime>();

    private static JsonObject? ParseObject(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return null;
        }

        try
        {
            // Umbraco writes "Layout" since 15 and "layout" before: property names are compared without case.
            return JsonNode.Parse(stored, new JsonNodeOptions { PropertyNameCaseInsensitive = true }) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The layout's list of blocks: under <c>Umbraco.BlockList</c>, or the first list when another editor alias wrote it.</summary>
    private static JsonArray LayoutOf(JsonObject root) =>
        root["layout"] is JsonObject layout
            ? layout[BlockListLayout] as JsonArray ?? layout.Select(p => p.Value).OfType<JsonArray>().FirstOrDefault() ?? []
            : [];

    /// <summary>A value of the element: from <c>values</c> (15+) or a direct property (before).</summary>
    private static JsonNode? ValueOf(JsonObject element, string alias)
    {
        if (element["values"] is JsonArray values)
        {
            return values.OfType<JsonObject>().FirstOrDefault(v => string.Equals(AliasOf(v), alias, StringComparison.OrdinalIgnoreCase))?["value"];
        }

        return element[alias];
    }

    /// <summary>A toggle as the block editor stores it: true, 1, "1" or "true".</summary>
    private static bool IsOn(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<int>(out var n) => n == 1,
        JsonValue v when v.TryGetValue<string>(out var s) => FieldValueRules.IsOn(s),
        _ => false,
    };

    /// <summary>A date read as every Portal date field is: an offset-less value is UTC (<see cref="FieldValueRules.TryParseDate"/>).</summary>
    private static DateTime? DateOf(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text)
            && FieldValueRules.TryParseDate(text.Trim(), out var date)
            ? DateTime.SpecifyKind(date, DateTimeKind.Utc) : null;

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };
}
