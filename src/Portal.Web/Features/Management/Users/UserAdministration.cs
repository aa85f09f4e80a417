using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Access;
using Portal.Core.Text;
using Portal.Data;
using Portal.Data.Access;
using Portal.Data.Audit;
using Portal.Data.Users;
using Portal.Web.Features.Management.Documents;
using Portal.Web.Features.Users;

namespace Portal.Web.Features.Management.Users;

/// <summary>
/// Backoffice users as the Management API manages them. Only actors whose groups open the Users section come here, and
/// someone who is not an administrator may neither touch an administrator's account nor hand out a group they are not
/// in themselves, so the section cannot be used to climb above one's own rights. Each change commits together with
/// its audit entry.
/// </summary>
internal sealed class UserAdministration(UserManager<BackofficeUser> users, PortalDbContext db, TimeProvider clock)
{
    /// <summary>Removed API users are locked until <see cref="DateTimeOffset.MaxValue"/>, which has no later Vietnam time to show.</summary>
    private static readonly DateTimeOffset Forever = DateTimeOffset.MaxValue - VietnamTime.Offset;

    /// <param name="groupKey">Only the members of this group, when given.</param>
    public async Task<PagedResponse<UserResponse>> PageAsync(int skip, int take, Guid? groupKey, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (groupKey is { } key)
        {
            users = users.Where(u => db.UserGroupMembers.Any(m => m.UserKey == u.Id && m.GroupKey == key));
        }

        var total = await users.CountAsync(cancellationToken);
        var page = await users.OrderBy(u => u.UserName).ThenBy(u => u.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return new PagedResponse<UserResponse>(total, await ResponsesAsync(page, cancellationToken));
    }

    public async Task<UserResponse?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        return user is null ? null : (await ResponsesAsync([user], cancellationToken))[0];
    }

