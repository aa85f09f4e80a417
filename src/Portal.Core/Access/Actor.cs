namespace Portal.Core.Access;

/// <summary>
/// Who performs a verb: a backoffice user or API user with the groups they belong to, or the system itself
/// (importer, scheduler), which holds every permission. The IP address goes into the timeline.
/// </summary>
public sealed class Actor
{
    /// <summary>The name the timeline and the audit log show for <see cref="Anonymous"/>.</summary>
    public const string AnonymousName = "anonymous";

    private Actor(string name, Guid? userKey, IReadOnlyList<UserGroup> groups, string? ipAddress, bool isSystem)
    {
        Name = name;
        UserKey = userKey;
        Groups = groups;
        IpAddress = ipAddress;
        IsSystem = isSystem;
    }

    /// <summary>What the timeline shows: the user's sign-in name, or the name of the system task.</summary>
    public string Name { get; }
    public Guid? UserKey { get; }
    public IReadOnlyList<UserGroup> Groups { get; }
    public string? IpAddress { get; }
    public bool IsSystem { get; }

    public bool IsAdministrator => IsSystem || Groups.Any(g => g.IsAdministrators);

    public static Actor System(string name) => new(name, null, [], null, isSystem: true);

    /// <summary>
    /// Someone who has not signed in, such as a failed sign-in attempt: no groups, no permissions, but an address the
    /// audit log can show. Never <see cref="System"/>, which would hold every permission.
    /// </summary>
    public static Actor Anonymous(string? ipAddress) => new(AnonymousName, null, [], ipAddress, isSystem: false);

    public static Actor User(Guid userKey, string name, IReadOnlyList<UserGroup> groups, string? ipAddress) =>
        new(name, userKey, groups, ipAddress, isSystem: false);

    public bool AllowsSection(string section) => IsSystem || Groups.Any(g => g.AllowsSection(section));
}
