using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Primitives;
using Portal.Core.Media;
using Portal.Core.Schema;

namespace Portal.Web.Features.Backoffice.Content;

/// <summary>
/// What a posted editing form holds: the page name, the field values in stored form, a block command if any, and the files
/// chosen in upload fields (not yet stored: their fields hold the typed address until the files are in the media library).
/// </summary>
internal sealed record PostedContent(string Name, Dictionary<string, string> Values, BlockCommand? Command, IReadOnlyList<ChosenFile> Files);

/// <summary>A file chosen in an upload field; <see cref="Field"/> is the field's key for values and errors (its block prefix and alias).</summary>
internal sealed record ChosenFile(string Field, FieldDefinition Definition, IFormFile File);

/// <summary>"Add a block" or "remove block n" on a Block List field: the form is shown again, nothing is saved.</summary>
internal sealed record BlockCommand(string Prefix, string Alias, bool Add, Guid ElementTypeKey, int Index)
{
    public const string FormKey = "khoi";

    public static BlockCommand? Parse(string? value)
    {
        // them|{prefix}|{alias}|{elementTypeKey}  or  xoa|{prefix}|{alias}|{index}
        var parts = value?.Split('|');
        if (parts is not { Length: 4 })
        {
            return null;
        }

        return parts[0] switch
        {
            "them" when Guid.TryParse(parts[3], out var type) => new BlockCommand(parts[1], parts[2], true, type, -1),
            "xoa" when int.TryParse(parts[3], out var index) => new BlockCommand(parts[1], parts[2], false, Guid.Empty, index),
            _ => null,
        };
    }

    public static string AddValue(string prefix, string alias, Guid elementTypeKey) => $"them|{prefix}|{alias}|{elementTypeKey}";

    public static string RemoveValue(string prefix, string alias, int index) => $"xoa|{prefix}|{alias}|{index}";
}

/// <summary>
/// Reads the generated form back into stored values, editor by editor: the inverse of <see cref="ContentForm"/>.
/// Values are left as typed; Core normalises, sanitises and validates them, so nothing here decides what is valid.
/// </summary>
internal static class ContentFormReader
{
    public const string NameKey = "ten";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="stored">The media addresses of files already stored for upload fields, by <see cref="ChosenFile.Field"/>;
    /// such an address wins over the one typed beside the file input.</param>
    public static PostedContent Read(IFormCollection form, ContentType contentType, ISchemaCatalog schema,
        IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string>? stored = null)
    {
        var command = BlockCommand.Parse(form[BlockCommand.FormKey].LastOrDefault());
        var reading = new Reading(form, schema, command, stored ?? new Dictionary<string, string>(), []);
        var values = Values(reading, contentType, current, string.Empty);
        return new PostedContent(form[NameKey].LastOrDefault()?.Trim() ?? string.Empty, values, command, reading.Files);
    }

    /// <summary>The name of an upload field's file input, beside its address box <c>f:{alias}</c>.</summary>
    public static string FileInputName(string prefix, string alias) => prefix + "tep:" + alias;

    private sealed record Reading(IFormCollection Form, ISchemaCatalog Schema, BlockCommand? Command, IReadOnlyDictionary<string, string> Stored,
        List<ChosenFile> Files);

    private static Dictionary<string, string> Values(Reading reading, ContentType contentType, IReadOnlyDictionary<string, string> current,
        string prefix)
    {
        var form = reading.Form;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in contentType.Fields)
        {
            var posted = form[prefix + "f:" + field.Alias];
            var value = field.Editor switch
            {
                // The hidden "0" comes first, the checkbox's "1" after it when ticked.
                FieldEditor.Toggle => posted.Count == 0 ? null : posted[^1] == "1" ? "1" : "0",
                FieldEditor.Dropdown => Chosen(posted) is { Count: > 0 } chosen ? JsonSerializer.Serialize(chosen, Compact) : null,
                FieldEditor.Tags => Tags(posted.LastOrDefault()),
                FieldEditor.MultiContentPicker => Chosen(posted) is { Count: > 0 } pages ? string.Join(',', pages) : null,
                FieldEditor.MediaPicker => MediaValue(Chosen(posted), current.GetValueOrDefault(field.Alias)),
                FieldEditor.MultipleText => Lines(posted.LastOrDefault()),
                FieldEditor.Date => ContentFieldValues.FromInput(posted.LastOrDefault()?.Trim()),
                FieldEditor.BlockList => Blocks(reading, field, current.GetValueOrDefault(field.Alias), prefix),
                FieldEditor.Upload => Upload(reading, field, prefix, posted.LastOrDefault()),
                _ => posted.LastOrDefault(),
            };
            if (!string.IsNullOrEmpty(value))
            {
                values[field.Alias] = value;
            }
        }

