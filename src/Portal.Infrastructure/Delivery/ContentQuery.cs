namespace Portal.Infrastructure.Delivery;

/// <summary>A parsed <c>GET /content</c> request: at most one selector, filters ANDed, sorts in order.</summary>
public sealed record ContentQuery(ContentSelector? Selector, IReadOnlyList<ContentFilter> Filters, IReadOnlyList<ContentSort> Sorts, int Skip, int Take);

public enum SelectorKind
{
    Ancestors,
    Children,
    Descendants,
}

/// <summary><c>fetch=children:{id or path}</c>; <see cref="Target"/> is a GUID key or a URL path.</summary>
public sealed record ContentSelector(SelectorKind Kind, string Target);

public enum FilterField
{
    ContentType,
    Name,
    CreateDate,
    UpdateDate,
    ParentId,
    Level,
    Unit,

    // Procedure facts (issue 7): only procedures can match these; a negated one matches every other item.
    ProcedureField,
    ProcedureLevel,
    OnlineLevel,
    Postal,
    ProcedureStatus,
}

/// <summary>The operators of Umbraco's <c>FilterOperation</c>; range operators apply to dates and numbers only.</summary>
public enum FilterOperator
{
    Is,
    IsNot,
    Contains,
    DoesNotContain,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
}

/// <summary>One <c>filter=</c> value; several <see cref="Values"/> are ORed, as in Umbraco.</summary>
public sealed record ContentFilter(FilterField Field, FilterOperator Operator, IReadOnlyList<string> Values)
{
    public DateTime? Date { get; init; }
    public IReadOnlyList<int> Numbers { get; init; } = [];
    public IReadOnlyList<Guid> Keys { get; init; } = [];
}

public enum SortField
{
    CreateDate,
    Level,
    Name,
    SortOrder,
    UpdateDate,
    Path,
}

public sealed record ContentSort(SortField Field, bool Descending);

public enum ContentQueryStatus
{
    Success,
    FilterOptionNotFound,
    SelectorOptionNotFound,
    SortOptionNotFound,
}
