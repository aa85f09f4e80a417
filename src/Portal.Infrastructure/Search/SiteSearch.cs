using Lucene.Net.Index;
using Lucene.Net.Search;
using Portal.Core.Procedures;
using Portal.Core.Search;
using Portal.Core.Text;
using Portal.Infrastructure.PublishedCache;
using Portal.Infrastructure.Search.Analysis;

namespace Portal.Infrastructure.Search;

/// <summary>
/// Searches of the public site: published, reachable pages only. While the public index is being built or healed, titles
/// are matched in memory instead (<see cref="SearchResults.Degraded"/>), so the search page never goes down with its index.
/// </summary>
public sealed class SiteSearch
{
    private readonly SearchIndexes indexes;
    private readonly PublishedRouteTree routes;
    private readonly SearchQueryBuilder queries;
    private readonly SearchResultsBuilder results;

    internal SiteSearch(SearchIndexes indexes, PublishedRouteTree routes, SearchQueryBuilder queries, SearchResultsBuilder results)
    {
        this.indexes = indexes;
        this.routes = routes;
        this.queries = queries;
        this.results = results;
    }

    public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = SearchInput.Parse(request.Text);
        if (queries.Build(input) is not { } query)
        {
            return Task.FromResult(SearchResults.Empty);
        }

        var page = indexes.Public?.Search(searcher => IndexQueryRunner.Run(searcher, new IndexQuery(query, request)));
        return Task.FromResult(page is null ? MatchTitles(input, request) : results.Build(page, query.Match, request));
    }

    /// <summary>Titles starting with what was typed so far (the last word may be unfinished), best first.</summary>
    public Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string? text, int take, CancellationToken cancellationToken)
    {
        var input = SearchInput.Parse(text);
        IReadOnlyList<SearchSuggestion> found = queries.BuildPrefix(input) is { } query
            ? indexes.Public?.Search(searcher => searcher.Search(query, Math.Clamp(take, 1, 20)).ScoreDocs
                .Select(d => IndexQueryRunner.Read(searcher, d)).Select(h => new SearchSuggestion(h.Title, h.Url)).ToList()) ?? []
            : [];
        return Task.FromResult(found);
    }

    /// <summary>Keys of published procedures matching the text, best first; null while the index is not ready.</summary>
    public IReadOnlyList<Guid>? MatchProcedures(string text)
    {
        if (queries.Build(SearchInput.Parse(text)) is not { } query)
        {
            return [];
        }

        var procedures = new QueryWrapperFilter(new TermQuery(new Term(SearchFields.Type, ProcedureAliases.ProcedureType)));
        return indexes.Public?.Search(searcher => IndexQueryRunner.Keys(searcher, query.Combined, procedures, max: 10_000));
    }

    /// <summary>The stand-in while the index is unavailable: every word in the title, with or without diacritics, newest first.</summary>
    private SearchResults MatchTitles(SearchInput input, SearchRequest request)
    {
        var words = VietnameseText.Fold(input.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var matches = routes.Reachable()
            .Where(r => r.Node.ContentTypeAlias != "searchPage" && Array.TrueForAll(words, w => VietnameseText.Fold(r.Node.Name).Contains(w, StringComparison.Ordinal)))
            .OrderByDescending(r => r.Node.CreatedAt)
            .ToList();
        var size = Math.Clamp(request.PageSize, 1, 100);
        var pageCount = Math.Max(1, (matches.Count + size - 1) / size);
        var page = Math.Clamp(request.Page, 1, pageCount);
        var hits = matches.Skip((page - 1) * size).Take(size).Select(r => new SearchHit(r.Node.Key, r.Node.Name, SearchHighlighter.Encode(r.Node.Name),
            string.Empty, r.Url, r.Node.ContentTypeAlias, r.Node.CreatedAt, r.Node.UnitKey, null, string.Empty, true, 0)).ToList();
        return new SearchResults(hits, page, pageCount, matches.Count, new Dictionary<SearchFacet, IReadOnlyList<SearchFacetValue>>(), Degraded: true);
    }
}