        return values;
    }

    private static List<string> Chosen(StringValues posted) =>
        posted.OfType<string>().Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    private static string? Tags(string? text)
    {
        var tags = (text ?? string.Empty).Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.CurrentCultureIgnoreCase).ToList();
        return tags.Count == 0 ? null : JsonSerializer.Serialize(tags, Compact);
    }

    private static string? Lines(string? text)
    {
        var lines = (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? null : string.Join('\n', lines);
    }

    /// <summary>Keeps each pick's own key when the same media item stays chosen, as Umbraco's picker does.</summary>
    private static string? MediaValue(IReadOnlyList<string> chosen, string? stored)
    {
        var before = MediaPicks.Read(stored);
        var picks = chosen.Select(c => Guid.TryParse(c, out var key) ? key : (Guid?)null).OfType<Guid>()
            .Select(key => before.FirstOrDefault(p => p.MediaKey == key) ?? new MediaPick(Guid.NewGuid(), key))
            .ToList();
        return picks.Count == 0 ? null : MediaPicks.Write(picks);
    }

    /// <summary>
    /// A browser posts an empty part with no file name when nothing was chosen; a chosen file, even an empty one, has a
    /// name, so the media library can refuse it with its own message.
    /// </summary>
    private static string? Upload(Reading reading, FieldDefinition field, string prefix, string? typed)
    {
        var key = prefix + field.Alias;
        if (reading.Form.Files.GetFile(FileInputName(prefix, field.Alias)) is { FileName.Length: > 0 } file)
        {
            reading.Files.Add(new ChosenFile(key, field, file));
        }

        return reading.Stored.TryGetValue(key, out var url) ? url : typed?.Trim();
    }

    private static string? Blocks(Reading reading, FieldDefinition field, string? stored, string prefix)
    {
        var (form, schema, command) = (reading.Form, reading.Schema, reading.Command);
        var allowed = ContentForm.BlockTypes(schema.FindDataType(field.DataTypeKey)?.ConfigJson, schema);
        var previous = BlockListValue.Read(stored);
        var count = int.TryParse(form[$"{prefix}b:{field.Alias}:dem"].LastOrDefault(), out var n) ? Math.Clamp(n, 0, 500) : 0;
        var blocks = new List<BlockItem>();
        for (var index = 0; index < count; index++)
        {
            var blockPrefix = ContentForm.BlockPrefix(prefix, field.Alias, index);
            if (!Guid.TryParse(form[blockPrefix + "key"].LastOrDefault(), out var key)
                || !Guid.TryParse(form[blockPrefix + "type"].LastOrDefault(), out var typeKey)
                || allowed.FirstOrDefault(t => t.Key == typeKey) is not { } elementType)
            {
                continue;
            }

            var isTarget = command is { Add: false } && command.Prefix == prefix && command.Alias == field.Alias && command.Index == index;
            if (isTarget)
            {
                continue;
            }

            var inner = previous.FirstOrDefault(b => b.Key == key)?.Values ?? new Dictionary<string, string>();
            blocks.Add(new BlockItem(key, typeKey, Values(reading, elementType, inner, blockPrefix)));
        }

        if (command is { Add: true } && command.Prefix == prefix && command.Alias == field.Alias && allowed.Any(t => t.Key == command.ElementTypeKey))
        {
            blocks.Add(new BlockItem(Guid.NewGuid(), command.ElementTypeKey, new Dictionary<string, string>()));
        }

        return blocks.Count == 0 ? null : BlockListValue.Write(blocks);
    }
}
