using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Access;
using Portal.Data;
using Portal.Data.Access;

namespace Portal.Web.Features.Access;

/// <summary>
/// Turns the signed-in principal of a request (a backoffice cookie or a Management API token) into the
/// <see cref="Actor"/> the workflow verbs check. The user is read from the database on every request, so a
/// deleted or locked-out user, or a change of groups, takes effect at once, even for tokens already issued.
/// </summary>
internal sealed class ActorResolver(IDbContextFactory<PortalDbContext> contexts, UserGroupStore groups, TimeProvider clock)
{
    private static readonly object ItemKey = new();

    /// <summary>Claim types that may carry the user's key: OpenIddict's <c>sub</c>, or Identity's name identifier.</summary>
    private static readonly string[] UserKeyClaims = ["sub", ClaimTypes.NameIdentifier];

    public async Task<Actor?> ResolveAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Items.TryGetValue(ItemKey, out var known))
        {
            return (Actor?)known;
        }

        var actor = await LoadAsync(http, cancellationToken);
        http.Items[ItemKey] = actor;
        return actor;
    }

    private async Task<Actor?> LoadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var claim = UserKeyClaims.Select(type => http.User.FindFirst(type)?.Value).FirstOrDefault(v => v is not null);
        if (!Guid.TryParse(claim, out var userKey))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userKey)
            .Select(u => new { u.UserName, u.LockoutEnd }).SingleOrDefaultAsync(cancellationToken);
        if (user is null || user.LockoutEnd > now)
        {
            return null;
        }

        return Actor.User(userKey, user.UserName ?? userKey.ToString(), await groups.GroupsOfAsync(userKey, cancellationToken),
            http.Connection.RemoteIpAddress?.ToString());
    }
}
