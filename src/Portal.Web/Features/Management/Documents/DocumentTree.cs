using Portal.Core.Access;

namespace Portal.Web.Features.Management.Documents;

/// <summary>A tree row and whether its reader may open it (false: shown only as the way down to a start node).</summary>
internal sealed record VisibleNode(TreeNode Node, bool NoAccess);

/// <summary>
/// The document tree as one actor sees it, for the Management API and the backoffice alike. An actor whose groups do
/// not reach the whole tree starts at their start nodes; below that, nodes they may not browse are left out, except
/// the ancestors of a start node, which are shown without access so the way down stays visible.
/// </summary>
internal sealed class DocumentTree(DocumentQueries queries)
{
    public async Task<IReadOnlyList<VisibleNode>> RootAsync(Actor actor, CancellationToken cancellationToken)
    {
        var startNodes = ContentAccess.StartNodes(actor, out var wholeTree);
        if (wholeTree)
        {
            return Visible(await queries.ChildrenAsync(null, cancellationToken), actor, [], alwaysShown: false);
        }

        // A start node inside another start node's subtree is reached from that one; listing it twice would confuse.
        var starts = await queries.NodesAsync(startNodes, cancellationToken);
        var topMost = starts.Where(n => !starts.Any(other => IsBelow(n, other))).ToList();
        return Visible(topMost, actor, starts, alwaysShown: true);
    }

    public async Task<IReadOnlyList<VisibleNode>> ChildrenAsync(Guid parentKey, Actor actor, CancellationToken cancellationToken)
    {
        var startNodes = ContentAccess.StartNodes(actor, out var wholeTree);
        var children = await queries.ChildrenAsync(parentKey, cancellationToken);
        return Visible(children, actor, wholeTree ? [] : await queries.NodesAsync(startNodes, cancellationToken), alwaysShown: false);
    }

    /// <param name="alwaysShown">The candidates are the actor's start nodes: shown even where a granular permission denies browsing.</param>
    private static List<VisibleNode> Visible(IReadOnlyList<TreeNode> candidates, Actor actor, IReadOnlyList<TreeNode> startNodes, bool alwaysShown)
    {
        var visible = new List<VisibleNode>(candidates.Count);
        foreach (var node in candidates)
        {
            if (ContentAccess.Permits(actor, Permission.Browse, node.Path))
            {
                visible.Add(new VisibleNode(node, false));
            }
            else if (alwaysShown || startNodes.Any(start => start.Key != node.Key && IsBelow(start, node)))
            {
                visible.Add(new VisibleNode(node, true));
            }
        }

        return visible;
    }

    private static bool IsBelow(TreeNode node, TreeNode ancestor) =>
        node.Path.StartsWith(ancestor.Path, StringComparison.Ordinal) && node.Key != ancestor.Key;
}
