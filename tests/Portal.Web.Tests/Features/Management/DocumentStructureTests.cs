using System.Net;
using System.Text.Json;
using Portal.Web.Tests.Features.Delivery;
using static Portal.Web.Tests.Features.Management.ManagementHttp;

namespace Portal.Web.Tests.Features.Management;

/// <summary>Move, sort and the recycle bin through the Management API; the tree shows where documents ended up.</summary>
public sealed class DocumentStructureTests(ManagementSiteFixture fixture) : IClassFixture<ManagementSiteFixture>
{
    private readonly ManagementSite site = fixture.Site;

    private Task<HttpClient> AdminAsync() => site.ClientForAsync(ManagementSite.Administrators);

    [Fact]
    public async Task Move_ToAnotherParent_TreeListsItUnderTheNewParent()
    {
        var from = await site.CreatePublishedAsync(Seed.Column, "Mục nguồn");
        var to = await site.CreatePublishedAsync(Seed.Column, "Mục đích");
        var moved = await site.CreatePublishedAsync(from, "Trang được chuyển");
        var admin = await AdminAsync();

        using var response = await PutJsonAsync(admin, $"document/{moved}/move", new { target = new { id = to } });

        await AssertOkAsync(response, "move");
        Assert.Equal([moved], await ChildIdsAsync(admin, to));
        Assert.Empty(await ChildIdsAsync(admin, from));
        var item = await DeliveryHttp.GetJsonAsync(site.Anonymous, $"content/item/{moved}");
        Assert.Contains("/muc-dich/", DeliveryHttp.RoutePath(item), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Move_IntoItsOwnChild_Answers400InVietnamese()
    {
        var parent = await site.CreateDocumentAsync(Seed.Column, "Trang cha di chuyển");
        var child = await site.CreateDocumentAsync(parent, "Trang con di chuyển");
        var admin = await AdminAsync();

        using var response = await PutJsonAsync(admin, $"document/{parent}/move", new { target = new { id = child } });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Không thể chuyển trang vào chính nó hoặc trang con của nó.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Move_WithoutBody_Answers400AndStaysPut()
    {
        var parent = await site.CreateDocumentAsync(Seed.Column, "Cha giữ nguyên");
        var child = await site.CreateDocumentAsync(parent, "Con giữ nguyên");
        var admin = await AdminAsync();

        using var response = await admin.PutAsync(Url($"document/{child}/move"), null);

        await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([child], await ChildIdsAsync(admin, parent));
    }

    [Fact]
    public async Task Sort_Children_TreeListsThemInTheNewOrder()
    {
        var parent = await site.CreateDocumentAsync(Seed.Column, "Trang sắp xếp");
        var first = await site.CreateDocumentAsync(parent, "Thứ nhất");
        var second = await site.CreateDocumentAsync(parent, "Thứ hai");
        var third = await site.CreateDocumentAsync(parent, "Thứ ba");
        var admin = await AdminAsync();

        using var response = await PutJsonAsync(admin, "document/sort", new
        {
            parent = new { id = parent },
            sorting = new[] { new { id = third, sortOrder = 0 }, new { id = first, sortOrder = 1 }, new { id = second, sortOrder = 2 } },
        });

        await AssertOkAsync(response, "sort");
        Assert.Equal([third, first, second], await ChildIdsAsync(admin, parent));
    }

    [Fact]
    public async Task Sort_MissingAChild_Answers400AndKeepsOrder()
    {
        var parent = await site.CreateDocumentAsync(Seed.Column, "Trang sắp xếp thiếu");
        var first = await site.CreateDocumentAsync(parent, "Một");
        var second = await site.CreateDocumentAsync(parent, "Hai");
        var admin = await AdminAsync();

        using var response = await PutJsonAsync(admin, "document/sort", new
        {
            parent = new { id = parent },
            sorting = new[] { new { id = second, sortOrder = 0 } },
        });

        await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([first, second], await ChildIdsAsync(admin, parent));
    }

    [Fact]
    public async Task RecycleBin_TrashRestoreDelete_PageGoesDownComesBackThenIsGone()
    {
        var id = await site.CreatePublishedAsync(Seed.Column, "Trang vào thùng rác");
        var admin = await AdminAsync();

        using (var trashed = await admin.PutAsync(Url($"document/{id}/move-to-recycle-bin"), null))
        {
            await AssertOkAsync(trashed, "trash");
        }

        Assert.True((await site.GetDocumentAsync(id)).GetProperty("isTrashed").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await DeliveryHttp.GetAsync(site.Anonymous, $"content/item/{id}")).Status);
        Assert.DoesNotContain(id, await ChildIdsAsync(admin, Seed.Column));

        using (var restored = await PutJsonAsync(admin, $"recycle-bin/document/{id}/restore", new { target = (object?)null }))
        {
            await AssertOkAsync(restored, "restore");
        }

        Assert.False((await site.GetDocumentAsync(id)).GetProperty("isTrashed").GetBoolean());
        Assert.Contains(id, await ChildIdsAsync(admin, Seed.Column));

        using (var again = await admin.PutAsync(Url($"document/{id}/move-to-recycle-bin"), null))
        {
            await AssertOkAsync(again, "trash again");
        }

        using (var deleted = await admin.DeleteAsync(Url($"recycle-bin/document/{id}")))
        {
            await AssertOkAsync(deleted, "delete");
        }

        using var gone = await admin.GetAsync(Url($"document/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Restore_WithAnotherTarget_LandsUnderTheTarget()
    {
        var target = await site.CreateDocumentAsync(Seed.Column, "Nơi khôi phục tới");
        var id = await site.CreateDocumentAsync(Seed.Column, "Trang khôi phục nơi khác");
        var admin = await AdminAsync();
        using (var trashed = await admin.PutAsync(Url($"document/{id}/move-to-recycle-bin"), null))
        {
            await AssertOkAsync(trashed, "trash");
        }

        using var restored = await PutJsonAsync(admin, $"recycle-bin/document/{id}/restore", new { target = new { id = target } });

        await AssertOkAsync(restored, "restore to target");
        Assert.Equal([id], await ChildIdsAsync(admin, target));
    }

    [Fact]
    public async Task Delete_DocumentNotInRecycleBin_Answers400InVietnameseAndKeepsIt()
    {
        var id = await site.CreateDocumentAsync(Seed.Column, "Trang chưa vào thùng rác");
        var admin = await AdminAsync();

        using var response = await admin.DeleteAsync(Url($"document/{id}"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Trang không ở thùng rác.", problem.GetProperty("detail").GetString());
        Assert.False((await site.GetDocumentAsync(id)).GetProperty("isTrashed").GetBoolean());
    }

    [Fact]
    public async Task Delete_ThroughDocumentRouteAfterTrash_RemovesIt()
    {
        var id = await site.CreateDocumentAsync(Seed.Column, "Trang xóa hẳn");
        var admin = await AdminAsync();
        using (var trashed = await admin.PutAsync(Url($"document/{id}/move-to-recycle-bin"), null))
        {
            await AssertOkAsync(trashed, "trash");
        }

        using var deleted = await admin.DeleteAsync(Url($"document/{id}"));

        await AssertOkAsync(deleted, "delete");
        using var gone = await admin.GetAsync(Url($"document/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private static async Task<List<Guid>> ChildIdsAsync(HttpClient client, Guid parent)
    {
        var json = await GetJsonAsync(client, $"tree/document/children?parentId={parent}&skip=0&take=100");
        return json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
    }
}
