namespace Portal.Core.Schema;

/// <summary>A document type as uSync serialises it: identity, structure (allowed children) and fields.</summary>
public sealed record ContentType
{
    public required Guid Key { get; init; }
    public required string Alias { get; init; }
    public required string Name { get; init; }
    public string? Icon { get; init; }
    public string? Thumbnail { get; init; }
    public string? Description { get; init; }
    public bool AllowAtRoot { get; init; }
    public bool IsElement { get; init; }
    public string Variations { get; init; } = "Nothing";
    public Guid ListView { get; init; }
    public string? Folder { get; init; }
    public string? DefaultTemplate { get; init; }
    public HistoryCleanup HistoryCleanup { get; init; } = new(false, null, null);
    public IReadOnlyList<ContentTypeReference> Compositions { get; init; } = [];
    public IReadOnlyList<ContentTypeReference> AllowedTemplates { get; init; } = [];
    public IReadOnlyList<AllowedChild> AllowedChildren { get; init; } = [];
    public IReadOnlyList<FieldDefinition> Fields { get; init; } = [];
    public IReadOnlyList<ContentTab> Tabs { get; init; } = [];

    public FieldDefinition? FindField(string alias) =>
        Fields.FirstOrDefault(f => string.Equals(f.Alias, alias, StringComparison.OrdinalIgnoreCase));

    public bool AllowsChild(string childAlias) =>
        AllowedChildren.Any(c => string.Equals(c.Alias, childAlias, StringComparison.OrdinalIgnoreCase));

    /// <summary>Value equality for the collections too, so that an import → export → import round trip can be compared.</summary>
    public bool SameAs(ContentType other) =>
        this with
        {
            Compositions = [], AllowedTemplates = [], AllowedChildren = [], Fields = [], Tabs = [],
        } == other with { Compositions = [], AllowedTemplates = [], AllowedChildren = [], Fields = [], Tabs = [] }
        && Compositions.SequenceEqual(other.Compositions)
        && AllowedTemplates.SequenceEqual(other.AllowedTemplates)
        && AllowedChildren.SequenceEqual(other.AllowedChildren)
        && Fields.SequenceEqual(other.Fields)
        && Tabs.SequenceEqual(other.Tabs);
}

public sealed record HistoryCleanup(bool PreventCleanup, int? KeepAllVersionsNewerThanDays, int? KeepLatestVersionPerDayForDays);

public sealed record ContentTypeReference(Guid Key, string Alias);

public sealed record AllowedChild(Guid Key, string Alias, int SortOrder);

public sealed record ContentTab(Guid Key, string Alias, string Caption, string Type, int SortOrder);

public sealed record FieldDefinition
{
    public required Guid Key { get; init; }
    public required string Alias { get; init; }
    public required string Name { get; init; }
    public required Guid DataTypeKey { get; init; }
    public required string EditorAlias { get; init; }
    public bool Mandatory { get; init; }
    public string? ValidationPattern { get; init; }
    public string? Description { get; init; }
    public int SortOrder { get; init; }
    public string? TabAlias { get; init; }
    public string? TabCaption { get; init; }
    public string Variations { get; init; } = "Nothing";
    public string? MandatoryMessage { get; init; }
    public string? ValidationMessage { get; init; }
    public bool LabelOnTop { get; init; }

    public FieldEditor Editor => FieldEditors.FromAlias(EditorAlias);
}
