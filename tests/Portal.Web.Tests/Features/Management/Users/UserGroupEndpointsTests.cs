using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Web.Tests.Features.SignIn;
using static Portal.Web.Tests.Features.Management.ManagementHttp;
using static Portal.Web.Tests.Features.SignIn.BackofficeBrowser;

namespace Portal.Web.Tests.Features.Management.Users;

public sealed class UserGroupEndpointsTests(BackofficeSiteFixture fixture) : IClassFixture<BackofficeSiteFixture>
{
    private const string DocumentPermission = "DocumentPermissionPresentationModel";

    private BackofficeSite Site => fixture.Site;

    [Fact]
    public async Task UserGroups_AsAdministrator_ListInUmbracoShape()
    {
        var admin = await Site.ApiAsync(BackofficeAccounts.Administrators);

        var page = await GetJsonAsync(admin, "user-group?take=1000");
        var administrators = page.GetProperty("items").EnumerateArray().Single(g => g.GetProperty("alias").GetString() == "administrators");
        var one = await GetJsonAsync(admin, $"user-group/{administrators.GetProperty("id").GetGuid()}");
        var firstTwo = await GetJsonAsync(admin, "user-group?skip=0&take=2");

        Assert.Equal(page.GetProperty("total").GetInt32(), page.GetProperty("items").GetArrayLength());
        Assert.Equal(2, firstTwo.GetProperty("items").GetArrayLength());
        Assert.Equal("Quản trị hệ thống", one.GetProperty("name").GetString());
        Assert.Equal(["content", "directives", "column", "procedures", "forum", "media", "reports", "users", "settings"],
            one.GetProperty("sections").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("Umb.Document.Read", one.GetProperty("fallbackPermissions").EnumerateArray().Select(v => v.GetString()));
        Assert.Contains("Umb.Document.Publish", one.GetProperty("fallbackPermissions").EnumerateArray().Select(v => v.GetString()));
        Assert.True(one.GetProperty("hasAccessToAllLanguages").GetBoolean());
        Assert.True(one.GetProperty("documentRootAccess").GetBoolean());
        Assert.Equal(JsonValueKind.Null, one.GetProperty("documentStartNode").ValueKind);
        Assert.Equal(0, one.GetProperty("permissions").GetArrayLength());
        Assert.Equal(0, one.GetProperty("startNodeKeys").GetArrayLength());
        var newspaper = page.GetProperty("items").EnumerateArray().Single(g => g.GetProperty("alias").GetString() == "newspaper");
        Assert.Equal(newspaper.GetProperty("startNodeKeys")[0].GetGuid(), newspaper.GetProperty("documentStartNode").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task CreateUserGroup_ThenUpdate_MembersSeeTheNewSections()
    {
        var admin = await Site.ApiAsync(BackofficeAccounts.Administrators);
        var (column, article) = await TwoDocumentsAsync();

        using var created = await PostJsonAsync(admin, "user-group", new
        {
            alias = "cong-tac-vien",
            name = "Cộng tác viên",
            sections = new List<string> { "column" },
            fallbackPermissions = new List<string> { "Umb.Document.Read", "Umb.Document.Update" },
            documentRootAccess = false,
            startNodeKeys = new[] { column },
            permissions = new[] { new Dictionary<string, object> { ["$type"] = DocumentPermission, ["document"] = new { id = article }, ["verbs"] = new List<string> { "Umb.Document.Read" } } },
        });
        var id = Guid.Parse(created.Headers.GetValues("Umb-Generated-Resource").Single());
        var fresh = await GetJsonAsync(admin, $"user-group/{id}");
        using var updated = await PutJsonAsync(admin, $"user-group/{id}", new
        {
            name = "Cộng tác viên chuyên trang",
            sections = new List<string> { "column", "media" },
            fallbackPermissions = new List<string> { "Umb.Document.Read", "Umb.Document.Update", "Umb.Document.SendForApproval" },
            documentRootAccess = false,
            startNodeKeys = new[] { column },
            permissions = new[] { new Dictionary<string, object> { ["$type"] = DocumentPermission, ["document"] = new { id = article }, ["verbs"] = Array.Empty<string>() } },
        });
        var changed = await GetJsonAsync(admin, $"user-group/{id}");
        await BackofficeAccounts.CreatePersonAsync(Site.Services, "ctv@baokontum.com.vn", "Mai Cộng Tác", "cong-tac-vien");
        using var browser = Site.OpenBrowser();
        await browser.SignInSuccessfullyAsync("ctv@baokontum.com.vn", BackofficeAccounts.Password);
        var home = Text((await browser.GetAsync("/umbraco")).Html);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/umbraco/management/api/v1/user-group/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("cong-tac-vien", fresh.GetProperty("alias").GetString());
        Assert.Equal(["Umb.Document.Read", "Umb.Document.Update"], fresh.GetProperty("fallbackPermissions").EnumerateArray().Select(v => v.GetString()));
        var grant = Assert.Single(fresh.GetProperty("permissions").EnumerateArray());
        Assert.Equal(DocumentPermission, grant.GetProperty("$type").GetString());
        Assert.Equal(article, grant.GetProperty("document").GetProperty("id").GetGuid());
        Assert.Equal(["Umb.Document.Read"], grant.GetProperty("verbs").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(column, fresh.GetProperty("documentStartNode").GetProperty("id").GetGuid());
        await AssertOkAsync(updated, "PUT user-group");
        Assert.Equal("Cộng tác viên chuyên trang", changed.GetProperty("name").GetString());
        Assert.Equal(["column", "media"], changed.GetProperty("sections").EnumerateArray().Select(s => s.GetString()));
        Assert.Empty(Assert.Single(changed.GetProperty("permissions").EnumerateArray()).GetProperty("verbs").EnumerateArray());
        Assert.Contains("Cộng tác viên chuyên trang", home, StringComparison.Ordinal);
        Assert.Contains("Chuyên trang CCHC", home, StringComparison.Ordinal);
        Assert.Contains("Media", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUserGroup_InvalidRequests_Answer400NamingTheProblem()
    {
        var admin = await Site.ApiAsync(BackofficeAccounts.Administrators);

        async Task<string> DetailAsync(object body) =>
            (await ProblemAsync(await PostJsonAsync(admin, "user-group", body), HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!;

        Assert.Equal("Đã có nhóm người dùng với bí danh này.", await DetailAsync(new { alias = "newspaper", name = "Báo khác" }));
        Assert.StartsWith("Bí danh (alias) cần bắt đầu bằng chữ cái", await DetailAsync(new { alias = "nhóm có dấu", name = "Nhóm" }), StringComparison.Ordinal);
        var section = await DetailAsync(new { alias = "phan-he-la", name = "Phân hệ lạ", sections = new List<string> { "content", "Umb.Section.Packages" } });
        Assert.StartsWith("Có phân hệ không tồn tại. Không có: Umb.Section.Packages. Các phân hệ: content,", section, StringComparison.Ordinal);
        var verb = await DetailAsync(new { alias = "quyen-la", name = "Quyền lạ", fallbackPermissions = new List<string> { "Umb.Document.Read", "Umb.Document.Duplicate" } });
        Assert.StartsWith("Có quyền không được hỗ trợ. Không hỗ trợ: Umb.Document.Duplicate. Các quyền: Umb.Document.Read,", verb, StringComparison.Ordinal);
        var missing = Guid.NewGuid();
        Assert.Equal($"Có trang không tồn tại. Không có: {missing}.", await DetailAsync(new { alias = "trang-la", name = "Trang lạ", startNodeKeys = new[] { missing } }));
        var notFound = await ProblemAsync(await PutJsonAsync(admin, $"user-group/{Guid.NewGuid()}", new { name = "Không có" }), HttpStatusCode.NotFound);
        Assert.Equal("Không tìm thấy nhóm người dùng.", notFound.GetProperty("detail").GetString());
    }

    private async Task<(Guid Column, Guid Article)> TwoDocumentsAsync()
    {
        await using var db = await Site.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var column = await db.Documents.Where(d => d.ContentTypeAlias == "column").Select(d => d.Key).FirstAsync();
        var article = await db.Documents.Where(d => d.ContentTypeAlias == "article" && d.Path.Contains(column.ToString("N"))).Select(d => d.Key).FirstAsync();
        return (column, article);
    }
}
