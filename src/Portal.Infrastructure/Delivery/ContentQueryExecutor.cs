using System.Collections.Concurrent;
using System.Globalization;
using Portal.Core.Procedures;
using Portal.Infrastructure.Procedures;
using Portal.Core.Text;
using Portal.Data.Content;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Infrastructure.Delivery;

public sealed record ContentQueryResult(int Total, IReadOnlyList<PublishedNode> Items);

/// <summary>
/// Runs Delivery API queries over the in-memory tree of live documents. Umbraco answers them from an Examine
/// index; here the tree is the index: a snapshot of every reachable document in tree order, rebuilt once per
/// change, then filtered and sorted; the ordered answer is kept with the snapshot, so paging is a slice.
/// </summary>
public sealed class ContentQueryExecutor(PublishedRouteTree routes)
{
    private static readonly CompareInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;
    private readonly Lock sync = new();
    private TreeSnapshot snapshot = new(-1, [], new Dictionary<Guid, int>(), new Dictionary<string, List<PublishedNode>>(), new Dictionary<Guid, Guid>(),
        new ConcurrentDictionary<string, IReadOnlyList<PublishedNode>>());

    /// <param name="drafts">In preview, documents whose current edition is not live: they replace or join the live ones.</param>
    /// <param name="procedures">The published procedures, needed only when the query filters on procedure facts or units.</param>
    public ContentQueryResult Run(ContentQuery query, PublishedNode? startItem, DeliveryExposure exposure, IReadOnlyList<PreviewDocument> drafts,
        ProcedureCatalogSnapshot? procedures = null)
    {
        var tree = Snapshot();

        // Paging through one list, or the first request after an output-cache eviction, asks the same question of
        // the same tree again: the ordered answer is kept until the tree changes. Preview reads drafts from the
        // database, not the tree, so it is always worked out.
        // A procedure's status also turns with the calendar and with decisions, so its answers are keyed to the catalog too.
        var memoKey = drafts.Count == 0 ? MemoKey(query, startItem, exposure) + "|" + ProceduresMemo(procedures) : null;
        if (memoKey is null || !tree.Answers.TryGetValue(memoKey, out var ordered))
        {
            ordered = OrderedMatches(query, startItem, exposure, drafts, tree, procedures);
            if (memoKey is not null && tree.Answers.Count < MaxRememberedAnswers)
            {
                tree.Answers.TryAdd(memoKey, ordered);
            }
        }

        var skip = Math.Max(0, query.Skip);
        var take = Math.Max(0, query.Take);
        var page = skip >= ordered.Count || take == 0 ? [] : ordered.Skip(skip).Take(take).ToList();
        return new ContentQueryResult(ordered.Count, page);
    }

    // A snapshot is replaced whenever a procedure or decision changes, and carries the day its statuses were worked out for.
    private static string ProceduresMemo(ProcedureCatalogSnapshot? procedures) => procedures is null
        ? "-"
        : $"{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(procedures)}:{procedures.Today:yyyyMMdd}";

    // A long answer holds up to 100,000 references (800 KB): a few lists, not one per made-up query.
    private const int MaxRememberedAnswers = 16;

    private static string MemoKey(ContentQuery query, PublishedNode? startItem, DeliveryExposure exposure) =>
        string.Join('|', startItem?.Key.ToString("N") ?? "-", query.Selector?.Kind.ToString() ?? "-", query.Selector?.Target ?? "-",
            string.Join(',', query.Filters.Select(f => $"{f.Field}{f.Operator}{string.Join(';', f.Values)}")),
            string.Join(',', query.Sorts.Select(s => $"{s.Field}{s.Descending}")), exposure.Signature);

