using Lucene.Net.Index;
using Lucene.Net.Search;
using Portal.Core.Access;
using Portal.Core.Search;
using Portal.Infrastructure.Search.Analysis;

namespace Portal.Infrastructure.Search;

/// <summary>
/// Searches of the backoffice: drafts too, only below the actor's start nodes (in the query itself) and only what their
/// groups let them browse (checked on each hit). While the index is being built the answer is empty and says so.
/// </summary>
public sealed class BackofficeSearch
{
    private readonly SearchIndexes indexes;
    private readonly SearchQueryBuilder queries;
    private readonly SearchResultsBuilder results;

    internal BackofficeSearch(SearchIndexes indexes, SearchQueryBuilder queries, SearchResultsBuilder results)
    {
        this.indexes = indexes;
        this.queries = queries;
        this.results = results;
    }

    public Task<SearchResults> SearchAsync(SearchRequest request, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (queries.Build(SearchInput.Parse(request.Text)) is not { } query)
        {
            return Task.FromResult(SearchResults.Empty);
        }

        var startNodes = ContentAccess.StartNodes(actor, out var wholeTree);
        if (!wholeTree && startNodes.Count == 0)
        {
            return Task.FromResult(SearchResults.Empty);
        }

        BooleanQuery? below = null;
        if (!wholeTree)
        {
            below = [];
            foreach (var start in startNodes)
            {
                below.Add(new TermQuery(new Term(SearchFields.Ancestor, SearchFields.KeyText(start))), Occur.SHOULD);
            }
        }

        var page = indexes.Backoffice?.Search(searcher =>
            IndexQueryRunner.Run(searcher, new IndexQuery(query, request, below, path => ContentAccess.Permits(actor, Permission.Browse, path))));
        return Task.FromResult(page is null
            ? SearchResults.Empty with { Degraded = true }
            : results.Build(page, query.Match, request));
    }
}
