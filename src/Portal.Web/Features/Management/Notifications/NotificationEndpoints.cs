using Portal.Core.Text;
using Portal.Data.Notifications;

namespace Portal.Web.Features.Management.Notifications;

/// <summary>The signed-in user's in-app notifications (drafts to approve, drafts sent back, force publishes to review).</summary>
internal static class NotificationEndpoints
{
    private const int DefaultTake = 100;
    private const int MaxTake = 500;

    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/notification", ListAsync);
        group.MapPost("/notification/{id:long}/read", MarkReadAsync);
        return group;
    }

    private static async Task<IResult> ListAsync(HttpContext http, NotificationStore store, int? skip, int? take, bool? unreadOnly)
    {
        if (await ManagementApi.ActorFrom(http) is not { UserKey: { } userKey })
        {
            return ManagementProblems.Unauthorized();
        }

        if (skip < 0 || take is < 1 or > MaxTake)
        {
            return ManagementProblems.BadRequest("Invalid paging", $"skip phải từ 0 trở lên, take từ 1 đến {MaxTake}.");
        }

        var page = await store.PageAsync(userKey, skip ?? 0, take ?? DefaultTake, unreadOnly ?? false, http.RequestAborted);
        return TypedResults.Ok(new NotificationPageResponse(page.Total, page.Items.Select(n => new NotificationItem(
            n.Id, n.Title, n.Body, n.DocumentKey, VietnamTime.WithOffset(n.CreatedAt), n.ReadAt is not null)).ToList()));
    }

    private static async Task<IResult> MarkReadAsync(HttpContext http, NotificationStore store, TimeProvider clock, long id)
    {
        if (await ManagementApi.ActorFrom(http) is not { UserKey: { } userKey })
        {
            return ManagementProblems.Unauthorized();
        }

        // Someone else's notification answers exactly as a missing one: ids must not reveal what others are told.
        return await store.MarkReadAsync(userKey, id, clock.GetUtcNow().UtcDateTime, http.RequestAborted)
            ? TypedResults.NoContent()
            : ManagementProblems.NotFound();
    }
}

internal sealed record NotificationPageResponse(int Total, IReadOnlyList<NotificationItem> Items);

internal sealed record NotificationItem(long Id, string Title, string Body, Guid? DocumentId, DateTimeOffset CreateDate, bool Read);
