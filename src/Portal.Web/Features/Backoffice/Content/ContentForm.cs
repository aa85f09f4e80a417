using System.Text.Json;
using Portal.Core.Media;
using Portal.Core.Schema;

namespace Portal.Web.Features.Backoffice.Content;

/// <summary>A choice in a dropdown, checkbox list or picker.</summary>
internal sealed record EditorOption(string Value, string Label, bool Selected);

/// <summary>One repeated block of a Block List field, with the fields of its element type.</summary>
internal sealed record EditorBlock(int Index, Guid Key, ContentType ElementType, IReadOnlyList<EditorField> Fields);

/// <summary>One field of the generated form: its definition, the names its inputs post under, its value and its error.</summary>
internal sealed record EditorField(FieldDefinition Definition, string Prefix, string Value, string? Error)
{
    public IReadOnlyList<EditorOption> Options { get; init; } = [];
    public IReadOnlyList<EditorBlock> Blocks { get; init; } = [];
    public IReadOnlyList<ContentType> BlockTypes { get; init; } = [];
    public bool Multiple { get; init; }

    /// <summary>The file an upload field's value points to, when the media library has it.</summary>
    public AttachedFile? File { get; init; }

    /// <summary>The extensions an upload field's file input suggests, as its <c>accept</c> attribute.</summary>
    public string? Accept { get; init; }

    public string InputName => Prefix + "f:" + Definition.Alias;

    public string FileInputName => ContentFormReader.FileInputName(Prefix, Definition.Alias);

    /// <summary>HTML ids allow no colons in CSS selectors editors' tools use; dashes keep them simple.</summary>
    public string Id => (Prefix + "f-" + Definition.Alias).Replace(':', '-');

    public string HintId => Id + "-goi-y";

    public string ErrorId => Id + "-loi";

    public string? DescribedBy => string.Join(' ', new[] { Definition.Description is { Length: > 0 } ? HintId : null, Error is null ? null : ErrorId }
        .OfType<string>()) is { Length: > 0 } ids ? ids : null;
}

internal sealed record EditorTab(string Caption, IReadOnlyList<EditorField> Fields);

/// <summary>A file in the media library as an upload field shows it.</summary>
internal sealed record AttachedFile(string Name, string SizeText);

/// <summary>
/// Where pickers find their choices: live pages for content pickers, the media library for media pickers; and the files
/// upload fields point to, by media address.
/// </summary>
internal sealed record PickerChoices(IReadOnlyList<EditorOption> Documents, IReadOnlyList<EditorOption> MediaItems)
{
    public IReadOnlyDictionary<string, AttachedFile> Files { get; init; } = new Dictionary<string, AttachedFile>();
}

/// <summary>
/// Generates the editing form of a content type: one field per definition, grouped by tab, with the stored value shown
/// in the editor's own input. Errors from Core's validation sit beside their field.
/// </summary>
internal static class ContentForm
{
    public static IReadOnlyList<EditorTab> Build(ContentType contentType, ISchemaCatalog schema, IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, string> errors, PickerChoices choices)
    {
        var fields = Fields(contentType, schema, values, errors, choices, prefix: string.Empty);
        return fields.GroupBy(f => f.Definition.TabCaption ?? "Nội dung")
            .Select(g => new EditorTab(g.Key, g.ToList()))
            .ToList();
    }

    private static List<EditorField> Fields(ContentType contentType, ISchemaCatalog schema, IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, string> errors, PickerChoices choices, string prefix) =>
        contentType.Fields.OrderBy(f => f.SortOrder)
            .Select(f => Field(f, schema, values.GetValueOrDefault(f.Alias) ?? string.Empty, errors, choices, prefix))
            .ToList();

