using System.Globalization;
using Lucene.Net.Search;
using Portal.Core.Schema;
using Portal.Core.Text;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Infrastructure.Search;

/// <summary>Turns an index page into what pages show: highlighted hits and facet values with readable labels.</summary>
internal sealed class SearchResultsBuilder(ISchemaCatalog schema, PublishedRouteTree routes, SearchHighlighter highlighter)
{
    public SearchResults Build(IndexPage page, Query query, SearchRequest request)
    {
        var hits = page.Hits.Select(h => new SearchHit(h.Key, h.Title, highlighter.Title(query, h.Title), highlighter.Passage(query, h.Text, h.Summary),
            h.Url, h.ContentTypeAlias, h.Date, h.UnitKey, h.Code, h.Path, h.Published, h.Score)).ToList();
        var facets = new Dictionary<SearchFacet, IReadOnlyList<SearchFacetValue>>
        {
            [SearchFacet.Type] = Values(page.Counts[SearchFacet.Type], request.Type, TypeLabel)
                .OrderByDescending(v => v.Count).ThenBy(v => v.Label, VietnameseText.Order).ToList(),
            [SearchFacet.Unit] = Values(page.Counts[SearchFacet.Unit], request.Unit?.ToString("N"), UnitLabel)
                .OrderBy(v => v.Label, VietnameseText.Order).ToList(),
            [SearchFacet.Year] = Values(page.Counts[SearchFacet.Year], request.Year?.ToString(CultureInfo.InvariantCulture), y => y)
                .OrderByDescending(v => v.Value, StringComparer.Ordinal).ToList(),
        };
        return new SearchResults(hits, page.Page, page.PageCount, page.Total, facets, Degraded: false);
    }

    public string TypeLabel(string alias) => schema.FindContentType(alias)?.Name ?? alias;

    private string UnitLabel(string key) => Guid.TryParseExact(key, "N", out var unit) && routes.Find(unit) is { } node ? node.Name : key;

    private static IEnumerable<SearchFacetValue> Values(Dictionary<string, int> counts, string? selected, Func<string, string> label)
    {
        if (selected is not null && !counts.ContainsKey(selected))
        {
            yield return new SearchFacetValue(selected, label(selected), 0, true);
        }

        foreach (var (value, count) in counts)
        {
            yield return new SearchFacetValue(value, label(value), count, value == selected);
        }
    }
}
