namespace Portal.Core.Schema;

/// <summary>A configured property editor, as in uSync's DataTypes folder.</summary>
public sealed record DataType(Guid Key, string Name, string EditorAlias, string? EditorUiAlias, string ConfigJson)
{
    public FieldEditor Editor => FieldEditors.FromAlias(EditorAlias);
}