    /// <summary>Every match in the requested order (tree order when no sort is given).</summary>
    private List<PublishedNode> OrderedMatches(ContentQuery query, PublishedNode? startItem, DeliveryExposure exposure,
        IReadOnlyList<PreviewDocument> drafts, TreeSnapshot tree, ProcedureCatalogSnapshot? procedures)
    {
        var candidates = Candidates(query.Selector, query.Filters, startItem, tree);
        if (drafts.Count > 0)
        {
            candidates = WithDrafts(candidates, query.Selector, startItem, drafts, tree);
        }

        var unitMembers = UnitMembers(query.Filters, candidates, procedures);
        var matches = new List<PublishedNode>();
        foreach (var node in candidates)
        {
            if (exposure.Exposes(node.ContentTypeAlias) && MatchesAll(query.Filters, node, unitMembers, procedures))
            {
                matches.Add(node);
            }
        }

        return query.Sorts.Count > 0 ? SortByKeys(matches, query.Sorts, tree.Order) : matches;
    }

    /// <summary>Finds a selector's or a start item's target: a GUID key, or a URL path below the start item.</summary>
    public PublishedNode? Find(string target, PublishedNode? startItem) =>
        Guid.TryParse(target, out var key) ? routes.Find(key) : routes.Resolve(target, startItem?.Key);

    private IReadOnlyList<PublishedNode> Candidates(ContentSelector? selector, IReadOnlyList<ContentFilter> filters, PublishedNode? startItem,
        TreeSnapshot tree)
    {
        if (selector is null)
        {
            // One content type asked for (the common case): start from that type's documents, not the whole tree.
            var all = filters.Where(f => f.Field == FilterField.ContentType && f.Operator == FilterOperator.Is).ToList() is [var only]
                ? OfTypes(only.Values, tree)
                : tree.Nodes;
            return startItem is null ? all : all.Where(n => tree.RootOf.GetValueOrDefault(n.Key) == startItem.Key).ToList();
        }

        var target = Find(selector.Target, startItem);
        if (target is null || !tree.Order.ContainsKey(target.Key))
        {
            return [];
        }

        return selector.Kind switch
        {
            SelectorKind.Children => routes.ChildrenOf(target.Key),
            SelectorKind.Descendants => routes.DescendantsOf(target.Key),
            _ => routes.AncestorsOf(target.Key),
        };
    }

    private List<PublishedNode> WithDrafts(IReadOnlyList<PublishedNode> live, ContentSelector? selector, PublishedNode? startItem,
        IReadOnlyList<PreviewDocument> drafts, TreeSnapshot tree)
    {
        var byKey = drafts.ToDictionary(d => d.Node.Key);
        var merged = live.Select(n => byKey.TryGetValue(n.Key, out var draft) ? draft.Node : n).ToList();
        var present = merged.Select(n => n.Key).ToHashSet();
        var target = selector is null ? null : Find(selector.Target, startItem);
        foreach (var draft in drafts.Where(d => !present.Contains(d.Node.Key)))
        {
            var root = draft.AncestorKeys.Count > 0 ? draft.AncestorKeys[0] : draft.Node.Key;
            var belongs = selector?.Kind switch
            {
                null => startItem is null || root == startItem.Key,
                SelectorKind.Children => target is not null && draft.Node.ParentKey == target.Key,
                SelectorKind.Descendants => target is not null && draft.AncestorKeys.Contains(target.Key),
                _ => false,
            };
            if (belongs)
            {
                merged.Add(draft.Node);
            }
        }

        // Tree order for the newcomers: after their parent's live children, by sort order.
        return merged.OrderBy(n => tree.Order.TryGetValue(n.Key, out var index) ? index : ParentIndex(n, tree))
            .ThenBy(n => n.SortOrder).ToList();
    }

    private static int ParentIndex(PublishedNode node, TreeSnapshot tree) =>
        node.ParentKey is { } parent && tree.Order.TryGetValue(parent, out var index) ? index : int.MaxValue;

    private static List<PublishedNode> OfTypes(IReadOnlyList<string> aliases, TreeSnapshot tree)
    {
        if (aliases is [var alias])
        {
            return tree.ByType.GetValueOrDefault(alias) ?? [];
        }

        return aliases.Distinct(StringComparer.OrdinalIgnoreCase).SelectMany(a => tree.ByType.GetValueOrDefault(a) ?? [])
            .OrderBy(n => tree.Order[n.Key]).ToList();
    }