    public async Task<(UserAdministrationStatus Status, Guid Id, string? Password, string? Detail)> CreateAsync(CreateUserRequest request, Actor actor,
        CancellationToken cancellationToken)
    {
        var email = request.Email?.Trim() ?? string.Empty;
        var name = request.Name?.Trim() ?? string.Empty;
        var userName = string.IsNullOrWhiteSpace(request.UserName) ? email : request.UserName.Trim();
        var groupKeys = (request.UserGroupIds ?? []).Select(g => g.Id).Distinct().ToList();
        UserAdministrationStatus? refused =
            string.Equals(request.Kind, "Api", StringComparison.OrdinalIgnoreCase) ? UserAdministrationStatus.ApiUsersFromConfiguration
            : !IsEmail(email) ? UserAdministrationStatus.InvalidEmail
            : name.Length is 0 or > 200 ? UserAdministrationStatus.NameRequired
            : groupKeys.Count == 0 ? UserAdministrationStatus.UserGroupRequired
            : request.Id is { } id && await db.Users.AnyAsync(u => u.Id == id, cancellationToken) ? UserAdministrationStatus.IdInUse
            : await users.FindByEmailAsync(email) is not null ? UserAdministrationStatus.DuplicateEmail
            : await users.FindByNameAsync(userName) is not null ? UserAdministrationStatus.DuplicateUserName
            : await CheckGroupsAsync(groupKeys, actor, cancellationToken);
        if (refused is { } status && status != UserAdministrationStatus.Success)
        {
            return (status, Guid.Empty, null, null);
        }

        var password = InitialPasswords.Generate();
        var user = new BackofficeUser
        {
            Id = request.Id ?? Guid.NewGuid(),
            UserName = userName,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Kind = UserKind.Person,
            LockoutEnabled = true,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            var invalidName = created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidUserName));
            return (invalidName ? UserAdministrationStatus.InvalidUserName : UserAdministrationStatus.InvalidEmail, Guid.Empty, null,
                invalidName ? null : string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        db.UserGroupMembers.AddRange(groupKeys.Select(k => new UserGroupMember(user.Id, k)));
        Audit(actor, user.Id, AuditActions.UserCreated, $"{email}; nhóm: {await AliasesAsync(groupKeys, cancellationToken)}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (UserAdministrationStatus.Success, user.Id, password, null);
    }

    /// <summary>Puts every listed user in exactly the listed groups.</summary>
    public async Task<UserAdministrationStatus> SetGroupsAsync(IReadOnlyCollection<Guid> userIds, IReadOnlyCollection<Guid> groupKeys, Actor actor,
        CancellationToken cancellationToken)
    {
        var targets = await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
        if (userIds.Count == 0 || targets.Count != userIds.Count)
        {
            return UserAdministrationStatus.NotFound;
        }

        var refused = await CheckGroupsAsync(groupKeys, actor, cancellationToken);
        if (refused == UserAdministrationStatus.Success)
        {
            refused = await CheckTargetsAsync(targets, actor, cancellationToken);
        }

        if (refused != UserAdministrationStatus.Success)
        {
            return refused;
        }

        var administrators = await AdministratorsKeyAsync(cancellationToken);
        // A person must stay: API users in the group cannot sign in to put one back.
        if (!groupKeys.Contains(administrators) && !await db.UserGroupMembers.AnyAsync(m => m.GroupKey == administrators
                && !targets.Contains(m.UserKey) && db.Users.Any(u => u.Id == m.UserKey && u.Kind == UserKind.Person), cancellationToken))
        {
            return UserAdministrationStatus.LastAdministrator;
        }

        var aliases = await AliasesAsync(groupKeys, cancellationToken);
        var current = await db.UserGroupMembers.Where(m => targets.Contains(m.UserKey)).ToListAsync(cancellationToken);
        db.UserGroupMembers.RemoveRange(current.Where(m => !groupKeys.Contains(m.GroupKey)));
        foreach (var user in targets)
        {
            db.UserGroupMembers.AddRange(groupKeys.Where(k => !current.Exists(m => m.UserKey == user && m.GroupKey == k))
                .Select(k => new UserGroupMember(user, k)));
            Audit(actor, user, AuditActions.UserGroupsSet, $"Nhóm: {aliases}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return UserAdministrationStatus.Success;
    }

    /// <summary>Ends a lock-out and forgets the failed attempts that led to it.</summary>
    public Task<UserAdministrationStatus> UnlockAsync(IReadOnlyCollection<Guid> userIds, Actor actor, CancellationToken cancellationToken) =>
        ForEachAsync(userIds, actor, AuditActions.UserUnlocked, async user =>
        {
            var note = user.LockoutEnd is { } end && end > clock.GetUtcNow()
                ? "Bị khóa đến " + VietnamTime.FromUtc(end.UtcDateTime).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)
                : $"{user.AccessFailedCount} lần đăng nhập sai được xóa";
            // Set directly: Identity's setter refuses accounts whose lock-out is switched off, which have nothing to undo anyway.
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            Check(await users.UpdateAsync(user));
            return note;
        }, cancellationToken);

    /// <summary>
    /// A new security stamp: every backoffice cookie of the person is refused at its next check
    /// (<c>Portal:Security:SessionCheckInterval</c>), and they must sign in again.
    /// </summary>
    public Task<UserAdministrationStatus> RevokeSessionsAsync(Guid id, Actor actor, CancellationToken cancellationToken) =>
        ForEachAsync([id], actor, AuditActions.SessionsRevoked, async user =>
        {
            Check(await users.UpdateSecurityStampAsync(user));
            return null;
        }, cancellationToken, personsOnly: true);

    private async Task<UserAdministrationStatus> ForEachAsync(IReadOnlyCollection<Guid> userIds, Actor actor, string action,
        Func<BackofficeUser, Task<string?>> change, CancellationToken cancellationToken, bool personsOnly = false)
    {
        var targets = await db.Users.Where(u => userIds.Contains(u.Id)).ToListAsync(cancellationToken);
        if (userIds.Count == 0 || targets.Count != userIds.Distinct().Count())
        {
            return UserAdministrationStatus.NotFound;
        }

        if (personsOnly && targets.Exists(u => u.Kind == UserKind.Api))
        {
            return UserAdministrationStatus.ApiUserHasNoSessions;
        }

        var refused = await CheckTargetsAsync(targets.Select(u => u.Id).ToList(), actor, cancellationToken);
        if (refused != UserAdministrationStatus.Success)
        {
            return refused;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var user in targets)
        {
            Audit(actor, user.Id, action, await change(user));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UserAdministrationStatus.Success;
    }

    /// <summary>Whether every group exists and the actor may hand it out (administrators any, others only their own).</summary>
    public async Task<UserAdministrationStatus> CheckGroupsAsync(IReadOnlyCollection<Guid> groupKeys, Actor actor, CancellationToken cancellationToken)
    {
        var known = await db.UserGroups.CountAsync(g => groupKeys.Contains(g.Key), cancellationToken);
        if (known != groupKeys.Count)
        {
            return UserAdministrationStatus.UnknownUserGroup;
        }

        return actor.IsAdministrator || groupKeys.All(k => actor.Groups.Any(g => g.Key == k))
            ? UserAdministrationStatus.Success
            : UserAdministrationStatus.NotYourGroup;
    }

    /// <summary>Whether the actor may change these users: only administrators may change an administrator.</summary>
    public async Task<UserAdministrationStatus> CheckTargetsAsync(IReadOnlyCollection<Guid> userIds, Actor actor, CancellationToken cancellationToken)
    {
        if (actor.IsAdministrator)
        {
            return UserAdministrationStatus.Success;
        }

        var administrators = await AdministratorsKeyAsync(cancellationToken);
        return await db.UserGroupMembers.AnyAsync(m => m.GroupKey == administrators && userIds.Contains(m.UserKey), cancellationToken)
            ? UserAdministrationStatus.AdministratorsOnly
            : UserAdministrationStatus.Success;
    }

    private Task<Guid> AdministratorsKeyAsync(CancellationToken cancellationToken) =>
        db.UserGroups.Where(g => g.Alias == UserGroup.AdministratorsAlias).Select(g => g.Key).SingleAsync(cancellationToken);

    private async Task<string> AliasesAsync(IReadOnlyCollection<Guid> groupKeys, CancellationToken cancellationToken) =>
        string.Join(", ", (await db.UserGroups.Where(g => groupKeys.Contains(g.Key)).Select(g => g.Alias).ToListAsync(cancellationToken))
            .Order(StringComparer.Ordinal));

    private async Task<List<UserResponse>> ResponsesAsync(IReadOnlyList<BackofficeUser> page, CancellationToken cancellationToken)
    {
        var ids = page.Select(u => u.Id).ToList();
        var administrators = await AdministratorsKeyAsync(cancellationToken);
        var memberships = await db.UserGroupMembers.AsNoTracking().Where(m => ids.Contains(m.UserKey)).ToListAsync(cancellationToken);

        // A person signs in as themselves, so their sign-ins are found through the indexed actor key.
        var lastSignIns = await db.AuditLog.AsNoTracking()
            .Where(a => a.ActorKey != null && ids.Contains(a.ActorKey.Value) && a.Action == AuditActions.SignedIn)
            .GroupBy(a => a.ActorKey!.Value)
            .Select(g => new { User = g.Key, At = g.Max(a => a.At) })
            .ToDictionaryAsync(x => x.User, x => x.At, cancellationToken);
        var now = clock.GetUtcNow();
        return page.Select(u =>
        {
            var groups = memberships.Where(m => m.UserKey == u.Id).Select(m => m.GroupKey).ToList();
            var lockedUntil = u.LockoutEnd > now ? u.LockoutEnd : null;
            return new UserResponse(u.Id, u.Email ?? string.Empty, u.UserName ?? string.Empty, u.DisplayName,
                groups.Select(g => new ReferenceById(g)).ToList(), lockedUntil is null ? "Active" : "LockedOut",
                u.Kind == UserKind.Api ? "Api" : "Default", VietnamTime.WithOffset(u.CreatedAt), u.AccessFailedCount,
                lockedUntil is { } until && until < Forever ? until.ToOffset(VietnamTime.Offset) : lockedUntil, u.TwoFactorEnabled, groups.Contains(administrators),
                lastSignIns.TryGetValue(u.Id, out var signedIn) ? VietnamTime.WithOffset(signedIn) : null);
        }).ToList();
    }

    private void Audit(Actor actor, Guid userKey, string action, string? note) =>
        db.AuditLog.Add(new AuditEntry(actor, AuditEntityTypes.User, userKey, action, clock.GetUtcNow().UtcDateTime, note));

    private static bool IsEmail(string email) =>
        email.Length is > 0 and <= 256 && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email;

    /// <summary>Identity refuses these only when the database itself fails, which is no expected outcome.</summary>
    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
