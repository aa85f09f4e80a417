using System.Runtime.CompilerServices;
using Portal.Core.Events;
using Portal.Data.Content;
using Portal.Data.Search;
using Portal.Infrastructure.Procedures;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Infrastructure.Search;

/// <summary>
/// The public index: every published page a visitor can reach (every ancestor live too), as the route tree sees it.
/// The route tree is a node consumer registered before the indexes, so it has applied an event before they see it.
/// </summary>
internal sealed class PublicIndexFeed(PublishedRouteTree routes, PublishedContentCache contents, SearchSourceQueries queries) : IIndexFeed
{
    /// <summary>Types that are not answers to a search: the search page itself.</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "searchPage" };

    public IEnumerable<IndexChange> ChangesFor(ContentEvent contentEvent) => contentEvent switch
    {
        // Publishing a parent can bring back children that were out of reach; unpublishing takes them away.
        EditionPublished or EditionUnpublished or DocumentMoved or DocumentTrashed or DocumentRestored => [new IndexChange(ChangeScope.Subtree, contentEvent.DocumentKey)],
        DocumentDeleted deleted => [new IndexChange(ChangeScope.Removed, deleted.DocumentKey, deleted.DeletedKeys)],
        ContentBulkLoaded => [new IndexChange(ChangeScope.Everything, contentEvent.DocumentKey)],
        _ => [],
    };

    public async Task ApplyAsync(IndexGeneration target, IndexChange change, CancellationToken cancellationToken)
    {
        if (change.Scope == ChangeScope.Removed)
        {
            foreach (var key in change.Keys ?? [change.Key])
            {
                target.DeleteSubtree(key);
            }

            return;
        }

        target.DeleteSubtree(change.Key);
        if (routes.Find(change.Key) is not { } top)
        {
            return;
        }

        var setUrl = ProcedureCatalog.SetUrl(routes);
        foreach (var node in routes.DescendantsOf(change.Key).Prepend(top))
        {
            if (Skipped.Contains(node.ContentTypeAlias) || routes.UrlOf(node.Key) is not { } url
                || await contents.GetAsync(node, cancellationToken) is not { } content)
            {
                continue;
            }

            target.Put(Document(node, content.Values, PathOf(node), url, setUrl));
        }
    }

    public async IAsyncEnumerable<SearchDocument> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reachable = routes.Reachable().Where(r => !Skipped.Contains(r.Node.ContentTypeAlias)).ToDictionary(r => r.Node.Key);
        var setUrl = ProcedureCatalog.SetUrl(routes);
        await foreach (var row in queries.PublishedAsync(cancellationToken))
        {
            if (reachable.TryGetValue(row.Key, out var live))
            {
                yield return Document(live.Node, row.Values, row.Path, live.Url, setUrl);
            }
        }
    }

    public Task<int> ExpectedCountAsync(CancellationToken cancellationToken) =>
        Task.FromResult(routes.Reachable().Count(r => !Skipped.Contains(r.Node.ContentTypeAlias)));

    private string PathOf(PublishedNode node) =>
        "/" + string.Concat(routes.AncestorsOf(node.Key).Select(a => a.Key.ToString("N") + "/")) + node.Key.ToString("N") + "/";

    private static SearchDocument Document(PublishedNode node, IReadOnlyDictionary<string, string> values, string path, string url, string? setUrl)
    {
        var address = node.ContentTypeAlias == Core.Procedures.ProcedureAliases.ProcedureType
            ? ProcedureCatalog.PublicUrl(values.GetValueOrDefault(Core.Procedures.ProcedureAliases.Code)?.Trim() ?? string.Empty, setUrl, url)
            : url;
        return SearchDocumentFactory.Create(node.Key, path, node.ContentTypeAlias, node.Name, values, node.CreatedAt, node.UnitKey, address, published: true);
    }
}
