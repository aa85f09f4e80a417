namespace Portal.Infrastructure.PublishedCache;

/// <summary>The field values of one published edition, as cached (memory, then Redis when configured).</summary>
public sealed record PublishedContent(
    Guid Key,
    int EditionNumber,
    string Name,
    IReadOnlyDictionary<string, string> Values,
    DateTime UpdatedAt,
    DateTime? PublishedAt);
