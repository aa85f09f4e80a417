using System.Runtime.CompilerServices;
using Portal.Core.Events;
using Portal.Data.Search;

namespace Portal.Infrastructure.Search;

/// <summary>The backoffice index: every document outside the recycle bin, in the edition its editors work on.</summary>
internal sealed class BackofficeIndexFeed(SearchSourceQueries queries) : IIndexFeed
{
    /// <summary>Where the backoffice edits a document (the content section's editor).</summary>
    public static string EditorUrl(Guid key) => $"/umbraco/noi-dung/{key}";

    public IEnumerable<IndexChange> ChangesFor(ContentEvent contentEvent) => contentEvent switch
    {
        DocumentCreated or DraftSaved or DraftDiscarded or EditionScheduled or EditionPublished or EditionUnpublished
            or EditionSentForApproval or EditionRejected => [new IndexChange(ChangeScope.Document, contentEvent.DocumentKey)],
        // Paths below a moved document change; trash and restore take a subtree out of the backoffice's search and back.
        DocumentMoved or DocumentTrashed or DocumentRestored => [new IndexChange(ChangeScope.Subtree, contentEvent.DocumentKey)],
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
                target.Delete(key);
            }

            return;
        }

        var subtree = change.Scope == ChangeScope.Subtree;
        if (subtree)
        {
            target.DeleteSubtree(change.Key);
        }
        else
        {
            target.Delete(change.Key);
        }

        if (await queries.PathAsync(change.Key, cancellationToken) is not { } path)
        {
            return;
        }

        await foreach (var row in queries.WorkingAsync(path, subtree, cancellationToken))
        {
            target.Put(Document(row));
        }
    }

    public async IAsyncEnumerable<SearchDocument> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in queries.WorkingAsync(null, subtree: true, cancellationToken))
        {
            yield return Document(row);
        }
    }

    /// <summary>Every document's working and published edition in one read (a rebuild of both indexes).</summary>
    public IAsyncEnumerable<SearchSourceEditions> EditionsAsync(CancellationToken cancellationToken) => queries.EditionsAsync(cancellationToken);

    public Task<int> ExpectedCountAsync(CancellationToken cancellationToken) => queries.WorkingCountAsync(cancellationToken);

    /// <summary>The backoffice's copy of a document's working edition.</summary>
    public static SearchDocument Document(SearchSourceRow row) =>
        SearchDocumentFactory.Create(row.Key, row.Path, row.ContentTypeAlias, row.Name, row.Values, row.CreatedAt, row.UnitKey,
            EditorUrl(row.Key), row.Published);
}
