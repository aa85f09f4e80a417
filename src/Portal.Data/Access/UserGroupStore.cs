using Microsoft.EntityFrameworkCore;
using Portal.Core.Access;

namespace Portal.Data.Access;

public sealed class UserGroupStore(IDbContextFactory<PortalDbContext> contexts)
{
    public async Task<IReadOnlyList<UserGroup>> AllAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UserGroups.AsNoTracking().OrderBy(g => g.Alias).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UserGroup>> GroupsOfAsync(Guid userKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UserGroups.AsNoTracking()
            .Where(g => db.UserGroupMembers.Any(m => m.UserKey == userKey && m.GroupKey == g.Key))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Members of the given groups, each once, with their sign-in name and e-mail.</summary>
    public async Task<IReadOnlyList<GroupMember>> MembersOfAsync(IReadOnlyCollection<Guid> groupKeys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => db.UserGroupMembers.Any(m => m.UserKey == u.Id && groupKeys.Contains(m.GroupKey)))
            .Select(u => new GroupMember(u.Id, u.UserName ?? string.Empty, u.Email, u.DisplayName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Puts the user in exactly these groups.</summary>
    public async Task SetGroupsAsync(Guid userKey, IReadOnlyCollection<Guid> groupKeys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = await db.UserGroupMembers.Where(m => m.UserKey == userKey).ToListAsync(cancellationToken);
        db.UserGroupMembers.RemoveRange(current.Where(m => !groupKeys.Contains(m.GroupKey)));
        db.UserGroupMembers.AddRange(groupKeys.Where(k => current.TrueForAll(m => m.GroupKey != k)).Select(k => new UserGroupMember(userKey, k)));
        await db.SaveChangesAsync(cancellationToken);
    }
}

public sealed record GroupMember(Guid UserKey, string UserName, string? Email, string DisplayName);
