using System.Net;
using System.Text.Json;
using Portal.Web.Tests.Features.Delivery;
using static Portal.Web.Tests.Features.Management.ManagementHttp;

namespace Portal.Web.Tests.Features.Management;

/// <summary>A document's versions and rollback through the Management API.</summary>
public sealed class DocumentVersionTests(ManagementSiteFixture fixture) : IClassFixture<ManagementSiteFixture>
{
    private readonly ManagementSite site = fixture.Site;

    [Fact]
    public async Task Versions_PublishedThenEdited_ListedNewestFirstWithFlags()
    {
        var id = await site.CreatePublishedAsync(Seed.Column, "Phiên bản một");
        var admin = await site.ClientForAsync(ManagementSite.Administrators);
        using (var saved = await PutJsonAsync(admin, $"document/{id}", Rename("Phiên bản hai")))
        {
            await AssertOkAsync(saved, "save");
        }

        var list = await GetJsonAsync(admin, $"document-version?documentId={id}&skip=0&take=10");

        Assert.Equal(2, list.GetProperty("total").GetInt32());
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["id", "document", "documentType", "user", "versionDate", "isCurrentPublishedVersion", "isCurrentDraftVersion", "preventCleanup"],
            PropertyNames(items[0]));
        Assert.True(items[0].GetProperty("isCurrentDraftVersion").GetBoolean());
        Assert.False(items[0].GetProperty("isCurrentPublishedVersion").GetBoolean());
        Assert.True(items[1].GetProperty("isCurrentPublishedVersion").GetBoolean());
        Assert.All(items, i => Assert.Equal(id, i.GetProperty("document").GetProperty("id").GetGuid()));
        Assert.Equal(site.ContentTypeKeyOf("page"), items[0].GetProperty("documentType").GetProperty("id").GetGuid());
        Assert.NotEqual(JsonValueKind.Null, items[0].GetProperty("user").ValueKind);
        Assert.True(items[0].GetProperty("versionDate").GetDateTimeOffset() >= items[1].GetProperty("versionDate").GetDateTimeOffset());
    }

    [Fact]
    public async Task Version_ById_HasThatVersionsName()
    {
        var id = await site.CreatePublishedAsync(Seed.Column, "Tên cũ của phiên bản");
        var admin = await site.ClientForAsync(ManagementSite.Administrators);
        using (var saved = await PutJsonAsync(admin, $"document/{id}", Rename("Tên mới của phiên bản")))
        {
            await AssertOkAsync(saved, "save");
        }

        var oldest = await OldestVersionAsync(admin, id);
        var version = await GetJsonAsync(admin, $"document-version/{oldest}");

        Assert.Equal(oldest, version.GetProperty("id").GetGuid());
        Assert.Equal(id, version.GetProperty("document").GetProperty("id").GetGuid());
        Assert.Equal("Tên cũ của phiên bản", version.GetProperty("variants")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Rollback_ToPublishedVersion_MakesNewDraftWithItsContentWhileLiveStays()
    {
        var id = await site.CreatePublishedAsync(Seed.Column, "Nội dung gốc");
        var admin = await site.ClientForAsync(ManagementSite.Administrators);
        using (var saved = await PutJsonAsync(admin, $"document/{id}", Rename("Nội dung sửa hỏng")))
        {
            await AssertOkAsync(saved, "save");
        }

        await site.PublishAsync(id);
        var original = await OldestVersionAsync(admin, id);

        using var response = await admin.PostAsync(Url($"document-version/{original}/rollback"), null);

        await AssertOkAsync(response, "rollback");
        var list = await GetJsonAsync(admin, $"document-version?documentId={id}");
        Assert.Equal(3, list.GetProperty("total").GetInt32());
        var document = await site.GetDocumentAsync(id);
        var variant = document.GetProperty("variants")[0];
        Assert.Equal("Nội dung gốc", variant.GetProperty("name").GetString());
        Assert.Equal("PublishedPendingChanges", variant.GetProperty("state").GetString());
        var live = await DeliveryHttp.GetJsonAsync(site.Anonymous, $"content/item/{id}");
        Assert.Equal("Nội dung sửa hỏng", live.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Versions_UnknownVersion_Answers404()
    {
        var admin = await site.ClientForAsync(ManagementSite.Administrators);

        using var response = await admin.PostAsync(Url($"document-version/{Guid.NewGuid()}/rollback"), null);

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Không tìm thấy phiên bản.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Versions_WithoutDocumentId_Answers400()
    {
        var admin = await site.ClientForAsync(ManagementSite.Administrators);

        using var response = await admin.GetAsync(Url("document-version?documentId=abc"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("documentId", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<Guid> OldestVersionAsync(HttpClient client, Guid document)
    {
        var list = await GetJsonAsync(client, $"document-version?documentId={document}");
        return list.GetProperty("items").EnumerateArray().Last().GetProperty("id").GetGuid();
    }

    private static object Rename(string name) => new
    {
        values = new[] { new { alias = "title", culture = (string?)null, segment = (string?)null, value = name } },
        variants = new[] { new { culture = (string?)null, segment = (string?)null, name } },
    };
}