    private static EditorField Field(FieldDefinition definition, ISchemaCatalog schema, string value, IReadOnlyDictionary<string, string> errors,
        PickerChoices choices, string prefix)
    {
        var config = schema.FindDataType(definition.DataTypeKey)?.ConfigJson;
        var field = new EditorField(definition, prefix, value, errors.GetValueOrDefault(prefix + definition.Alias));
        return definition.Editor switch
        {
            FieldEditor.Dropdown => field with
            {
                Multiple = definition.EditorAlias == "Umbraco.CheckBoxList" || ConfigFlag(config, "multiple"),
                Options = Choose(FieldValueRules.DropdownItems(config).Select(i => (i, i)), FieldValueRules.ReadList(value)),
            },
            FieldEditor.ContentPicker => field with { Options = Mark(choices.Documents, [value]) },
            FieldEditor.MultiContentPicker => field with
            {
                Multiple = true,
                Options = Mark(choices.Documents, value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            },
            FieldEditor.MediaPicker => field with
            {
                Multiple = ConfigFlag(config, "multiple"),
                Options = Mark(choices.MediaItems, MediaPicks.Read(value).Select(p => p.MediaKey.ToString()).ToList()),
            },
            FieldEditor.BlockList => field with
            {
                BlockTypes = BlockTypes(config, schema),
                Blocks = BlockListValue.Read(value).Select((block, index) => Block(block, index, definition, schema, errors, choices, prefix))
                    .OfType<EditorBlock>().ToList(),
            },
            FieldEditor.Upload => field with { File = choices.Files.GetValueOrDefault(value), Accept = UploadFieldRules.Accept(config) },
            _ => field,
        };
    }

    /// <summary>Whether a form for this type can carry a file: an upload field of its own or of any element type its blocks allow.</summary>
    public static bool TakesFiles(ContentType contentType, ISchemaCatalog schema) => TakesFiles(contentType, schema, []);

    private static bool TakesFiles(ContentType contentType, ISchemaCatalog schema, HashSet<Guid> seen) =>
        seen.Add(contentType.Key) && contentType.Fields.Any(f => f.Editor == FieldEditor.Upload
            || (f.Editor == FieldEditor.BlockList
                && BlockTypes(schema.FindDataType(f.DataTypeKey)?.ConfigJson, schema).Any(t => TakesFiles(t, schema, seen))));

    /// <summary>The values of upload fields, nested blocks included: the files the editor shows by name and size.</summary>
    public static IEnumerable<string> UploadValues(ContentType contentType, ISchemaCatalog schema, IReadOnlyDictionary<string, string> values,
        int depth = 0)
    {
        foreach (var field in contentType.Fields)
        {
            if (values.GetValueOrDefault(field.Alias) is not { Length: > 0 } value || depth > 10)
            {
                continue;
            }

            if (field.Editor == FieldEditor.Upload)
            {
                yield return value;
            }
            else if (field.Editor == FieldEditor.BlockList)
            {
                foreach (var block in BlockListValue.Read(value))
                {
                    if (schema.ContentTypes.FirstOrDefault(t => t.Key == block.ContentTypeKey) is { } elementType)
                    {
                        foreach (var inner in UploadValues(elementType, schema, block.Values, depth + 1))
                        {
                            yield return inner;
                        }
                    }
                }
            }
        }
    }

    private static EditorBlock? Block(BlockItem block, int index, FieldDefinition owner, ISchemaCatalog schema,
        IReadOnlyDictionary<string, string> errors, PickerChoices choices, string prefix)
    {
        var elementType = schema.ContentTypes.FirstOrDefault(t => t.Key == block.ContentTypeKey);
        if (elementType is null)
        {
            return null;
        }

        var blockPrefix = BlockPrefix(prefix, owner.Alias, index);
        return new EditorBlock(index, block.Key, elementType, Fields(elementType, schema, block.Values, errors, choices, blockPrefix));
    }

    public static string BlockPrefix(string prefix, string alias, int index) => $"{prefix}b:{alias}:{index}:";

    /// <summary>The element types a Block List data type allows (<c>blocks[].contentElementTypeKey</c>).</summary>
    public static IReadOnlyList<ContentType> BlockTypes(string? config, ISchemaCatalog schema)
    {
        if (string.IsNullOrWhiteSpace(config))
        {
            return [];
        }

        try
        {
            using var json = JsonDocument.Parse(config);
            if (!json.RootElement.TryGetProperty("blocks", out var blocks) || blocks.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            var keys = blocks.EnumerateArray()
                .Select(b => b.TryGetProperty("contentElementTypeKey", out var k) && Guid.TryParse(k.GetString(), out var key) ? key : Guid.Empty)
                .ToHashSet();
            return schema.ContentTypes.Where(t => keys.Contains(t.Key)).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static bool ConfigFlag(string? config, string name)
    {
        if (string.IsNullOrWhiteSpace(config))
        {
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(config);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(name, out var flag)
                && flag.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static List<EditorOption> Choose(IEnumerable<(string Value, string Label)> items, IReadOnlyCollection<string> chosen) =>
        items.Select(i => new EditorOption(i.Value, i.Label, chosen.Contains(i.Value, StringComparer.Ordinal))).ToList();

    private static List<EditorOption> Mark(IReadOnlyList<EditorOption> options, IReadOnlyCollection<string> chosen)
    {
        var marked = options.Select(o => o with { Selected = chosen.Contains(o.Value, StringComparer.OrdinalIgnoreCase) }).ToList();

        // A picked page that is no longer live (or a media item since removed) stays visible, so saving does not drop it silently.
        foreach (var missing in chosen.Where(c => c.Length > 0 && !options.Any(o => string.Equals(o.Value, c, StringComparison.OrdinalIgnoreCase))))
        {
            marked.Add(new EditorOption(missing, $"(không còn hiển thị) {missing}", true));
        }

        return marked;
    }
}
