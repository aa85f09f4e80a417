using Portal.Core.Content;

namespace Portal.Core.Access;

/// <summary>
/// The one answer to "may this actor do this here": the union over the actor's groups of each group's
/// permissions on the node. Every workflow verb asks it before it changes anything.
/// </summary>
public static class ContentAccess
{
    /// <summary>Permissions on the node at <paramref name="path"/>; null means the root of the tree.</summary>
    public static Permission On(Actor actor, string? path)
    {
        if (actor.IsSystem)
        {
            return Permission.All;
        }

        var permissions = Permission.None;
        foreach (var group in actor.Groups)
        {
            permissions |= group.On(path);
        }

        return permissions;
    }

    public static bool Permits(Actor actor, Permission permission, Document document) => Permits(actor, permission, document.Path);

    public static bool Permits(Actor actor, Permission permission, string? path) => (On(actor, path) & permission) == permission;

    /// <summary>Creating needs the Create permission on the parent, or at the root for a top-level page.</summary>
    public static bool PermitsCreateUnder(Actor actor, Document? parent) => Permits(actor, Permission.Create, parent?.Path);

    /// <summary>
    /// Nodes the actor's tree starts from: empty with <paramref name="wholeTree"/> true when a group reaches the
    /// root; otherwise the union of the groups' start nodes.
    /// </summary>
    public static IReadOnlyList<Guid> StartNodes(Actor actor, out bool wholeTree)
    {
        wholeTree = actor.IsSystem || actor.Groups.Any(g => g.HasRootAccess);
        return wholeTree ? [] : actor.Groups.SelectMany(g => g.StartNodeKeys).Distinct().ToList();
    }
}
