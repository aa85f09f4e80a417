namespace Portal.Web.Features.Management.Users;

internal static class UserEndpoints
{
    // Helper B fills this: users, user groups, unlock, revoke sessions.
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder group) => group;
}
