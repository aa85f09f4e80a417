namespace Portal.Infrastructure.PublishedCache;

/// <summary>A live document in the route tree: where it is and which edition is live, not its field values.</summary>
public sealed record PublishedNode(
    Guid Key,
    Guid? ParentKey,
    string ContentTypeAlias,
    int Level,
    int SortOrder,
    string Name,
    string UrlSegment,
    int EditionNumber,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>The field values of one published edition, as cached (memory, then Redis when configured).</summary>
public sealed record PublishedContent(
    Guid Key,
    int EditionNumber,
    string Name,
    IReadOnlyDictionary<string, string> Values,
    DateTime UpdatedAt,
    DateTime? PublishedAt);
