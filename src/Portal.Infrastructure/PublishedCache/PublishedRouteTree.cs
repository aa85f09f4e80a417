using Portal.Core.Events;
using Portal.Data.Content;

namespace Portal.Infrastructure.PublishedCache;

/// <summary>
/// Every live document in memory, with the children of each and the URL segment that reaches it. Built
/// from the database at start, then kept current by content events. A document is reachable only when
/// every ancestor is live too.
/// </summary>
public sealed class PublishedRouteTree(PublishedContentQueries queries) : IContentEventConsumer
{
    private readonly Lock sync = new();
    private Dictionary<Guid, PublishedNode> nodes = [];
    private Dictionary<Guid, List<PublishedNode>> children = [];

    public string Name => "published-routes";

    /// <summary>Changes with every applied event: a page's HTTP validator, since any publish can change any list.</summary>
    public long Version => Interlocked.Read(ref version);

    public DateTime LastChangedAt { get; private set; } = DateTime.UtcNow;

    // A random start keeps validators from one process run from matching those of the next.
    private long version = Random.Shared.NextInt64(1, long.MaxValue / 2);

    public ConsumerScope Scope => ConsumerScope.Node;

    public int Count
    {
        get
        {
            lock (sync)
            {
                return nodes.Count;
            }
        }
    }

    public TimeSpan LastRebuildQuery { get; private set; }

    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var rows = await queries.LiveNodesAsync(cancellationToken);
        LastRebuildQuery = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var fresh = new Dictionary<Guid, PublishedNode>(rows.Count);
        foreach (var row in rows)
        {
            fresh[row.Key] = row;
        }

        var freshChildren = BuildChildren(fresh.Values);
        lock (sync)
        {
            nodes = fresh;
            children = freshChildren;
        }

