using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Portal.Infrastructure.Search;

/// <summary>
/// The documents a conjunction matches, as one bit set per segment. Each part's set is read from its postings once and,
/// when the part is broad (a word nearly every document has), kept for the life of the segment reader: the words that
/// cost most to walk — "hành chính" in a CCHC portal — are few and asked again and again, so a query made of them is
/// a few bitwise ANDs. Lucene's own query cache does the same in later versions; 4.8 has none.
/// </summary>
internal sealed class MatchSet
{
    /// <summary>A part's set is kept when at least this share of the segment has it (1/64: 12.5 KB per 100,000 documents).</summary>
    private const int KeptShare = 64;

    /// <summary>Kept sets per segment reader; beyond it the reader's sets start again (a rare burst of odd broad words).</summary>
    private const int KeptPerSegment = 256;

    private static readonly ConditionalWeakTable<AtomicReader, ConcurrentDictionary<Query, FixedBitSet>> Kept = new();

    private readonly FixedBitSet?[] leaves;

    internal MatchSet(FixedBitSet?[] leaves)
    {
        this.leaves = leaves;
        Count = leaves.Sum(l => l?.Cardinality ?? 0);
    }

    public int Count { get; }

    /// <summary>The segment's set (local document numbers), or null when nothing in it matches.</summary>
    public FixedBitSet? Leaf(int ord) => leaves[ord];

    /// <summary>The set of a query made only of required parts (and the restriction); null for any other shape.</summary>
    public static MatchSet? Of(IndexSearcher searcher, Query match, Query? restriction)
    {
        if (match is not BooleanQuery { MinimumNumberShouldMatch: 0 } conjunction || conjunction.Clauses.Any(c => c.Occur != Occur.MUST))
        {
            return null;
        }

        var parts = conjunction.Clauses.Select(c => c.Query).ToList();
        if (restriction is not null)
        {
            parts.Add(restriction);
        }

        var weights = new Weight?[parts.Count];
        var leaves = searcher.IndexReader.Leaves;
        var sets = new FixedBitSet?[leaves.Count];
        for (var l = 0; l < leaves.Count; l++)
        {
            FixedBitSet? set = null;
            for (var p = 0; p < parts.Count && (set is null || set.Cardinality > 0); p++)
            {
                var part = PartSet(searcher, parts[p], ref weights[p], leaves[l]);
                if (set is null)
                {
                    set = part.Clone();
                }
                else
                {
                    set.And(part);
                }
            }

            sets[l] = set is { Cardinality: > 0 } ? set : null;
        }

        return new MatchSet(sets);
    }

    /// <summary>The documents in both sets.</summary>
    public MatchSet And(MatchSet other) => Combine(other, (set, with) => set.And(with));

    /// <summary>The documents in this set and not in the other.</summary>
    public MatchSet AndNot(MatchSet other) => Combine(other, (set, with) => set.AndNot(with));

    /// <summary>The matches as a filter for this searcher's segments.</summary>
    public Filter AsFilter() => new SetFilter(this);

    private MatchSet Combine(MatchSet other, Action<FixedBitSet, FixedBitSet> combine)
    {
        var combined = new FixedBitSet?[leaves.Length];
        for (var l = 0; l < leaves.Length; l++)
        {
            if (leaves[l] is not { } set)
            {
                continue;
            }

            var copy = set.Clone();
            if (other.leaves[l] is { } with)
            {
                combine(copy, with);
            }
            else
            {
                combine(copy, new FixedBitSet(copy.Length));
            }

            combined[l] = copy.Cardinality > 0 ? copy : null;
        }

        return new MatchSet(combined);
    }

    private static FixedBitSet PartSet(IndexSearcher searcher, Query part, ref Weight? weight, AtomicReaderContext leaf)
    {
        var reader = leaf.AtomicReader;
        var kept = Kept.GetValue(reader, _ => new ConcurrentDictionary<Query, FixedBitSet>());
        if (kept.TryGetValue(part, out var known))
        {
            return known;
        }

        var set = new FixedBitSet(reader.MaxDoc);
        if (part is TermQuery { Term: var term })
        {
            // A word alone: its postings without frequencies, the cheapest walk there is.
            var terms = reader.GetTerms(term.Field)?.GetEnumerator();
            if (terms is not null && terms.SeekExact(term.Bytes))
            {
                set.Or(terms.Docs(reader.LiveDocs, null, DocsFlags.NONE));
            }
        }
        else if ((weight ??= searcher.CreateNormalizedWeight(part)).GetScorer(leaf, reader.LiveDocs) is { } scorer)
        {
            for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
            {
                set.Set(doc);
            }
        }

        if (set.Cardinality >= Math.Max(1, reader.MaxDoc / KeptShare))
        {
            if (kept.Count >= KeptPerSegment)
            {
                kept.Clear();
            }

            kept[part] = set;
        }

        return set;
    }

    private sealed class SetFilter(MatchSet matches) : Filter
    {
        public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits acceptDocs) =>
            matches.Leaf(context.Ord) is { } set ? BitsFilteredDocIdSet.Wrap(set, acceptDocs) : null;
    }
}

/// <summary>Collects documents into a new <see cref="MatchSet"/>, segment by segment.</summary>
internal sealed class MatchSetBuilder : ICollector
{
    private readonly Dictionary<int, FixedBitSet> leaves = [];
    private FixedBitSet? current;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
        // Membership only: scores are not kept.
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        current = new FixedBitSet(context.AtomicReader.MaxDoc);
        leaves[context.Ord] = current;
    }

    public void Collect(int doc) => current!.Set(doc);

    public MatchSet Build(int leafCount) =>
        new([.. Enumerable.Range(0, leafCount).Select(l => leaves.GetValueOrDefault(l) is { Cardinality: > 0 } set ? set : null)]);
}