    /// <summary>
    /// Documents that belong to the units a <c>unit:</c> filter names: each unit's own subtree, plus the items
    /// elsewhere (the CCHC column) whose <c>unit</c> picker names it, which the route tree carries, and the procedures
    /// the unit performs at any level.
    /// </summary>
    private HashSet<Guid>? UnitMembers(IReadOnlyList<ContentFilter> filters, IReadOnlyList<PublishedNode> candidates,
        ProcedureCatalogSnapshot? procedures)
    {
        var units = filters.Where(f => f.Field == FilterField.Unit).SelectMany(f => f.Keys).ToHashSet();
        if (units.Count == 0)
        {
            return null;
        }

        var members = new HashSet<Guid>();
        foreach (var unit in units)
        {
            members.UnionWith(routes.DescendantsOf(unit).Select(n => n.Key));
        }

        members.UnionWith(candidates.Where(n => n.UnitKey is { } unit && units.Contains(unit)).Select(n => n.Key));
        if (procedures is not null)
        {
            foreach (var unit in units)
            {
                members.UnionWith(procedures.ForUnit(unit).Select(p => p.Key));
            }
        }

        return members;
    }

    private static bool MatchesAll(IReadOnlyList<ContentFilter> filters, PublishedNode node, HashSet<Guid>? unitMembers,
        ProcedureCatalogSnapshot? procedures)
    {
        for (var i = 0; i < filters.Count; i++)
        {
            if (!Matches(filters[i], node, unitMembers, procedures))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Matches(ContentFilter filter, PublishedNode node, HashSet<Guid>? unitMembers, ProcedureCatalogSnapshot? procedures) =>
        filter.Field switch
    {
        FilterField.ContentType => AnyEquals(filter.Values, node.ContentTypeAlias) == (filter.Operator == FilterOperator.Is),
        FilterField.Name => NameContainsAny(node.Name, filter.Values) == (filter.Operator == FilterOperator.Contains),
        FilterField.CreateDate => CompareDate(node.CreatedAt, filter),
        FilterField.UpdateDate => CompareDate(node.UpdatedAt, filter),
        FilterField.ParentId => (node.ParentKey is { } parent && filter.Keys.Contains(parent)) == (filter.Operator == FilterOperator.Is),
        FilterField.Level => filter.Numbers.Contains(node.Level) == (filter.Operator == FilterOperator.Is),
        FilterField.Unit => unitMembers!.Contains(node.Key) == (filter.Operator == FilterOperator.Is),
        FilterField.ProcedureField or FilterField.ProcedureLevel or FilterField.OnlineLevel or FilterField.Postal or FilterField.ProcedureStatus =>
            MatchesProcedure(filter, node.ContentTypeAlias == ProcedureAliases.ProcedureType ? procedures?.FindByKey(node.Key) : null)
                == (filter.Operator == FilterOperator.Is),
        _ => false,
    };

    private static bool MatchesProcedure(ContentFilter filter, ProcedureEntry? procedure) => procedure is not null && filter.Field switch
    {
        FilterField.ProcedureField => filter.Values.Any(v => ProcedureFilterValues.Same(v, procedure.Field)),
        FilterField.ProcedureLevel => filter.Values.Any(v => procedure.Levels.Any(level => ProcedureFilterValues.Same(v, level))),
        FilterField.OnlineLevel => filter.Values.Any(v => ProcedureFilterValues.Same(v, procedure.OnlineLevel)),
        FilterField.Postal => filter.Values.Any(v => bool.Parse(v) == procedure.Postal),
        FilterField.ProcedureStatus => filter.Values.Any(v => ProcedureFilterValues.Status(v) == procedure.Status),
        _ => false,
    };

    /// <summary>Whether answering needs the procedure catalog: procedure facts, or a unit (units perform procedures).</summary>
    public static bool NeedsProcedures(ContentQuery query) => query.Filters.Any(f => f.Field is FilterField.Unit or FilterField.ProcedureField
        or FilterField.ProcedureLevel or FilterField.OnlineLevel or FilterField.Postal or FilterField.ProcedureStatus);

    // Plain loops: a lambda here would capture the node and allocate on every call, 100,000 times per query.
    private static bool AnyEquals(IReadOnlyList<string> values, string alias)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], alias, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NameContainsAny(string name, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (Vietnamese.IndexOf(name, VietnameseText.Nfc(values[i]), CompareOptions.IgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Filter dates are wall-clock times in Vietnam, as the API writes them; stored instants are UTC.</summary>
    private static bool CompareDate(DateTime utc, ContentFilter filter)
    {
        var bound = VietnamTime.ToUtc(filter.Date!.Value);
        return filter.Operator switch
        {
            FilterOperator.GreaterThan => utc > bound,
            FilterOperator.GreaterThanOrEqual => utc >= bound,
            FilterOperator.LessThan => utc < bound,
            FilterOperator.LessThanOrEqual => utc <= bound,
            _ => false,
        };
    }

    private TreeSnapshot Snapshot()
    {
        var version = routes.Version;
        lock (sync)
        {
            if (snapshot.Version == version)
            {
                return snapshot;
            }
        }

        var nodes = new List<PublishedNode>();
        var rootOf = new Dictionary<Guid, Guid>();
        foreach (var root in routes.Roots)
        {
            var start = nodes.Count;
            nodes.Add(root);
            nodes.AddRange(routes.DescendantsOf(root.Key));
            for (var i = start; i < nodes.Count; i++)
            {
                rootOf[nodes[i].Key] = root.Key;
            }
        }

        var order = new Dictionary<Guid, int>(nodes.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            order[nodes[i].Key] = i;
        }

        var byType = nodes.GroupBy(n => n.ContentTypeAlias, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var fresh = new TreeSnapshot(version, nodes, order, byType, rootOf, new ConcurrentDictionary<string, IReadOnlyList<PublishedNode>>());
        lock (sync)
        {
            snapshot = fresh;
        }

        return fresh;
    }

    private sealed record TreeSnapshot(long Version, IReadOnlyList<PublishedNode> Nodes, IReadOnlyDictionary<Guid, int> Order,
        IReadOnlyDictionary<string, List<PublishedNode>> ByType, IReadOnlyDictionary<Guid, Guid> RootOf,
        ConcurrentDictionary<string, IReadOnlyList<PublishedNode>> Answers);

    /// <summary>
    /// A stable sort on keys read once per document (dates as ticks, names as vi-VN sort keys): matches arrive in
    /// tree order, so equal keys stay in tree order, and the comparisons touch keys, not scattered objects.
    /// </summary>
    private static List<PublishedNode> SortByKeys(List<PublishedNode> nodes, IReadOnlyList<ContentSort> sorts, IReadOnlyDictionary<Guid, int> order)
    {
        IOrderedEnumerable<PublishedNode>? sorted = null;
        foreach (var sort in sorts)
        {
            if (sort.Field == SortField.Name)
            {
                Func<PublishedNode, SortKey> name = n => Vietnamese.GetSortKey(n.Name, CompareOptions.IgnoreCase);
                sorted = sorted is null
                    ? sort.Descending ? nodes.OrderByDescending(name, SortKeys) : nodes.OrderBy(name, SortKeys)
                    : sort.Descending ? sorted.ThenByDescending(name, SortKeys) : sorted.ThenBy(name, SortKeys);
                continue;
            }

            Func<PublishedNode, long> number = sort.Field switch
            {
                SortField.CreateDate => n => n.CreatedAt.Ticks,
                SortField.UpdateDate => n => n.UpdatedAt.Ticks,
                SortField.Level => n => n.Level,
                SortField.SortOrder => n => n.SortOrder,
                _ => n => order.GetValueOrDefault(n.Key, int.MaxValue),
            };
            sorted = sorted is null
                ? sort.Descending ? nodes.OrderByDescending(number) : nodes.OrderBy(number)
                : sort.Descending ? sorted.ThenByDescending(number) : sorted.ThenBy(number);
        }

        return sorted is null ? nodes : sorted.ToList();
    }

    private static readonly IComparer<SortKey> SortKeys = Comparer<SortKey>.Create(SortKey.Compare);
}
