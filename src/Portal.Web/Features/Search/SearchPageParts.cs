using System.Globalization;
using Portal.Infrastructure.Search;

namespace Portal.Web.Features.Search;

/// <summary>A result as the search page shows it: the engine's hit, the name of its content type and of its unit.</summary>
public sealed record SearchPageHit(SearchHit Hit, string TypeName, string? UnitName);

/// <summary>One choice of a filter select: the query value, what people read, and how many results choosing it gives.</summary>
public sealed record SearchPageOption(string Value, string Label, int Count, bool Selected);

/// <summary>A filter of the search form (content type, unit, year): its query key, its label and its choices with counts.</summary>
public sealed record SearchPageFacet(SearchFacet Facet, string Key, string Label, IReadOnlyList<SearchPageOption> Options)
{
    /// <summary>The select's id: the query key is already unique on the page.</summary>
    public string Id => "loc-" + Key;

    /// <summary>
    /// The filters in form order. Types and units are named as the schema and the tree name them now; a chosen value the
    /// results no longer contain stays offered with 0, so the visitor sees it is set and can clear it.
    /// </summary>
    public static IReadOnlyList<SearchPageFacet> From(SearchResults results, SiteSearchQuery query, Func<string, string> typeName,
        Func<Guid, string?> unitName)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(query);
        return
        [
            Build(results, SearchFacet.Type, "loai", "Loại nội dung", query.Type, v => (v.Value, typeName(v.Value)), typeName),
            Build(results, SearchFacet.Unit, "don-vi", "Đơn vị", query.Unit?.ToString("N"),
                v => Guid.TryParse(v.Value, out var key) ? (key.ToString("N"), unitName(key) ?? v.Label) : (v.Value, v.Label),
                value => unitName(Guid.ParseExact(value, "N")) ?? value),
            Build(results, SearchFacet.Year, "nam", "Năm", query.Year?.ToString(CultureInfo.InvariantCulture), v => (v.Value, v.Label), value => value),
        ];
    }

    private static SearchPageFacet Build(SearchResults results, SearchFacet facet, string key, string label, string? selected,
        Func<SearchFacetValue, (string Value, string Label)> read, Func<string, string> labelOf)
    {
        var options = (results.Facets.TryGetValue(facet, out var values) ? values : [])
            .Select(v => (Read: read(v), v.Count))
            .Select(v => new SearchPageOption(v.Read.Value, v.Read.Label, v.Count, string.Equals(v.Read.Value, selected, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (selected is not null && !options.Exists(o => o.Selected))
        {
            options.Insert(0, new SearchPageOption(selected, labelOf(selected), 0, true));
        }

        return new SearchPageFacet(facet, key, label, options);
    }
}
