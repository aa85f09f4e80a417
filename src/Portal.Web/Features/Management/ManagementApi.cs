using Portal.Core.Access;
using Portal.Web.Features.Access;

namespace Portal.Web.Features.Management;

/// <summary>
/// The Management API at <c>/umbraco/management/api/v1</c>, modelled on Umbraco's. Every endpoint in the group needs a
/// bearer token; handlers get the <see cref="Actor"/> from <see cref="ActorFrom"/>, and Core checks its permissions.
/// </summary>
internal static class ManagementApi
{
    public const string BasePath = "/umbraco/management/api/v1";

    /// <summary>The authorization policy of the group: an authenticated Management API bearer token.</summary>
    public const string Policy = "ManagementApi";

    /// <summary>The signed-in actor, or null when the token's user no longer exists or is locked out (answer 401).</summary>
    public static Task<Actor?> ActorFrom(HttpContext http) =>
        http.RequestServices.GetRequiredService<ActorResolver>().ResolveAsync(http, http.RequestAborted);
}
