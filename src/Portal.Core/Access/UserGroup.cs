namespace Portal.Core.Access;

/// <summary>
/// What its members may do: which backoffice sections they open, which permissions they hold by default, and
/// below which start nodes. Granular permissions on a node replace the defaults for that node's subtree.
/// </summary>
public sealed class UserGroup
{
    public const string AdministratorsAlias = "administrators";

    private readonly List<NodePermission> nodePermissions = [];

    private UserGroup()
    {
        Alias = string.Empty;
        Name = string.Empty;
    }

    public UserGroup(Guid key, string alias, string name, IEnumerable<string> sections, Permission permissions,
        bool hasRootAccess, IEnumerable<Guid> startNodeKeys, Guid? unitKey = null)
    {
        Key = key;
        Alias = alias;
        Name = name;
        Sections = sections.Distinct(StringComparer.Ordinal).ToList();
        Permissions = permissions;
        HasRootAccess = hasRootAccess;
        StartNodeKeys = startNodeKeys.Distinct().ToList();
        UnitKey = unitKey;
    }

    public Guid Key { get; private set; }

    /// <summary>Stable name used by code and configuration, for example <c>unit-so-noi-vu-editors</c>.</summary>
    public string Alias { get; private set; }

    /// <summary>Vietnamese name shown in the backoffice.</summary>
    public string Name { get; private set; }

    public List<string> Sections { get; private set; } = [];

    /// <summary>Permissions on every node the group reaches, unless a granular permission says otherwise.</summary>
    public Permission Permissions { get; private set; }

    /// <summary>Reaches the whole tree, and may create at its root.</summary>
    public bool HasRootAccess { get; private set; }

    public List<Guid> StartNodeKeys { get; private set; } = [];

    /// <summary>The unit whose editors or approvers this group is, when it is one of a unit's two groups.</summary>
    public Guid? UnitKey { get; private set; }

    public IReadOnlyList<NodePermission> NodePermissions => nodePermissions;

    public bool IsAdministrators => Alias == AdministratorsAlias;

    public void Change(string name, IEnumerable<string> sections, Permission permissions, bool hasRootAccess, IEnumerable<Guid> startNodeKeys)
    {
        Name = name;
        Sections = sections.Distinct(StringComparer.Ordinal).ToList();
        Permissions = permissions;
        HasRootAccess = hasRootAccess;
        StartNodeKeys = startNodeKeys.Distinct().ToList();
    }

    /// <summary>Sets the group's permissions on one node and its subtree; <see cref="Permission.None"/> there is a deny.</summary>
    public void SetNodePermission(Guid documentKey, Permission permissions)
    {
        nodePermissions.RemoveAll(p => p.DocumentKey == documentKey);
        nodePermissions.Add(new NodePermission(documentKey, permissions));
    }

    public void ClearNodePermission(Guid documentKey) => nodePermissions.RemoveAll(p => p.DocumentKey == documentKey);

    public bool AllowsSection(string section) => IsAdministrators || Sections.Contains(section, StringComparer.Ordinal);

    /// <summary>The group's permissions on the document at <paramref name="path"/> (<c>/k1/k2/</c>), or at the root when null.</summary>
    public Permission On(string? path)
    {
        if (path is null)
        {
            return HasRootAccess ? Permissions : Permission.None;
        }

        if (!Reaches(path))
        {
            return Permission.None;
        }

        // The granular permission nearest the node wins, as inheritance down the tree means.
        NodePermission? nearest = null;
        var nearestAt = -1;
        foreach (var granular in nodePermissions)
        {
            var at = path.IndexOf(granular.DocumentKey.ToString("N"), StringComparison.Ordinal);
            if (at > nearestAt)
            {
                nearest = granular;
                nearestAt = at;
            }
        }

        return nearest?.Permissions ?? Permissions;
    }

    public bool Reaches(string path) =>
        HasRootAccess || StartNodeKeys.Exists(k => path.Contains(k.ToString("N"), StringComparison.Ordinal));
}

public sealed record NodePermission(Guid DocumentKey, Permission Permissions);
