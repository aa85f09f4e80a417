using System.Globalization;
using Portal.Core.Schema;

namespace Portal.Infrastructure.Delivery;

/// <summary>
/// Reads Umbraco's query grammar. Options are matched by prefix, case-insensitively, as Umbraco's built-in
/// handlers do; anything unrecognised is reported with the status Umbraco maps to its 400 titles.
/// </summary>
public static class ContentQueryParser
{
    private static readonly (string Prefix, FilterField Field)[] DateFilters =
    [
        ("createDate", FilterField.CreateDate),
        ("updateDate", FilterField.UpdateDate),
    ];

    private static readonly (string Token, FilterOperator Operator)[] RangeOperators =
    [
        (">:", FilterOperator.GreaterThanOrEqual),
        ("<:", FilterOperator.LessThanOrEqual),
        (">", FilterOperator.GreaterThan),
        ("<", FilterOperator.LessThan),
    ];

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss",
    ];

    public static ContentQueryStatus TryParse(string? fetch, IReadOnlyList<string> filters, IReadOnlyList<string> sorts, int skip, int take,
        out ContentQuery query)
    {
        query = new ContentQuery(null, [], [], skip, take);
        ContentSelector? selector = null;
        if (!string.IsNullOrWhiteSpace(fetch))
        {
            selector = ParseSelector(fetch);
            if (selector is null)
            {
                return ContentQueryStatus.SelectorOptionNotFound;
            }
        }

        var parsedFilters = new List<ContentFilter>(filters.Count);
        foreach (var filter in filters.Where(f => !string.IsNullOrWhiteSpace(f)))
        {
            if (ParseFilter(filter.Trim()) is not { } parsed)
            {
                return ContentQueryStatus.FilterOptionNotFound;
            }

            parsedFilters.Add(parsed);
        }

        var parsedSorts = new List<ContentSort>(sorts.Count);
        foreach (var sort in sorts.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            if (ParseSort(sort.Trim()) is not { } parsed)
            {
                return ContentQueryStatus.SortOptionNotFound;
            }

            parsedSorts.Add(parsed);
        }

        query = new ContentQuery(selector, parsedFilters, parsedSorts, skip, take);
        return ContentQueryStatus.Success;
    }

    public static ContentSelector? ParseSelector(string fetch)
    {
        var colon = fetch.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        SelectorKind? kind = fetch[..colon].ToLowerInvariant() switch
        {
            "ancestors" => SelectorKind.Ancestors,
            "children" => SelectorKind.Children,
            "descendants" => SelectorKind.Descendants,
            _ => null,
        };
        var target = fetch[(colon + 1)..].Trim();
        return kind is { } k && target.Length > 0 ? new ContentSelector(k, target) : null;
    }

    private static ContentFilter? ParseFilter(string filter)
    {
        foreach (var (prefix, field) in DateFilters)
        {
            if (filter.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return ParseDateFilter(field, filter[prefix.Length..]);
            }
        }

        var colon = filter.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var name = filter[..colon].ToLowerInvariant();
        var value = filter[(colon + 1)..];
        var negate = value.StartsWith('!');
        var values = value.TrimStart('!').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (values.Length == 0)
        {
            return null;
        }

        return name switch
        {
            "contenttype" => new ContentFilter(FilterField.ContentType, negate ? FilterOperator.IsNot : FilterOperator.Is, values),
            "name" => new ContentFilter(FilterField.Name, negate ? FilterOperator.DoesNotContain : FilterOperator.Contains, values),
            "parentid" => KeyFilter(FilterField.ParentId, negate, values),
            "unit" => KeyFilter(FilterField.Unit, negate, values),
            "level" => LevelFilter(negate, values),
            "procedurefield" => Text(FilterField.ProcedureField, negate, values),
            "onlinelevel" => Text(FilterField.OnlineLevel, negate, values),
            "postal" => values.All(v => bool.TryParse(v, out _)) ? Text(FilterField.Postal, negate, values) : null,
            "status" => values.All(v => ProcedureFilterValues.Status(v) is not null) ? Text(FilterField.ProcedureStatus, negate, values) : null,
            _ => null,
        };
    }

    private static ContentFilter Text(FilterField field, bool negate, string[] values) =>
        new(field, negate ? FilterOperator.IsNot : FilterOperator.Is, values);

    /// <summary>
    /// <c>level:2</c> is the tree depth, as everywhere in the query grammar; <c>level:tinh</c> or <c>level:Cấp xã</c>
    /// is the level of government that performs a procedure. Mixing the two in one filter is refused.
    /// </summary>
    private static ContentFilter? LevelFilter(bool negate, string[] values)
    {
        var levels = new List<int>(values.Length);
        foreach (var value in values)
        {
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var level))
            {
                return levels.Count == 0 && values.All(v => !int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                    ? Text(FilterField.ProcedureLevel, negate, values)
                    : null;
            }

            levels.Add(level);
        }

        return new ContentFilter(FilterField.Level, negate ? FilterOperator.IsNot : FilterOperator.Is, values) { Numbers = levels };
    }

    private static ContentFilter? KeyFilter(FilterField field, bool negate, string[] values)
    {
        var keys = new List<Guid>(values.Length);
        foreach (var value in values)
        {
            if (!DocumentUdi.TryParse(value, out var key))
            {
                return null;
            }

            keys.Add(key);
        }

        return new ContentFilter(field, negate ? FilterOperator.IsNot : FilterOperator.Is, values) { Keys = keys };
    }

    private static ContentFilter? ParseDateFilter(FilterField field, string rest)
    {
        foreach (var (token, op) in RangeOperators)
        {
            if (rest.StartsWith(token, StringComparison.Ordinal))
            {
                var text = rest[token.Length..].Trim();
                return DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? new ContentFilter(field, op, [text]) { Date = date }
                    : null;
            }
        }

        return null;
    }

    private static ContentSort? ParseSort(string sort)
    {
        var colon = sort.IndexOf(':', StringComparison.Ordinal);
        var name = (colon < 0 ? sort : sort[..colon]).ToLowerInvariant();
        var direction = colon < 0 ? "asc" : sort[(colon + 1)..].Trim().ToLowerInvariant();
        if (direction is not ("asc" or "desc"))
        {
            return null;
        }

        SortField? field = name switch
        {
            "createdate" => SortField.CreateDate,
            "level" => SortField.Level,
            "name" => SortField.Name,
            "sortorder" => SortField.SortOrder,
            "updatedate" => SortField.UpdateDate,
            "path" => SortField.Path,
            _ => null,
        };
        return field is { } f ? new ContentSort(f, direction == "desc") : null;
    }
}
