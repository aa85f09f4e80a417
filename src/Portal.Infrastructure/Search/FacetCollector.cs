using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Portal.Infrastructure.Search.Analysis;

namespace Portal.Infrastructure.Search;

/// <summary>
/// Counts, in one pass over every match, the documents per type, unit and year — each facet counted over the matches that
/// pass the other facets' choices (not its own), so a count says how many results choosing that value would show — and
/// how many matches pass all choices. Matches passing all choices go on to <paramref name="passing"/> (the page's top
/// documents), so the query runs once.
/// </summary>
internal sealed class FacetCollector(IReadOnlyDictionary<SearchFacet, string?> selected, ICollector passing) : ICollector
{
    public static readonly SearchFacet[] Facets = [SearchFacet.Type, SearchFacet.Unit, SearchFacet.Year];
    private readonly Dictionary<SearchFacet, Dictionary<string, int>> counts = Facets.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private readonly SortedDocValues?[] values = new SortedDocValues?[Facets.Length];
    private readonly int[] selectedOrds = new int[Facets.Length];
    private int[][] ords = [];
    private int[][] segmentCounts = [];

    public int Total { get; private set; }

    public IReadOnlyDictionary<SearchFacet, Dictionary<string, int>> Counts
    {
        get
        {
            Flush();
            return counts;
        }
    }

    public bool AcceptsDocsOutOfOrder => passing.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => passing.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        passing.SetNextReader(context);
        segmentCounts = new int[Facets.Length][];
        ords = SegmentValues.Of(context.AtomicReader).Ords;
        for (var f = 0; f < Facets.Length; f++)
        {
            var docValues = context.AtomicReader.GetSortedDocValues(Field(Facets[f]));
            values[f] = docValues;
            segmentCounts[f] = new int[docValues?.ValueCount ?? 0];
            // A choice absent from this segment: no document here passes it (-2 never equals an ord or "missing", -1).
            selectedOrds[f] = selected.GetValueOrDefault(Facets[f]) is { } choice
                ? docValues is null ? -2 : docValues.LookupTerm(new BytesRef(choice)) is var ord and >= 0 ? ord : -2
                : int.MinValue;
        }
    }

    public void Collect(int doc)
    {
        var failed = 0;
        var failedFacet = -1;
        for (var f = 0; f < Facets.Length; f++)
        {
            if (selectedOrds[f] != int.MinValue && ords[f][doc] != selectedOrds[f])
            {
                failed++;
                failedFacet = f;
            }
        }

        if (failed == 0)
        {
            Total++;
            passing.Collect(doc);
        }

        for (var f = 0; f < Facets.Length; f++)
        {
            // Counted for facet f when every other facet's choice passes.
            var othersPass = failed == 0 || (failed == 1 && failedFacet == f);
            var ord = ords[f][doc];
            if (othersPass && ord >= 0)
            {
                segmentCounts[f][ord]++;
            }
        }
    }

    public static string Field(SearchFacet facet) => facet switch
    {
        SearchFacet.Type => SearchFields.Type,
        SearchFacet.Unit => SearchFields.Unit,
        _ => SearchFields.Year,
    };

    private void Flush()
    {
        for (var f = 0; f < segmentCounts.Length; f++)
        {
            var docValues = values[f];
            if (docValues is null)
            {
                continue;
            }

            var scratch = new BytesRef();
            for (var ord = 0; ord < segmentCounts[f].Length; ord++)
            {
                if (segmentCounts[f][ord] > 0)
                {
                    docValues.LookupOrd(ord, scratch);
                    var key = scratch.Utf8ToString();
                    counts[Facets[f]][key] = counts[Facets[f]].GetValueOrDefault(key) + segmentCounts[f][ord];
                }
            }
        }

        segmentCounts = [];
    }
}
