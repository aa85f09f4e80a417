using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Portal.Infrastructure.Search.Analysis;

namespace Portal.Infrastructure.Search;

/// <summary>
/// A segment's facet ordinals and dates as plain arrays, read once per segment core and kept while the segment lives.
/// Counting facets over 100,000 matches through the doc-values interfaces costs a virtual call per document and field;
/// from arrays it is a load. Ordinals and dates never change for a segment (deletions only hide documents).
/// </summary>
internal sealed class SegmentValues
{
    private static readonly ConditionalWeakTable<object, SegmentValues> BySegment = new();

    private SegmentValues(int[][] ords, long[] dates)
    {
        Ords = ords;
        Dates = dates;
    }

    /// <summary>Per facet (<see cref="FacetCollector.Facets"/> order), each document's ordinal; -1 without a value.</summary>
    public int[][] Ords { get; }

    /// <summary>Each document's date ticks (UTC); 0 without one.</summary>
    public long[] Dates { get; }

    public static SegmentValues Of(AtomicReader reader) => BySegment.GetValue(reader.CoreCacheKey, _ => Read(reader));

    /// <summary>Reads a new segment's arrays when the searcher that brings it opens, so no search waits for them.</summary>
    internal sealed class WarmingFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            foreach (var leaf in reader.Leaves)
            {
                Of(leaf.AtomicReader);
            }

            return base.NewSearcher(reader);
        }
    }

    private static SegmentValues Read(AtomicReader reader)
    {
        var size = reader.MaxDoc;
        var ords = new int[FacetCollector.Facets.Length][];
        for (var f = 0; f < ords.Length; f++)
        {
            var values = reader.GetSortedDocValues(FacetCollector.Field(FacetCollector.Facets[f]));
            var column = new int[size];
            for (var doc = 0; doc < size; doc++)
            {
                column[doc] = values?.GetOrd(doc) ?? -1;
            }

            ords[f] = column;
        }

        var dates = new long[size];
        if (reader.GetNumericDocValues(SearchFields.Date) is { } numeric)
        {
            for (var doc = 0; doc < size; doc++)
            {
                dates[doc] = numeric.Get(doc);
            }
        }

        return new SegmentValues(ords, dates);
    }
}
