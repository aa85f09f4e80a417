using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Events;
using Portal.Infrastructure.Caching;

namespace Portal.Web.Features.OutputCaching;

/// <summary>
/// Evicts the output cache after this node's route tree has applied an event (it is registered after the tree),
/// so a request that misses afterwards renders from the new tree.
/// </summary>
/// <remarks>
/// With the Redis store every node evicts the same tags, although one eviction would empty the shared store: a node
/// that has not yet applied the event still renders from its old tree, and may store such a page after the first
/// node evicted. Its own eviction, after its tree caught up, removes that page. Evicting twice costs nothing.
/// </remarks>
internal sealed class OutputCacheEvictor(ContentCacheEviction eviction, IOutputCacheStore store, OutputCacheEvictionSnapshots snapshots)
    : IContentEventConsumer
{
    public string Name => "output-cache";

    public ConsumerScope Scope => ConsumerScope.Node;

    public async Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken)
    {
        var tags = new HashSet<string>(await eviction.TagsAsync(contentEvent, cancellationToken), StringComparer.Ordinal);
        tags.UnionWith(snapshots.Peek(contentEvent));
        foreach (var tag in tags)
        {
            await store.EvictByTagAsync(tag, cancellationToken);
        }

        // Forgotten only once evicted: a failed eviction is retried by the dispatcher with the old place still known.
        snapshots.Forget(contentEvent);
    }
}

/// <summary>
/// Reads the tags an event evicts from the tree before the tree applies it (it is registered before the tree):
/// an unpublish or trash removes the document's old place, old edition and descendants from the tree.
/// </summary>
internal sealed class OutputCacheEvictionSnapshot(ContentCacheEviction eviction, OutputCacheEvictionSnapshots snapshots) : IContentEventConsumer
{
    public string Name => "output-cache-before";

    public ConsumerScope Scope => ConsumerScope.Node;

    public async Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken) =>
        snapshots.Add(contentEvent, await eviction.TagsAsync(contentEvent, cancellationToken));
}

/// <summary>
/// The tags read before the tree moved, waiting for the evictor. The dispatcher hands each consumer a whole batch in
/// turn, so "before" means before the batch; the union with "after" covers every state in between except a document
/// whose place changed twice within one batch without an event naming the middle place (moves name both parents).
/// </summary>
internal sealed class OutputCacheEvictionSnapshots
{
    private readonly ConcurrentDictionary<string, HashSet<string>> pending = new(StringComparer.Ordinal);

    public void Add(ContentEvent contentEvent, IReadOnlySet<string> tags)
    {
        if (tags.Count == 0)
        {
            return;
        }

        pending.AddOrUpdate(KeyOf(contentEvent), _ => new HashSet<string>(tags, StringComparer.Ordinal), (_, existing) =>
        {
            lock (existing)
            {
                existing.UnionWith(tags);
            }

            return existing;
        });
    }

    public IReadOnlyCollection<string> Peek(ContentEvent contentEvent)
    {
        if (!pending.TryGetValue(KeyOf(contentEvent), out var tags))
        {
            return [];
        }

        lock (tags)
        {
            return tags.ToList();
        }
    }

    public void Forget(ContentEvent contentEvent) => pending.TryRemove(KeyOf(contentEvent), out _);

    /// <summary>Each consumer deserialises its own copy of an event, so they meet on what the event says, not on the instance.</summary>
    private static string KeyOf(ContentEvent contentEvent) => contentEvent switch
    {
        EditionPublished e => $"{nameof(EditionPublished)}:{e.DocumentKey:N}:{e.EditionNumber}",
        EditionUnpublished e => $"{nameof(EditionUnpublished)}:{e.DocumentKey:N}:{e.EditionNumber}",
        DocumentMoved e => $"{nameof(DocumentMoved)}:{e.DocumentKey:N}:{e.OldParentKey:N}:{e.NewParentKey:N}",
        DocumentsSorted e => $"{nameof(DocumentsSorted)}:{e.DocumentKey:N}:{string.Join(',', e.OrderedKeys.Select(k => k.ToString("N")))}",
        _ => $"{ContentEventTypes.NameOf(contentEvent)}:{contentEvent.DocumentKey:N}",
    };
}
