using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Portal.Core.Search;
using Portal.Infrastructure.Search.Analysis;

namespace Portal.Infrastructure.Search;

/// <summary>
/// What is matched and how matches are ranked. <see cref="Match"/> decides which documents are results (cheap enough to
/// run over every document); <see cref="Bonus"/> re-ranks the best of them (exact spellings, words side by side, all
/// words in the title), which would cost too much over tens of thousands of matches. <see cref="InTitle"/> (every part in
/// the title or keywords) picks the candidates when nearly every document matches and the text cannot tell them apart.
/// </summary>
internal sealed record SearchQuery(Query Match, Query? Bonus, Query? InTitle = null)
{
    /// <summary>Both in one query, for small sets (the procedure finder) and for highlighting.</summary>
    public Query Combined => Bonus is null ? Match : new BooleanQuery { { Match, Occur.MUST }, { Bonus, Occur.SHOULD } };
}

/// <summary>
/// Builds Lucene queries from what a person typed, never through a query parser: every word must occur (in the title or
/// the text, with or without diacritics), quoted phrases must stand together, a synonym's other forms count as the word,
/// a procedure code also matches whole. When the input carries diacritics the exact spelling ranks above the folded one.
/// </summary>
internal sealed class SearchQueryBuilder
{
    private const float TitleBoost = 3f;
    private const float ExactBoost = 2f;
    private const float CodeBoost = 20f;

    private readonly Analyzer analyzer = SearchFields.CreateAnalyzer();

    /// <summary>The query for the input; null when it holds no word at all.</summary>
    public SearchQuery? Build(SearchInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var exactRanksFirst = input.HasDiacritics;
        var match = new BooleanQuery();
        // Each bonus a document earns adds to its score; the few it earns must not be scaled down by the many it does not.
        var bonus = new BooleanQuery(disableCoord: true);
        var loose = new List<string>();
        var looseExact = new List<string>();
        // Every part found in the title (a synonym by any of its forms): the page is about what was asked, not merely mentioning it.
        var inTitle = new BooleanQuery { Boost = TitleBoost * 2 };
        // With diacritics typed: every word in its exact spelling somewhere. A page that has "gia" but not "già" ranks below one with both.
        var allExact = new BooleanQuery { Boost = ExactBoost * 2 };
        foreach (var part in input.Parts)
        {
            var folded = Tokens(SearchFields.TextFolded, part.Text);
            var exact = Tokens(SearchFields.TextExact, part.Text);
            if (folded.Count == 0 || folded.Count != exact.Count)
            {
                continue;
            }

            if (part.Phrase && folded.Count > 1)
            {
                match.Add(PhraseOn(SearchFields.TextFolded, folded, slop: 0, boost: 1f), Occur.MUST);
                bonus.Add(PhraseOn(SearchFields.TitleFolded, folded, slop: 0, boost: TitleBoost), Occur.SHOULD);
                inTitle.Add(PhraseOn(SearchFields.TitleFolded, folded, slop: 0, boost: 1f), Occur.MUST);
                if (exactRanksFirst)
                {
                    bonus.Add(PhraseOn(SearchFields.TitleExact, exact, slop: 0, boost: TitleBoost * ExactBoost), Occur.SHOULD);
                    bonus.Add(PhraseOn(SearchFields.TextExact, exact, slop: 0, boost: ExactBoost), Occur.SHOULD);
                }

                continue;
            }

            loose.AddRange(folded);
            looseExact.AddRange(exact);
            for (var i = 0; i < folded.Count;)
            {
                if (SearchSynonyms.Match(folded, i) is { } synonym)
                {
                    match.Add(Synonym(synonym.Group), Occur.MUST);
                    var anyForm = new DisjunctionMaxQuery(0f);
                    foreach (var form in synonym.Group)
                    {
                        anyForm.Add(PhraseOn(SearchFields.TitleFolded, form, slop: 0, boost: 1f));
                        if (form.Count > 1)
                        {
                            bonus.Add(FoldedPhrase([.. form]), Occur.SHOULD);
                        }
                    }

                    inTitle.Add(anyForm, Occur.MUST);
                    if (exactRanksFirst)
                    {
                        AddExact(bonus, exact.GetRange(i, synonym.Length));
                    }

                    i += synonym.Length;
                }
                else
                {
                    match.Add(Word(folded[i]), Occur.MUST);
                    bonus.Add(WordBonus(folded[i], exact[i], exactRanksFirst), Occur.SHOULD);
                    inTitle.Add(new TermQuery(new Term(SearchFields.TitleFolded, folded[i])), Occur.MUST);

                    i++;
                }
            }
        }

        if (match.Clauses.Count == 0)
        {
            return null;
        }

        if (inTitle.Clauses.Count >= 2)
        {
            bonus.Add(inTitle, Occur.SHOULD);
        }

        if (exactRanksFirst && allExact.Clauses.Count >= 2)
        {
            bonus.Add(allExact, Occur.SHOULD);
        }

        if (loose.Count >= 2)
        {
            // Words standing together in the order typed rank above the same words scattered.
            bonus.Add(PhraseOn(SearchFields.TitleFolded, loose, slop: 1, boost: TitleBoost * 2), Occur.SHOULD);
            bonus.Add(PhraseOn(SearchFields.TextFolded, loose, slop: 1, boost: 1.5f), Occur.SHOULD);
            if (exactRanksFirst)
            {
                // The words exactly as typed, side by side, wherever they stand: "sổ đỏ" in a keyword list beats "sổ" in a title.
                bonus.Add(PhraseOn(SearchFields.TitleExact, looseExact, slop: 0, boost: TitleBoost * ExactBoost * 2), Occur.SHOULD);
                bonus.Add(PhraseOn(SearchFields.TextExact, looseExact, slop: 0, boost: ExactBoost * 3), Occur.SHOULD);
            }
        }

        Query matching = match;
        var whole = input.Text.Trim().ToLowerInvariant();
        if (LooksLikeCode(whole))
        {
            // A full code such as 1.001193.000.00.00.H34 splits into several tokens; the code field holds it whole.
            var code = new TermQuery(new Term(SearchFields.Code, whole)) { Boost = CodeBoost };
            matching = new BooleanQuery { { match, Occur.SHOULD }, { code, Occur.SHOULD } };
        }

        var allInTitle = new BooleanQuery();
        foreach (var clause in inTitle.Clauses)
        {
            allInTitle.Add(clause.Query, Occur.MUST);
        }

        return new SearchQuery(matching, bonus.Clauses.Count == 0 ? null : bonus, allInTitle.Clauses.Count == 0 ? null : allInTitle);
    }

