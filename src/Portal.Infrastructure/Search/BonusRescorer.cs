using Lucene.Net.Search;

namespace Portal.Infrastructure.Search;

/// <summary>
/// Scores the best matches again with the whole query (matching and bonus together, so their weights are normalised as
/// one) and orders them by it. Lucene's own QueryRescorer fails when a query matches nothing in a segment (this port
/// returns no scorer there), hence this small equivalent.
/// </summary>
internal static class BonusRescorer
{
    public static TopDocs Rescore(IndexSearcher searcher, TopDocs found, Query whole)
    {
        var hits = found.ScoreDocs.Select(d => new ScoreDoc(d.Doc, d.Score)).ToArray();
        // Equal scores keep the first ranking's order (the newest first, when the candidates were picked by date).
        var firstRank = new Dictionary<int, int>(hits.Length);
        for (var i = 0; i < hits.Length; i++)
        {
            firstRank[hits[i].Doc] = i;
        }

        Array.Sort(hits, (a, b) => a.Doc.CompareTo(b.Doc));
        var weight = searcher.CreateNormalizedWeight(whole);
        var leaves = searcher.IndexReader.Leaves;
        var leaf = -1;
        var end = 0;
        Scorer? scorer = null;
        foreach (var hit in hits)
        {
            while (hit.Doc >= end)
            {
                leaf++;
                var context = leaves[leaf];
                end = context.DocBase + context.Reader.MaxDoc;
                scorer = weight.GetScorer(context, context.AtomicReader.LiveDocs);
            }

            var target = hit.Doc - leaves[leaf].DocBase;
            if (scorer is not null && scorer.DocID < target)
            {
                scorer.Advance(target);
            }

            if (scorer is not null && scorer.DocID == target)
            {
                hit.Score = scorer.GetScore();
            }
        }

        Array.Sort(hits, (a, b) => b.Score.CompareTo(a.Score) is var byScore and not 0 ? byScore : firstRank[a.Doc].CompareTo(firstRank[b.Doc]));
        return new TopDocs(found.TotalHits, hits, hits.Length == 0 ? float.NaN : hits[0].Score);
    }
}