        Changed();
    }

    /// <summary>The site's home: the first live root document.</summary>
    public PublishedNode? Root
    {
        get
        {
            lock (sync)
            {
                return children.TryGetValue(Guid.Empty, out var roots) && roots.Count > 0 ? roots[0] : null;
            }
        }
    }

    public PublishedNode? Find(Guid key)
    {
        lock (sync)
        {
            return nodes.GetValueOrDefault(key);
        }
    }

    /// <summary>The live documents at the top of the tree, in sort order (each one a site's start item).</summary>
    public IReadOnlyList<PublishedNode> Roots => ChildrenOf(Guid.Empty);

    /// <summary>Resolves a URL path such as <c>/chuyen-trang-cchc/ten-bai/</c> below the home page.</summary>
    public PublishedNode? Resolve(string path) => Resolve(path, null);

    /// <summary>Resolves a URL path below the given start item (a root), or below the home page when it is null.</summary>
    public PublishedNode? Resolve(string path, Guid? startItemKey)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        lock (sync)
        {
            if (!children.TryGetValue(Guid.Empty, out var roots) || roots.Count == 0)
            {
                return null;
            }

            var current = startItemKey is { } startKey ? roots.Find(r => r.Key == startKey) : roots[0];
            if (current is null)
            {
                return null;
            }

            foreach (var segment in segments)
            {
                if (!children.TryGetValue(current.Key, out var below))
                {
                    return null;
                }

                var next = below.Find(n => string.Equals(n.UrlSegment, segment, StringComparison.OrdinalIgnoreCase));
                if (next is null)
                {
                    return null;
                }

                current = next;
            }

            return current;
        }
    }

    /// <summary>The public URL, with leading and trailing slash as Umbraco writes routes; null when an ancestor is not live.</summary>
    public string? UrlOf(Guid key) => RouteOf(key, allRoots: false);

    /// <summary>The route below the document's own root (Delivery API <c>route.path</c>), for every root, not only the home page.</summary>
    public string? RouteBelowRoot(Guid key) => RouteOf(key, allRoots: true);

    private string? RouteOf(Guid key, bool allRoots)
    {
        lock (sync)
        {
            var segments = new Stack<string>();
            var current = nodes.GetValueOrDefault(key);
            while (current is not null)
            {
                if (current.ParentKey is not { } parentKey)
                {
                    // A root's own segment never appears in its site's URLs; the first root is the public site's home.
                    return allRoots || IsFirstRoot(current) ? "/" + string.Concat(segments.Select(s => s + "/")) : null;
                }

                segments.Push(current.UrlSegment);
                current = nodes.GetValueOrDefault(parentKey);
            }

            return null;
        }
    }

    public IReadOnlyList<PublishedNode> ChildrenOf(Guid key)
    {
        lock (sync)
        {
            return children.TryGetValue(key, out var list) ? list.ToList() : [];
        }
    }

    /// <summary>Live, reachable documents below <paramref name="key"/> (depth first, in sort order) that match the filter.</summary>
    public IReadOnlyList<PublishedNode> DescendantsOf(Guid key, Func<PublishedNode, bool>? filter = null)
    {
        lock (sync)
        {
            var found = new List<PublishedNode>();
            var pending = new Stack<PublishedNode>();
            PushChildren(key, pending);
            while (pending.TryPop(out var node))
            {
                if (filter is null || filter(node))
                {
                    found.Add(node);
                }

                PushChildren(node.Key, pending);
            }

            return found;
        }
    }

    /// <summary>Every reachable live document with its URL, from the home page down (sitemap, feeds).</summary>
    public IReadOnlyList<(PublishedNode Node, string Url)> Reachable()
    {
        var root = Root;
        if (root is null)
        {
            return [];
        }

        var all = new List<PublishedNode> { root };
        all.AddRange(DescendantsOf(root.Key));
        return all.Select(n => (n, UrlOf(n.Key))).Where(p => p.Item2 is not null).Select(p => (p.n, p.Item2!)).ToList();
    }

    /// <summary>From the home page down to the parent of <paramref name="key"/>.</summary>
    public IReadOnlyList<PublishedNode> AncestorsOf(Guid key)
    {
        lock (sync)
        {
            var ancestors = new List<PublishedNode>();
            var current = nodes.GetValueOrDefault(key);
            while (current?.ParentKey is { } parentKey && nodes.TryGetValue(parentKey, out var parent))
            {
                ancestors.Add(parent);
                current = parent;
            }

            ancestors.Reverse();
            return ancestors;
        }
    }

    public async Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken)
    {
        switch (contentEvent)
        {
            case EditionPublished or EditionUnpublished:
                ReplaceSubtree(contentEvent.DocumentKey, await queries.LiveSubtreeAsync(contentEvent.DocumentKey, cancellationToken), onlyRoot: true);
                break;
            case DocumentMoved or DocumentTrashed or DocumentRestored:
                ReplaceSubtree(contentEvent.DocumentKey, await queries.LiveSubtreeAsync(contentEvent.DocumentKey, cancellationToken), onlyRoot: false);
                break;
            case DocumentsSorted sorted:
                foreach (var key in sorted.OrderedKeys)
                {
                    ReplaceSubtree(key, await queries.LiveSubtreeAsync(key, cancellationToken), onlyRoot: true);
                }

                break;
            case ContentBulkLoaded:
                await RebuildAsync(cancellationToken);
                break;
        }

        Changed();
    }

    private void ReplaceSubtree(Guid key, List<PublishedNode> liveRows, bool onlyRoot)
    {
        lock (sync)
        {
            if (onlyRoot)
            {
                RemoveNode(key);
                if (liveRows.Find(r => r.Key == key) is { } row)
                {
                    AddNode(row);
                }

                return;
            }

            foreach (var stale in SubtreeKeys(key))
            {
                RemoveNode(stale);
            }

            foreach (var row in liveRows.OrderBy(r => r.Level))
            {
                AddNode(row);
            }
        }
    }

    private void Changed()
    {
        Interlocked.Increment(ref version);
        LastChangedAt = DateTime.UtcNow;
    }

    private void PushChildren(Guid key, Stack<PublishedNode> pending)
    {
        if (children.TryGetValue(key, out var below))
        {
            for (var i = below.Count - 1; i >= 0; i--)
            {
                pending.Push(below[i]);
            }
        }
    }

    private List<Guid> SubtreeKeys(Guid key)
    {
        var keys = new List<Guid>();
        var pending = new Stack<Guid>();
        pending.Push(key);
        while (pending.TryPop(out var current))
        {
            if (nodes.ContainsKey(current))
            {
                keys.Add(current);
            }

            if (children.TryGetValue(current, out var below))
            {
                foreach (var child in below)
                {
                    pending.Push(child.Key);
                }
            }
        }

        return keys;
    }

    private void RemoveNode(Guid key)
    {
        if (nodes.Remove(key, out var removed) && children.TryGetValue(removed.ParentKey ?? Guid.Empty, out var siblings))
        {
            siblings.RemoveAll(n => n.Key == key);
        }
    }

    private void AddNode(PublishedNode node)
    {
        nodes[node.Key] = node;
        var parent = node.ParentKey ?? Guid.Empty;
        if (!children.TryGetValue(parent, out var siblings))
        {
            siblings = [];
            children[parent] = siblings;
        }

        var index = siblings.FindIndex(n => n.SortOrder > node.SortOrder);
        siblings.Insert(index < 0 ? siblings.Count : index, node);
    }

    private bool IsFirstRoot(PublishedNode node) =>
        children.TryGetValue(Guid.Empty, out var roots) && roots.Count > 0 && roots[0].Key == node.Key;

    private static Dictionary<Guid, List<PublishedNode>> BuildChildren(IEnumerable<PublishedNode> all)
    {
        var map = new Dictionary<Guid, List<PublishedNode>>();
        foreach (var node in all)
        {
            var parent = node.ParentKey ?? Guid.Empty;
            if (!map.TryGetValue(parent, out var list))
            {
                list = [];
                map[parent] = list;
            }

            list.Add(node);
        }

        foreach (var list in map.Values)
        {
            list.Sort((a, b) => a.SortOrder != b.SortOrder ? a.SortOrder.CompareTo(b.SortOrder) : a.Key.CompareTo(b.Key));
        }

        return map;
    }

}
