using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Portal.Infrastructure.Search.Analysis;

/// <summary>The fields of an index document, and the mapping between a <see cref="SearchDocument"/> and them.</summary>
internal static class SearchFields
{
    public const string Key = "key";
    public const string Ancestor = "ancestor";
    public const string Type = "type";
    public const string Unit = "unit";
    public const string Year = "year";
    public const string Date = "date";
    public const string Published = "published";
    public const string Code = "code";
    public const string Title = "title";
    public const string TitleExact = "title_exact";
    public const string TitleFolded = "title_fold";
    public const string Summary = "summary";
    public const string Text = "text";
    /// <summary>Title and text, exact spelling.</summary>
    public const string TextExact = "text_exact";
    /// <summary>Title and text without diacritics: what decides matching.</summary>
    public const string TextFolded = "text_fold";
    public const string Url = "url";
    public const string Path = "path";

    /// <summary>Long bodies are cut: the first part of a text decides its relevance, and the index stays small.</summary>
    private const int MaxTextLength = 30_000;

    public static Analyzer CreateAnalyzer() => new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), new Dictionary<string, Analyzer>
    {
        [TitleExact] = new VietnameseAnalyzer(fold: false),
        [TextExact] = new VietnameseAnalyzer(fold: false),
        [TitleFolded] = new VietnameseAnalyzer(fold: true),
        [TextFolded] = new VietnameseAnalyzer(fold: true),
    });

    public static string KeyText(Guid key) => key.ToString("N");

    /// <summary>The document with its analysed texts (what a rebuild writes, possibly into both indexes).</summary>
    public static AnalysedDocument Analyse(SearchDocument source)
    {
        var (text, titled, searched) = Texts(source);
        return new AnalysedDocument(source, text, AnalysedText.Of(titled), AnalysedText.Of(searched));
    }

    /// <summary>The same document at another address (the public and backoffice copies of one edition), analysed once.</summary>
    public static AnalysedDocument At(AnalysedDocument analysed, string url) =>
        analysed with { Source = analysed.Source with { Url = url } };

    public static Document ToLucene(SearchDocument source)
    {
        var (text, titled, searched) = Texts(source);
        return ToLucene(source, text, new TextField(TitleExact, titled, Field.Store.NO), new TextField(TitleFolded, titled, Field.Store.NO),
            new TextField(TextExact, searched, Field.Store.NO), new TextField(TextFolded, searched, Field.Store.NO));
    }

    public static Document ToLucene(AnalysedDocument analysed) =>
        ToLucene(analysed.Source, analysed.Text, new TextField(TitleExact, analysed.Titled.ExactTokens()),
            new TextField(TitleFolded, analysed.Titled.FoldedTokens()), new TextField(TextExact, analysed.Searched.ExactTokens()),
            new TextField(TextFolded, analysed.Searched.FoldedTokens()));

    /// <summary>The stored text, the title's searched words and all searched words.</summary>
    private static (string Text, string Titled, string Searched) Texts(SearchDocument source)
    {
        var text = source.Text.Length > MaxTextLength ? source.Text[..MaxTextLength] : source.Text;
        // The title is part of the searched text, so matching needs one field per word, not a disjunction of two: over
        // 100,000 documents that is the difference between 5 and 35 ms. The title's own fields rank.
        var searched = source.Title + "\n" + text;
        // Keywords are what editors expect people to type ("sổ đỏ", "già làng"): they rank like the title.
        var titled = source.Keywords.Length == 0 ? source.Title : source.Title + "\n" + source.Keywords;
        return (text, titled, searched);
    }

    private static Document ToLucene(SearchDocument source, string text, Field titleExact, Field titleFolded, Field textExact, Field textFolded)
    {
        var document = new Document
        {
            new StringField(Key, KeyText(source.Key), Field.Store.YES),
            new StringField(Type, source.ContentTypeAlias, Field.Store.YES),
            new SortedDocValuesField(Type, new BytesRef(source.ContentTypeAlias)),
            new StringField(Year, source.Date.Year.ToString(CultureInfo.InvariantCulture), Field.Store.NO),
            new SortedDocValuesField(Year, new BytesRef(source.Date.Year.ToString(CultureInfo.InvariantCulture))),
            new NumericDocValuesField(Date, source.Date.Ticks),
            new StoredField(Date, source.Date.Ticks),
            new StringField(Published, source.Published ? "y" : "n", Field.Store.YES),
            new StoredField(Title, source.Title),
            titleExact,
            titleFolded,
            new StoredField(Text, text),
            textExact,
            textFolded,
            new StoredField(Url, source.Url),
            new StoredField(Path, source.Path),
        };
        if (!string.IsNullOrEmpty(source.Summary))
        {
            document.Add(new StoredField(Summary, source.Summary));
        }

        if (source.UnitKey is { } unit)
        {
            document.Add(new StringField(Unit, KeyText(unit), Field.Store.YES));
            document.Add(new SortedDocValuesField(Unit, new BytesRef(KeyText(unit))));
        }

        foreach (var ancestor in source.Path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            document.Add(new StringField(Ancestor, ancestor, Field.Store.NO));
        }

        foreach (var code in source.Codes.Where(c => c.Length > 0).Select(c => c.ToLowerInvariant()).Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(Code, code, Field.Store.YES));
        }

        return document;
    }
}

/// <summary>A document ready to be written: its stored text and its title and searched texts already analysed.</summary>
internal sealed record AnalysedDocument(SearchDocument Source, string Text, AnalysedText Titled, AnalysedText Searched);
