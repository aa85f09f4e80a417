using Portal.Core.Schema;

namespace Portal.Infrastructure.PublishedCache;

/// <summary>The field values of one published edition, as cached (memory, then Redis when configured).</summary>
public sealed record PublishedContent(
    Guid Key,
    int EditionNumber,
    string Name,
    IReadOnlyDictionary<string, string> Values,
    DateTime UpdatedAt,
    DateTime? PublishedAt)
{
    /// <summary>A field's stored value, or null when it is empty.</summary>
    public string? Text(string alias) => Values.TryGetValue(alias, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>The first choice of a dropdown or list field (stored as a JSON array or comma-separated text).</summary>
    public string? First(string alias) => Text(alias) is { } value && FieldValueRules.ReadList(value) is [var first, ..] ? first : null;
}
