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

    /// <summary>
    /// From this many matches, scoring every match by its text costs tens of milliseconds and tells little (a word's
    /// weight falls towards nothing as it becomes common), so the candidates are the matches with every word in their
    /// title, then the others, each newest first; the bonus re-ranks them as usual.
    /// </summary>
    public const int BroadMatches = 10_000;

    public static IndexPage Run(IndexSearcher searcher, IndexQuery query, int broadMatches = BroadMatches)
    {
        var request = query.Request;
        var choices = new Dictionary<SearchFacet, string?>
        {
            [SearchFacet.Type] = request.Type,
            [SearchFacet.Unit] = request.Unit is { } unit ? SearchFields.KeyText(unit) : null,
            [SearchFacet.Year] = request.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var size = Math.Clamp(request.PageSize, 1, 100);
        var byDate = request.Sort == SearchSort.Date;
        var wanted = query.PathAllowed is not null ? CheckedHits : Math.Max(byDate ? 1 : RescoredHits, Math.Clamp(request.Page, 1, 1000) * size);
        var (found, facets) = MatchSet.Of(searcher, query.Text.Match, query.Restriction) is { } matches
            ? FromSet(searcher, query, matches, choices, wanted, byDate, broadMatches)
            : FromQuery(searcher, query, choices, wanted, byDate);
        if (!byDate && query.Text.Bonus is not null && found.ScoreDocs.Length > 1)
        {
            found = BonusRescorer.Rescore(searcher, found, query.Text.Combined);
        }

        var total = facets.Total;
        IReadOnlyList<ScoreDoc> ranked = found.ScoreDocs;
        if (query.PathAllowed is { } allowed)
        {
            var pathOnly = new HashSet<string>(StringComparer.Ordinal) { SearchFields.Path };
            ranked = ranked.Where(d => allowed(searcher.Doc(d.Doc, pathOnly).Get(SearchFields.Path) ?? string.Empty)).ToList();
            total = ranked.Count;
        }

        var pageCount = Math.Max(1, (total + size - 1) / size);
        var page = Math.Clamp(request.Page, 1, pageCount);
        // Only the page's documents are read whole: their stored text is most of the cost of a read.
        var hits = ranked.Skip((page - 1) * size).Take(size).Select(d => Read(searcher, d)).ToList();
        return new IndexPage(hits, page, pageCount, total, facets.Counts);
    }

    /// <summary>Any query shape: one pass counts the facets and collects the top documents.</summary>
    private static (TopDocs, FacetCollector) FromQuery(IndexSearcher searcher, IndexQuery query, Dictionary<SearchFacet, string?> choices, int wanted, bool byDate)
    {
        var matching = query.Restriction is null ? query.Text.Match : new BooleanQuery { { query.Text.Match, Occur.MUST }, { query.Restriction, Occur.MUST } };
        ITopDocsCollector top = byDate
            ? TopFieldCollector.Create(new Sort(new SortField(SearchFields.Date, SortFieldType.INT64, reverse: true), SortField.FIELD_SCORE),
                wanted, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false)
            : TopScoreDocCollector.Create(wanted, docsScoredInOrder: false);
        var facets = new FacetCollector(choices, (ICollector)top);
        searcher.Search(matching, facets);
        return (top.GetTopDocs(), facets);
    }

    /// <summary>A conjunction: the facets are counted over its bit sets, then only the documents passing the choices are ranked.</summary>
    private static (TopDocs, FacetCollector) FromSet(IndexSearcher searcher, IndexQuery query, MatchSet matches,
        Dictionary<SearchFacet, string?> choices, int wanted, bool byDate, int broadMatches)
    {
        var passing = new MatchSetBuilder();
        var facets = new FacetCollector(choices, passing);
        var leaves = searcher.IndexReader.Leaves;
        for (var l = 0; l < leaves.Count; l++)
        {
            if (matches.Leaf(l) is not { } set)
            {
                continue;
            }

            facets.SetNextReader(leaves[l]);
            var each = set.GetIterator();
            for (var doc = each.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = each.NextDoc())
            {
                facets.Collect(doc);
            }
        }

        var passed = passing.Build(leaves.Count);
        if (byDate)
        {
            return (Newest(leaves, passed, wanted), facets);
        }

        if (passed.Count < broadMatches)
        {
            return (searcher.Search(query.Text.Match, passed.AsFilter(), wanted), facets);
        }

        // Scoring is left out altogether: the matches with every word in the title, newest first, then the others, newest
        // first; the bonus then re-ranks the first of them. All of it is bit sets and the date array.
        var titled = query.Text.InTitle is { } inTitle ? MatchSet.Of(searcher, inTitle, null)?.And(passed) : null;
        var first = titled is null ? new TopDocs(0, [], float.NaN) : Newest(leaves, titled, wanted);
        if (first.ScoreDocs.Length >= wanted || titled is null)
        {
            return (first.ScoreDocs.Length >= wanted ? first : Newest(leaves, passed, wanted), facets);
        }

        var rest = Newest(leaves, passed.AndNot(titled), wanted - first.ScoreDocs.Length);
        return (new TopDocs(passed.Count, [.. first.ScoreDocs, .. rest.ScoreDocs], float.NaN), facets);
    }

    /// <summary>The newest documents of the set (ties: lower document number first), from the segments' date arrays.</summary>
    private static TopDocs Newest(IList<AtomicReaderContext> leaves, MatchSet set, int wanted)
    {
        // Keeps the wanted newest: the root is the oldest kept, replaced by anything newer.
        var kept = new PriorityQueue<int, (long Date, int Doc)>(Comparer<(long Date, int Doc)>.Create((a, b) =>
            a.Date != b.Date ? a.Date.CompareTo(b.Date) : b.Doc.CompareTo(a.Doc)));
        for (var l = 0; l < leaves.Count; l++)
        {
            if (set.Leaf(l) is not { } bits)
            {
                continue;
            }

            var dates = SegmentValues.Of(leaves[l].AtomicReader).Dates;
            var docBase = leaves[l].DocBase;
            var each = bits.GetIterator();
            for (var doc = each.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = each.NextDoc())
            {
                var global = docBase + doc;
                if (kept.Count < wanted)
                {
                    kept.Enqueue(global, (dates[doc], global));
                }
                else if (wanted > 0 && kept.TryPeek(out _, out var oldest) && dates[doc] > oldest.Date)
                {
                    // Documents are visited in ascending order, so an equal date never displaces an earlier document.
                    kept.EnqueueDequeue(global, (dates[doc], global));
                }
            }
        }

        var newest = new ScoreDoc[kept.Count];
        for (var i = newest.Length - 1; i >= 0; i--)
        {
            newest[i] = new ScoreDoc(kept.Dequeue(), float.NaN);
        }

        return new TopDocs(set.Count, newest, float.NaN);
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
