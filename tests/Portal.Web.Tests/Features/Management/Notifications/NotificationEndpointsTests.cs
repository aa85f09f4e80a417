using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Notifications;
using static Portal.Web.Tests.Features.Management.ManagementHttp;

namespace Portal.Web.Tests.Features.Management.Notifications;

/// <summary>
/// <c>GET /notification</c> and <c>POST /notification/{id}/read</c>: each signed-in user sees and ticks off only their
/// own notifications. The notifications are written straight to the store, as the approval notifier writes them.
/// </summary>
public sealed class NotificationEndpointsTests
{
    private const string UnitEditors = "unit-so-noi-vu-editors";

    [Fact]
    public async Task Notifications_TwoUsers_EachListsOwnNewestFirstAndCannotTickTheOthers()
    {
        await using var site = await ManagementSite.StartAsync(UnitEditors);
        var admin = await site.ClientForAsync(ManagementSite.Administrators);
        var editor = await site.ClientForAsync(UnitEditors);
        var article = Guid.NewGuid();
        var at = new DateTime(2026, 3, 2, 1, 5, 0, DateTimeKind.Utc);
        await site.Services.GetRequiredService<NotificationStore>().AddAsync(
        [
            new Notification(await UserKeyAsync(site, ManagementSite.Administrators), "Bài chờ duyệt: Tin tập huấn", "Nguyễn Văn An đã gửi bài để duyệt.", article, at),
            new Notification(await UserKeyAsync(site, ManagementSite.Administrators), "Cần xem xét lại: bài được xuất bản không qua duyệt – Lịch tiếp dân",
                "Lý do: đăng gấp.", null, at.AddMinutes(10)),
            new Notification(await UserKeyAsync(site, UnitEditors), "Bài bị trả lại: Tin tập huấn", "Lý do: thiếu ảnh.", article, at.AddMinutes(20)),
        ], CancellationToken.None);

        var mine = await GetJsonAsync(admin, "notification");
        Assert.Equal(2, mine.GetProperty("total").GetInt32());
        var items = mine.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Cần xem xét lại: bài được xuất bản không qua duyệt – Lịch tiếp dân", "Bài chờ duyệt: Tin tập huấn"],
            items.Select(i => i.GetProperty("title").GetString()));
        Assert.Equal(["id", "title", "body", "documentId", "createDate", "read"], PropertyNames(items[1]));
        Assert.Equal(article, items[1].GetProperty("documentId").GetGuid());
        Assert.Equal("2026-03-02T08:05:00+07:00", items[1].GetProperty("createDate").GetString());
        Assert.False(items[1].GetProperty("read").GetBoolean());

        var editorsOwn = Assert.Single((await GetJsonAsync(editor, "notification")).GetProperty("items").EnumerateArray());
        using (var others = await admin.PostAsync(Url($"notification/{editorsOwn.GetProperty("id").GetInt64()}/read"), null))
        {
            await ProblemAsync(others, HttpStatusCode.NotFound);
        }

        using (var own = await admin.PostAsync(Url($"notification/{items[1].GetProperty("id").GetInt64()}/read"), null))
        {
            Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
        }

        var unread = await GetJsonAsync(admin, "notification?unreadOnly=true");
        Assert.Equal(1, unread.GetProperty("total").GetInt32());
        Assert.Equal("Cần xem xét lại: bài được xuất bản không qua duyệt – Lịch tiếp dân",
            Assert.Single(unread.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());
        Assert.False((await GetJsonAsync(editor, "notification")).GetProperty("items")[0].GetProperty("read").GetBoolean());
    }

    [Fact]
    public async Task Notifications_NoTokenOrBadPaging_RefusedWith401Or400()
    {
        await using var site = await ManagementSite.StartAsync();
        var admin = await site.ClientForAsync(ManagementSite.Administrators);

        using var anonymous = await site.Anonymous.GetAsync(Url("notification"));
        using var paging = await admin.GetAsync(Url("notification?take=0"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await ProblemAsync(paging, HttpStatusCode.BadRequest);
    }

    private static async Task<Guid> UserKeyAsync(ManagementSite site, string groupAlias)
    {
        await using var db = await site.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var clientId = ManagementSite.ClientIdOf(groupAlias);
        return await db.Users.Where(u => u.ClientId == clientId).Select(u => u.Id).SingleAsync();
    }
}
