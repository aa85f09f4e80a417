using System.Runtime.CompilerServices;
using Portal.Core.Events;
using Portal.Data.Content;
using Portal.Data.Search;
using Portal.Infrastructure.Procedures;
using Portal.Infrastructure.PublishedCache;
using Portal.Infrastructure.Search.Analysis;

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
        var reachable = Indexed().ToDictionary(r => r.Node.Key);
        var setUrl = ProcedureCatalog.SetUrl(routes);
        await foreach (var row in queries.PublishedAsync(cancellationToken))
        {
            if (reachable.TryGetValue(row.Key, out var live))
            {
                yield return Document(live.Node, row.Values, row.Path, live.Url, setUrl);
            }
        }
    }

    /// <summary>
    /// For a full rebuild reading both indexes' editions at once: the site's copy of a published row, or null when no
    /// visitor can reach it. Given the backoffice's copy of the same edition, only the address differs, so its analysis is reused.
    /// </summary>
    public Func<SearchSourceRow, AnalysedDocument?, AnalysedDocument?> Rebuilding()
    {
        var reachable = Indexed().ToDictionary(r => r.Node.Key);
        var setUrl = ProcedureCatalog.SetUrl(routes);
        return (row, backoffice) =>
        {
            if (!reachable.TryGetValue(row.Key, out var live))
            {
                return null;
            }

            var node = live.Node;
            return backoffice is not null && node.ContentTypeAlias == row.ContentTypeAlias && node.Name == row.Name && node.CreatedAt == row.CreatedAt
                && node.UnitKey == row.UnitKey
                    ? SearchFields.At(backoffice, Address(node, row.Values, live.Url, setUrl))
                    : SearchFields.Analyse(Document(node, row.Values, row.Path, live.Url, setUrl));
        };
    }

    public Task<int> ExpectedCountAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Indexed().Count());

    /// <summary>The live pages this index holds: every reachable page but the skipped types.</summary>
    private IEnumerable<(PublishedNode Node, string Url)> Indexed() => routes.Reachable().Where(r => !Skipped.Contains(r.Node.ContentTypeAlias));

    private string PathOf(PublishedNode node) =>
        "/" + string.Concat(routes.AncestorsOf(node.Key).Select(a => a.Key.ToString("N") + "/")) + node.Key.ToString("N") + "/";

    private static SearchDocument Document(PublishedNode node, IReadOnlyDictionary<string, string> values, string path, string url, string? setUrl) =>
        SearchDocumentFactory.Create(node.Key, path, node.ContentTypeAlias, node.Name, values, node.CreatedAt, node.UnitKey,
            Address(node, values, url, setUrl), published: true);

    private static string Address(PublishedNode node, IReadOnlyDictionary<string, string> values, string url, string? setUrl) =>
        node.ContentTypeAlias == Core.Procedures.ProcedureAliases.ProcedureType
            ? ProcedureCatalog.PublicUrl(values.GetValueOrDefault(Core.Procedures.ProcedureAliases.Code)?.Trim() ?? string.Empty, setUrl, url)
            : url;
}
