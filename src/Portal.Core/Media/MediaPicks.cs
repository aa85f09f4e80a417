using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Core.Media;

/// <summary>One item chosen in a media picker field: the pick's own key and the media item it names.</summary>
public sealed record MediaPick(Guid Key, Guid MediaKey);

/// <summary>
/// A MediaPicker3 value as Umbraco persists it: <c>[{"key": …, "mediaKey": …, "crops": [], "focalPoint": null}]</c>.
/// The focal point lives on the media item itself in Portal, so picks never override it.
/// </summary>
public static class MediaPicks
{
    public static IReadOnlyList<MediaPick> Read(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored) || !stored.TrimStart().StartsWith('['))
        {
            return [];
        }

        try
        {
            return (JsonNode.Parse(stored) as JsonArray ?? [])
                .OfType<JsonObject>()
                .Select(o => (Key: Guid.TryParse(o["key"]?.GetValue<string>(), out var k) ? k : Guid.NewGuid(),
                    Media: Guid.TryParse(o["mediaKey"]?.GetValue<string>(), out var m) ? m : (Guid?)null))
                .Where(p => p.Media is not null)
                .Select(p => new MediaPick(p.Key, p.Media!.Value))
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
        catch (InvalidOperationException)
        {
            return [];
        }
    }

    public static string Write(IEnumerable<MediaPick> picks) => new JsonArray(picks.Select(p => (JsonNode)new JsonObject
    {
        ["key"] = p.Key.ToString(),
        ["mediaKey"] = p.MediaKey.ToString(),
        ["crops"] = new JsonArray(),
        ["focalPoint"] = null,
    }).ToArray()).ToJsonString();
}
