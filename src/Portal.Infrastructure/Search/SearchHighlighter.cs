using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Portal.Infrastructure.Search.Analysis;

namespace Portal.Infrastructure.Search;

/// <summary>
/// Marks matched words in titles and passages. The stored text is read through the folded analyzer, so "thu tuc" marks
/// "Thủ tục" in the original spelling; everything else is HTML-encoded, so stored text can never inject markup.
/// </summary>
internal sealed class SearchHighlighter
{
    private const int PassageLength = 180;
    private readonly Analyzer analyzer = SearchFields.CreateAnalyzer();

    public string Title(Query query, string title) => Mark(query, SearchFields.TextFolded, title, 1, title.Length + 1) ?? Encode(title);

    public string Passage(Query query, string text, string? summary)
    {
        var marked = text.Length == 0 ? null : Mark(query, SearchFields.TextFolded, text, 2, PassageLength);
        if (marked is not null)
        {
            return marked;
        }

        var fallback = summary ?? text;
        return Encode(fallback.Length <= PassageLength ? fallback : Cut(fallback));
    }

    public static string Encode(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private string? Mark(Query query, string field, string text, int fragments, int fragmentLength)
    {
        var scorer = new QueryScorer(query, field);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new MinimalEncoder(), scorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(scorer, fragmentLength),
        };
        using var tokens = analyzer.GetTokenStream(field, text);
        var best = highlighter.GetBestFragments(tokens, text, fragments);
        return best.Length == 0 ? null : string.Join(" … ", best.Select(f => f.Trim()));
    }

    private static string Cut(string text)
    {
        var cut = text.LastIndexOf(' ', PassageLength);
        return text[..(cut > 0 ? cut : PassageLength)] + "…";
    }

    /// <summary>Encodes only what HTML needs; Lucene's own encoder would turn every Vietnamese letter into an entity.</summary>
    private sealed class MinimalEncoder : IEncoder
    {
        public string EncodeText(string originalText) => Encode(originalText);
    }
}
