namespace Portal.Data.Schema;

/// <summary>A content type as imported from uSync; the definition is the serialised <see cref="Portal.Core.Schema.ContentType"/>.</summary>
public sealed class ContentTypeRecord
{
    public Guid Key { get; set; }
    public string Alias { get; set; } = string.Empty;
    public string Definition { get; set; } = string.Empty;
    public DateTime UpdatedAt { get; set; }
}

public sealed class DataTypeRecord
{
    public Guid Key { get; set; }
    public string Name { get; set; } = string.Empty;
    public string EditorAlias { get; set; } = string.Empty;
    public string? EditorUiAlias { get; set; }
    public string ConfigJson { get; set; } = "{}";
    public DateTime UpdatedAt { get; set; }
}
