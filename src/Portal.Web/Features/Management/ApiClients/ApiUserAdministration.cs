using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Portal.Core.Access;
using Portal.Data;
using Portal.Data.Audit;
using Portal.Data.Users;
using Portal.Web.Features.Management.Users;

namespace Portal.Web.Features.Management.ApiClients;

/// <summary>Where an API user comes from, and so who may remove it.</summary>
internal enum ApiUserOrigin
{
    /// <summary><c>Portal:ApiClients</c>: applied at every start, removed by taking it out of the configuration.</summary>
    Configuration,

    /// <summary>Made by an administrator in the backoffice, removed there.</summary>
    Backoffice,

    /// <summary>Removed (its application is gone and it is locked out); kept for the history that names it.</summary>
    Removed,
}

internal sealed record ApiUserRow(Guid Id, string ClientId, IReadOnlyList<Guid> GroupKeys, ApiUserOrigin Origin, DateTime CreatedAt);

/// <summary>
/// API users made and removed in the backoffice, beside those of <c>Portal:ApiClients</c>. The rules are the user
/// administration's: a person who is not an administrator may hand out only their own groups and may not touch an API
/// user of the administrators. The secret is made here, returned once, and stored only as OpenIddict's hash.
/// </summary>
internal sealed partial class ApiUserAdministration(PortalDbContext db, IOpenIddictApplicationManager applications, ILookupNormalizer normalizer,
    UserAdministration users, TimeProvider clock)
{
    public async Task<IReadOnlyList<ApiUserRow>> ListAsync(CancellationToken cancellationToken)
    {
        var apiUsers = await db.Users.AsNoTracking().Where(u => u.Kind == UserKind.Api && u.ClientId != null)
            .OrderBy(u => u.ClientId).ToListAsync(cancellationToken);
        var ids = apiUsers.Select(u => u.Id).ToList();
        var memberships = await db.UserGroupMembers.AsNoTracking().Where(m => ids.Contains(m.UserKey)).ToListAsync(cancellationToken);
        var rows = new List<ApiUserRow>(apiUsers.Count);
        foreach (var user in apiUsers)
        {
            rows.Add(new ApiUserRow(user.Id, user.ClientId!, memberships.Where(m => m.UserKey == user.Id).Select(m => m.GroupKey).ToList(),
                await OriginAsync(user.ClientId!, cancellationToken), user.CreatedAt));
        }

        return rows;
    }

    /// <returns>The new user's id and its secret, which nobody can read again afterwards.</returns>
    public async Task<(UserAdministrationStatus Status, Guid Id, string? Secret)> CreateAsync(string? clientId, Guid? groupKey, Actor actor,
        CancellationToken cancellationToken)
    {
        clientId = clientId?.Trim() ?? string.Empty;
        if (!ClientIdPattern().IsMatch(clientId))
        {
            return (UserAdministrationStatus.InvalidClientId, Guid.Empty, null);
        }

        if (groupKey is not { } group)
        {
            return (UserAdministrationStatus.UserGroupRequired, Guid.Empty, null);
        }

        var refused = await users.CheckGroupsAsync([group], actor, cancellationToken);
        if (refused != UserAdministrationStatus.Success)
        {
            return (refused, Guid.Empty, null);
        }

        // A client removed earlier comes back under the same user, so its history stays in one place.
        var normalizedName = normalizer.NormalizeName(clientId);
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalizedName, cancellationToken);
        if ((user is not null && (user.Kind != UserKind.Api || user.ClientId != clientId))
            || await applications.FindByClientIdAsync(clientId, cancellationToken) is not null)
        {
            return (UserAdministrationStatus.DuplicateClientId, Guid.Empty, null);
        }

        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;

        // OpenIddict's store works on this same scoped context, so the application commits with the user or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await applications.CreateAsync(ApiClientAccounts.Describe(clientId, secret, fromBackoffice: true), cancellationToken);
        if (user is null)
        {
            user = ApiClientAccounts.NewUser(clientId, normalizer, now);
            db.Users.Add(user);
        }
        else
        {
            user.LockoutEnd = null;
        }

        await ApiClientAccounts.JoinOnlyAsync(db, user.Id, group, cancellationToken);
        var alias = await db.UserGroups.Where(g => g.Key == group).Select(g => g.Alias).SingleAsync(cancellationToken);
        db.AuditLog.Add(new AuditEntry(actor, AuditEntityTypes.User, user.Id, AuditActions.ApiClientCreated, now, $"Ứng dụng {clientId}; nhóm: {alias}"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (UserAdministrationStatus.Success, user.Id, secret);
    }

    /// <summary>Removes an API user made in the backoffice; configured ones are the configuration's to remove.</summary>
    public async Task<UserAdministrationStatus> RemoveAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return UserAdministrationStatus.NotFound;
        }

        if (user.Kind != UserKind.Api || user.ClientId is null)
        {
            return UserAdministrationStatus.NotAnApiUser;
        }

        var application = await applications.FindByClientIdAsync(user.ClientId, cancellationToken);
        if (application is null)
        {
            // Already removed: nothing left to do, and saying so is not an error.
            return UserAdministrationStatus.Success;
        }

        if (!await ApiClientAccounts.IsFromBackofficeAsync(applications, application, cancellationToken))
        {
            return UserAdministrationStatus.ApiUserConfigured;
        }

        var refused = await users.CheckTargetsAsync([id], actor, cancellationToken);
        if (refused != UserAdministrationStatus.Success)
        {
            return refused;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ApiClientAccounts.RemoveAsync(db, applications, application, user, actor, $"Ứng dụng {user.ClientId} được gỡ trong trang quản trị",
            clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UserAdministrationStatus.Success;
    }

    private async Task<ApiUserOrigin> OriginAsync(string clientId, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application ? ApiUserOrigin.Removed
        : await ApiClientAccounts.IsFromBackofficeAsync(applications, application, cancellationToken) ? ApiUserOrigin.Backoffice
        : ApiUserOrigin.Configuration;

    [GeneratedRegex("^" + ApiClientAccounts.ClientIdPrefix + "[a-z0-9][a-z0-9-]{0,79}$")]
    private static partial Regex ClientIdPattern();
}
