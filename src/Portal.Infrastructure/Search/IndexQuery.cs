using Lucene.Net.Index;
using Lucene.Net.Search;
using Portal.Infrastructure.Search.Analysis;

namespace Portal.Infrastructure.Search;

/// <summary>
/// A search against one index: the text query, the facet choices, an optional restriction (start nodes), and for the
/// backoffice a permission check on each hit's path.
/// </summary>
internal sealed record IndexQuery(SearchQuery Text, SearchRequest Request, Query? Restriction = null, Func<string, bool>? PathAllowed = null);

/// <summary>A stored hit before highlighting.</summary>
internal sealed record IndexHit(Guid Key, string Title, string? Summary, string Text, string Url, string ContentTypeAlias, DateTime Date,
    Guid? UnitKey, string? Code, string Path, bool Published, float Score);

internal sealed record IndexPage(IReadOnlyList<IndexHit> Hits, int Page, int PageCount, int Total, IReadOnlyDictionary<SearchFacet, Dictionary<string, int>> Counts);

internal static class IndexQueryRunner
{
    /// <summary>With a permission check, hits are checked in score order up to this many; nobody pages further.</summary>
    private const int CheckedHits = 1000;

    /// <summary>The best matches re-ranked with the query's bonus; deeper pages keep the first ranking.</summary>
    private const int RescoredHits = 200;

    public static IndexPage Run(IndexSearcher searcher, IndexQuery query)
    {
        var request = query.Request;
        var choices = new Dictionary<SearchFacet, string?>
        {
            [SearchFacet.Type] = request.Type,
            [SearchFacet.Unit] = request.Unit is { } unit ? SearchFields.KeyText(unit) : null,
            [SearchFacet.Year] = request.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var matching = query.Restriction is null ? query.Text.Match : new BooleanQuery { { query.Text.Match, Occur.MUST }, { query.Restriction, Occur.MUST } };
        var size = Math.Clamp(request.PageSize, 1, 100);
        var byDate = request.Sort == SearchSort.Date;
        var wanted = query.PathAllowed is not null ? CheckedHits : Math.Max(byDate ? 1 : RescoredHits, Math.Clamp(request.Page, 1, 1000) * size);
        ITopDocsCollector top = byDate
            ? TopFieldCollector.Create(new Sort(new SortField(SearchFields.Date, SortFieldType.INT64, reverse: true), SortField.FIELD_SCORE),
                wanted, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false)
            : TopScoreDocCollector.Create(wanted, docsScoredInOrder: false);
        var facets = new FacetCollector(choices, (ICollector)top);
        searcher.Search(matching, facets);
        var found = top.GetTopDocs();
        if (!byDate && query.Text.Bonus is not null && found.ScoreDocs.Length > 1)
        {
            found = BonusRescorer.Rescore(searcher, found, query.Text.Combined);
        }

        var hits = found.ScoreDocs.Select(d => Read(searcher, d)).ToList();
        var total = facets.Total;
        if (query.PathAllowed is { } allowed)
        {
            hits = hits.Where(h => allowed(h.Path)).ToList();
            total = hits.Count;
        }

        var pageCount = Math.Max(1, (total + size - 1) / size);
        var page = Math.Clamp(request.Page, 1, pageCount);
        return new IndexPage(hits.Skip((page - 1) * size).Take(size).ToList(), page, pageCount, total, facets.Counts);
    }

    /// <summary>Every match's key in score order (the procedure finder filters and pages itself).</summary>
    public static List<Guid> Keys(IndexSearcher searcher, Query query, Filter? filter, int max)
    {
        var top = searcher.Search(query, filter, Math.Max(1, max));
        return top.ScoreDocs.Select(d => Guid.ParseExact(searcher.Doc(d.Doc).Get(SearchFields.Key), "N")).ToList();
    }

    public static IndexHit Read(IndexSearcher searcher, ScoreDoc scoreDoc)
    {
        var document = searcher.Doc(scoreDoc.Doc);
        var unit = document.Get(SearchFields.Unit);
        return new IndexHit(
            Guid.ParseExact(document.Get(SearchFields.Key), "N"),
            document.Get(SearchFields.Title) ?? string.Empty,
            document.Get(SearchFields.Summary),
            document.Get(SearchFields.Text) ?? string.Empty,
            document.Get(SearchFields.Url) ?? string.Empty,
            document.Get(SearchFields.Type) ?? string.Empty,
            new DateTime(document.GetField(SearchFields.Date)?.GetInt64Value() ?? 0, DateTimeKind.Utc),
            unit is null ? null : Guid.ParseExact(unit, "N"),
            document.Get(SearchFields.Code),
            document.Get(SearchFields.Path) ?? string.Empty,
            document.Get(SearchFields.Published) == "y",
            float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score);
    }
}
