using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Portal.Core.Access;
using Portal.Data;
using Portal.Data.Access;
using Portal.Data.Audit;
using Portal.Data.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Web.Features.Management.ApiClients;

/// <summary>
/// What an API user is made of, whoever makes it: the configuration at start (<see cref="ApiClientProvisioning"/>) or an
/// administrator in the backoffice (<see cref="ApiUserAdministration"/>). An OpenIddict application holds the client id
/// and the secret's hash; a <see cref="BackofficeUser"/> of kind Api is who the client acts as.
/// </summary>
internal static class ApiClientAccounts
{
    /// <summary>Umbraco's backoffice accepts API clients only with this prefix; Portal asks the same of the ones it creates.</summary>
    public const string ClientIdPrefix = "umbraco-back-office-";

    // Marks applications the backoffice made, so that the start-up reconciliation does not remove them as unconfigured.
    private const string OriginProperty = "portal_origin";
    private const string BackofficeOrigin = "backoffice";

    public static OpenIddictApplicationDescriptor Describe(string clientId, string secret, bool fromBackoffice)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = $"Người dùng API {clientId}",
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        if (fromBackoffice)
        {
            descriptor.Properties[OriginProperty] = JsonSerializer.SerializeToElement(BackofficeOrigin);
        }

        return descriptor;
    }

    public static async Task<bool> IsFromBackofficeAsync(IOpenIddictApplicationManager applications, object application,
        CancellationToken cancellationToken) =>
        (await applications.GetPropertiesAsync(application, cancellationToken)).TryGetValue(OriginProperty, out var origin)
        && origin.ValueKind == JsonValueKind.String && origin.GetString() == BackofficeOrigin;

    public static BackofficeUser NewUser(string clientId, ILookupNormalizer normalizer, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        Kind = UserKind.Api,
        ClientId = clientId,
        UserName = clientId,
        NormalizedUserName = normalizer.NormalizeName(clientId),
        DisplayName = clientId,
        CreatedAt = now,
        LockoutEnabled = true,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
    };

    /// <summary>Puts the API user in exactly one group; false when it already was.</summary>
    public static async Task<bool> JoinOnlyAsync(PortalDbContext db, Guid userKey, Guid groupKey, CancellationToken cancellationToken)
    {
        var memberships = await db.UserGroupMembers.Where(m => m.UserKey == userKey).ToListAsync(cancellationToken);
        if (memberships.Count == 1 && memberships[0].GroupKey == groupKey)
        {
            return false;
        }

        db.UserGroupMembers.RemoveRange(memberships);
        db.UserGroupMembers.Add(new UserGroupMember(userKey, groupKey));
        return true;
    }

    /// <summary>
    /// Deletes the application, so no new token is issued, and locks the user out, so tokens already issued stop working
    /// (the actor is read again on every request); the user stays for the history that names it.
    /// </summary>
    public static async Task RemoveAsync(PortalDbContext db, IOpenIddictApplicationManager applications, object application, BackofficeUser user,
        Actor actor, string note, DateTime now, CancellationToken cancellationToken)
    {
        await applications.DeleteAsync(application, cancellationToken);
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        db.AuditLog.Add(new AuditEntry(actor, AuditEntityTypes.User, user.Id, AuditActions.ApiClientRemoved, now, note));
    }
}