    /// <summary>Title words only, the last one possibly unfinished: what suggestions match.</summary>
    public Query? BuildPrefix(SearchInput input)
    {
        var words = input.Parts.SelectMany(p => Tokens(SearchFields.TitleFolded, p.Text)).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery();
        for (var i = 0; i < words.Count - 1; i++)
        {
            query.Add(new TermQuery(new Term(SearchFields.TitleFolded, words[i])), Occur.MUST);
        }

        query.Add(new PrefixQuery(new Term(SearchFields.TitleFolded, words[^1])), Occur.MUST);
        return query;
    }

    /// <summary>The tokens the field's analyzer makes of the text.</summary>
    public List<string> Tokens(string field, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }

    /// <summary>The word anywhere in the title or the text; a code-like word also as a whole procedure code.</summary>
    private static Query Word(string folded)
    {
        var word = new TermQuery(new Term(SearchFields.TextFolded, folded));
        return LooksLikeCode(folded)
            ? new DisjunctionMaxQuery(0.1f) { word, new TermQuery(new Term(SearchFields.Code, folded)) { Boost = CodeBoost } }
            : word;
    }

    /// <summary>The words side by side: in the title (ranked higher) or the text.</summary>
    private static DisjunctionMaxQuery FoldedPhrase(List<string> folded) => new(0.1f)
    {
        PhraseOn(SearchFields.TitleFolded, folded, slop: 0, boost: TitleBoost),
        PhraseOn(SearchFields.TextFolded, folded, slop: 0, boost: 1f),
    };

    /// <summary>
    /// Any form of the group: a one-word form as a word, a longer one by all its words (side by side ranks higher through
    /// the bonus; a phrase over every document would cost too much to decide matching).
    /// </summary>
    private static DisjunctionMaxQuery Synonym(IReadOnlyList<IReadOnlyList<string>> group)
    {
        var any = new DisjunctionMaxQuery(0.1f);
        foreach (var form in group)
        {
            if (form.Count == 1)
            {
                any.Add(Word(form[0]));
                continue;
            }

            var each = new BooleanQuery();
            foreach (var word in form)
            {
                each.Add(Word(word), Occur.MUST);
            }

            any.Add(each);
        }

        return any;
    }

    /// <summary>The best of: the word in the title, or (with diacritics typed) its exact spelling in the title or the text.</summary>
    private static DisjunctionMaxQuery WordBonus(string folded, string exact, bool exactRanksFirst)
    {
        var best = new DisjunctionMaxQuery(0.1f) { new TermQuery(new Term(SearchFields.TitleFolded, folded)) { Boost = TitleBoost } };
        if (exactRanksFirst)
        {
            best.Add(new TermQuery(new Term(SearchFields.TitleExact, exact)) { Boost = TitleBoost * ExactBoost });
            best.Add(new TermQuery(new Term(SearchFields.TextExact, exact)) { Boost = ExactBoost });
        }

        return best;
    }

    /// <summary>The spelling as typed, in the title or the text: what ranks "đường" above "Dương" for someone who typed the marks.</summary>
    private static void AddExact(BooleanQuery bonus, List<string> exact)
    {
        if (exact.Count == 1)
        {
            bonus.Add(new TermQuery(new Term(SearchFields.TitleExact, exact[0])) { Boost = TitleBoost * ExactBoost }, Occur.SHOULD);
            bonus.Add(new TermQuery(new Term(SearchFields.TextExact, exact[0])) { Boost = ExactBoost }, Occur.SHOULD);
            return;
        }

        bonus.Add(PhraseOn(SearchFields.TitleExact, exact, slop: 0, boost: TitleBoost * ExactBoost), Occur.SHOULD);
        bonus.Add(PhraseOn(SearchFields.TextExact, exact, slop: 0, boost: ExactBoost), Occur.SHOULD);
    }

    private static PhraseQuery PhraseOn(string field, IReadOnlyList<string> words, int slop, float boost)
    {
        var phrase = new PhraseQuery { Slop = slop, Boost = boost };
        foreach (var word in words)
        {
            phrase.Add(new Term(field, word));
        }

        return phrase;
    }

    /// <summary>Procedure codes: digits and dots, optionally a dotted suffix such as .H34 (1.001193, 2.000635.000.00.00.H34).</summary>
    private static bool LooksLikeCode(string text) =>
        text.Length is >= 5 and <= 40 && text.Contains('.', StringComparison.Ordinal) && char.IsAsciiDigit(text[0])
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '.');
}
