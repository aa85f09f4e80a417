namespace Portal.Web.Features.Management.Notifications;

internal static class NotificationEndpoints
{
    // Helper C fills this: the signed-in user's in-app notifications.
    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder group) => group;
}
