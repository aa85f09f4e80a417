namespace Portal.Data.Access;

/// <summary>One user in one group; a user's reach is the union of their groups'.</summary>
public sealed class UserGroupMember(Guid userKey, Guid groupKey)
{
    public Guid UserKey { get; private set; } = userKey;
    public Guid GroupKey { get; private set; } = groupKey;
}
