using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Data.Access;
using Portal.Web.Tests.Features.SignIn;
using Microsoft.Extensions.DependencyInjection;
using static Portal.Web.Tests.Features.Management.ManagementHttp;
using static Portal.Web.Tests.Features.SignIn.BackofficeBrowser;

namespace Portal.Web.Tests.Features.Management.Users;

/// <summary>Users through the Management API, and what the people concerned notice at the sign-in page.</summary>
public sealed class UserEndpointsTests(BackofficeSiteFixture fixture) : IClassFixture<BackofficeSiteFixture>
{
    private BackofficeSite Site => fixture.Site;

    [Fact]
    public async Task Users_AsAdministrator_ListsAccountsPagedInUmbracoShape()
    {
        var editor = await BackofficeAccounts.CreatePersonAsync(Site.Services, "liet-ke@baokontum.com.vn", "Trần Văn Liệt", BackofficeAccounts.Newspaper);
        var admin = await Site.ApiAsync(BackofficeAccounts.Administrators);

        var first = await GetJsonAsync(admin, "user?skip=0&take=2");
        var all = await GetJsonAsync(admin, "user?take=1000");
        var one = await GetJsonAsync(admin, $"user/{editor}");

        Assert.True(first.GetProperty("total").GetInt32() >= 5);
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(first.GetProperty("total").GetInt32(), all.GetProperty("items").GetArrayLength());
        var kinds = all.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("kind").GetString()).ToHashSet();
        Assert.Equal(["Api", "Default"], kinds.Order());
        Assert.Equal("liet-ke@baokontum.com.vn", one.GetProperty("email").GetString());
        Assert.Equal("liet-ke@baokontum.com.vn", one.GetProperty("userName").GetString());
        Assert.Equal("Trần Văn Liệt", one.GetProperty("name").GetString());
        Assert.Equal("Active", one.GetProperty("state").GetString());
        Assert.Equal("Default", one.GetProperty("kind").GetString());
        Assert.Equal(0, one.GetProperty("failedLoginAttempts").GetInt32());
        Assert.False(one.GetProperty("isTwoFactorEnabled").GetBoolean());
        Assert.EndsWith("+07:00", one.GetProperty("createDate").GetString(), StringComparison.Ordinal);
        Assert.Equal([await GroupKeyAsync(BackofficeAccounts.Newspaper)],
            one.GetProperty("userGroupIds").EnumerateArray().Select(g => g.GetProperty("id").GetGuid()));
        await ProblemAsync(await admin.GetAsync(Url($"user/{Guid.NewGuid()}")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UserEndpoints_AsUnitEditor_Answer403WithVietnameseDetail()
    {
        var editor = await Site.ApiAsync(BackofficeSiteFixture.UnitEditors);
        var someone = await BackofficeAccounts.CreatePersonAsync(Site.Services, "bi-tu-choi@snv.kontum.gov.vn", "Lê Thị Từ", BackofficeAccounts.Newspaper);

        var responses = new[]
        {
            await editor.GetAsync(Url("user")),
            await editor.GetAsync(Url($"user/{someone}")),
            await PostJsonAsync(editor, "user", new { email = "moi@snv.kontum.gov.vn", name = "Người mới", userGroupIds = Array.Empty<object>() }),
            await PostJsonAsync(editor, "user/unlock", new { userIds = new[] { new { id = someone } } }),
            await PostJsonAsync(editor, $"user/{someone}/revoke-sessions", null),
            await editor.GetAsync(Url("user-group")),
            await PostJsonAsync(editor, "user-group", new { alias = "thu", name = "Thử" }),
        };

        foreach (var response in responses)
        {
            var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.Equal("Cần quyền vào phân hệ Người dùng.", problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task CreateUser_AsAdministrator_Answers201WithAOneTimePasswordThatSignsIn()
    {
        var admin = await Site.ApiAsync(BackofficeAccounts.Administrators);
        var newspaper = await GroupKeyAsync(BackofficeAccounts.Newspaper);

        using var response = await PostJsonAsync(admin, "user", new
        {
            email = "phong-vien@baokontum.com.vn",
            userName = "phong-vien@baokontum.com.vn",
            name = "Phạm Phóng Viên",
            userGroupIds = new[] { new { id = newspaper } },
        });
        var body = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        var password = body.GetProperty("initialPassword").GetString()!;
        var id = Guid.Parse(response.Headers.GetValues("Umb-Generated-Resource").Single());
        using var again = await PostJsonAsync(admin, "user", new
        {
            email = "phong-vien@baokontum.com.vn",
            name = "Người trùng",
            userGroupIds = new[] { new { id = newspaper } },
        });
        using var browser = Site.OpenBrowser();
        await browser.SignInSuccessfullyAsync("phong-vien@baokontum.com.vn", password);
        var home = Text((await browser.GetAsync("/umbraco")).Html);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/umbraco/management/api/v1/user/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(["initialPassword"], PropertyNames(body));
        Assert.True(password.Length >= 12);
        Assert.Equal("Phạm Phóng Viên", (await GetJsonAsync(admin, $"user/{id}")).GetProperty("name").GetString());
        Assert.Contains("Xin chào, Phạm Phóng Viên", home, StringComparison.Ordinal);
        Assert.Contains("Báo Kon Tum", home, StringComparison.Ordinal);
        var duplicate = await ProblemAsync(again, HttpStatusCode.BadRequest);
        Assert.Equal("Thư điện tử này đã có người dùng khác.", duplicate.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task CreateUser_InvalidRequests_Answer400NamingTheProblem()
    {
        var admin = await Site.ApiAsync(BackofficeAccounts.Administrators);
        var newspaper = await GroupKeyAsync(BackofficeAccounts.Newspaper);

        async Task<string?> DetailAsync(object body) =>
            (await ProblemAsync(await PostJsonAsync(admin, "user", body), HttpStatusCode.BadRequest)).GetProperty("detail").GetString();

        Assert.Equal("Thư điện tử không hợp lệ.",
            await DetailAsync(new { email = "khong-phai-thu", name = "Ai đó", userGroupIds = new[] { new { id = newspaper } } }));
        Assert.Equal("Người dùng cần thuộc ít nhất một nhóm.",
            await DetailAsync(new { email = "khong-nhom@kontum.gov.vn", name = "Ai đó", userGroupIds = Array.Empty<object>() }));
        Assert.Equal("Có nhóm người dùng không tồn tại.",
            await DetailAsync(new { email = "nhom-la@kontum.gov.vn", name = "Ai đó", userGroupIds = new[] { new { id = Guid.NewGuid() } } }));
        Assert.Equal("Cần nhập tên người dùng (name).",
            await DetailAsync(new { email = "khong-ten@kontum.gov.vn", userGroupIds = new[] { new { id = newspaper } } }));
    }

    [Fact]
    public async Task SetUserGroups_AsAdministrator_ChangesWhatThePersonSees()
    {
        var person = await BackofficeAccounts.CreatePersonAsync(Site.Services, "doi-nhom@snv.kontum.gov.vn", "Đỗ Văn Nhóm", BackofficeAccounts.Newspaper);
        var admin = await Site.ApiAsync(BackofficeAccounts.Administrators);
        var homeAffairs = await GroupKeyAsync(BackofficeSiteFixture.HomeAffairs);

        using var response = await PostJsonAsync(admin, "user/set-user-groups", new
        {
            userIds = new[] { new { id = person } },
            userGroupIds = new[] { new { id = homeAffairs } },
        });
        using var browser = Site.OpenBrowser();
        await browser.SignInSuccessfullyAsync("doi-nhom@snv.kontum.gov.vn", BackofficeAccounts.Password);
        var home = Text((await browser.GetAsync("/umbraco")).Html);

        await AssertOkAsync(response, "set-user-groups");
        Assert.Equal([homeAffairs],
            (await GetJsonAsync(admin, $"user/{person}")).GetProperty("userGroupIds").EnumerateArray().Select(g => g.GetProperty("id").GetGuid()));
        Assert.Contains("Sở Nội vụ", home, StringComparison.Ordinal);
        Assert.Contains("Báo cáo", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Báo Kon Tum", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetUserGroups_TakingTheLastPersonOutOfAdministrators_IsRefused()
    {
        var admin = await Site.ApiAsync(BackofficeAccounts.Administrators);
        var adminPerson = (await BackofficeAccounts.FindAsync(Site.Services, BackofficeAccounts.AdminEmail)).Id;

        using var response = await PostJsonAsync(admin, "user/set-user-groups", new
        {
            userIds = new[] { new { id = adminPerson } },
            userGroupIds = new[] { new { id = await GroupKeyAsync(BackofficeAccounts.Newspaper) } },
        });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Phải còn ít nhất một người trong nhóm Quản trị hệ thống.", problem.GetProperty("detail").GetString());
        Assert.True((await GetJsonAsync(admin, $"user/{adminPerson}")).GetProperty("isAdmin").GetBoolean());
    }

    [Fact]
    public async Task Unlock_LockedOutPerson_SignsInAgainWithTheirPassword()
    {
        var person = await BackofficeAccounts.CreatePersonAsync(Site.Services, "bi-khoa@baokontum.com.vn", "Hồ Thị Khóa", BackofficeAccounts.Newspaper);
        var admin = await Site.ApiAsync(BackofficeAccounts.Administrators);
        using var browser = Site.OpenBrowser();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await browser.SignInAsync("bi-khoa@baokontum.com.vn", "Sai-mat-khau#" + attempt);
        }

        var (_, locked) = await browser.SignInAsync("bi-khoa@baokontum.com.vn", BackofficeAccounts.Password);
        var listed = await GetJsonAsync(admin, $"user/{person}");
        using var unlock = await PostJsonAsync(admin, "user/unlock", new { userIds = new[] { new { id = person } } });

        Assert.Contains("Tài khoản tạm thời bị khóa", Text(locked), StringComparison.Ordinal);
        Assert.Equal("LockedOut", listed.GetProperty("state").GetString());
        await AssertOkAsync(unlock, "unlock");
        await browser.SignInSuccessfullyAsync("bi-khoa@baokontum.com.vn", BackofficeAccounts.Password);
        var after = await GetJsonAsync(admin, $"user/{person}");
        Assert.Equal("Active", after.GetProperty("state").GetString());
        Assert.Equal(0, after.GetProperty("failedLoginAttempts").GetInt32());
    }

    [Fact]
    public async Task RevokeSessions_SignedInBrowser_IsAskedToSignInAgain()
    {
        var person = await BackofficeAccounts.CreatePersonAsync(Site.Services, "thu-hoi@baokontum.com.vn", "Vũ Thu Hồi", BackofficeAccounts.Newspaper);
        var admin = await Site.ApiAsync(BackofficeAccounts.Administrators);
        using var browser = Site.OpenBrowser();
        await browser.SignInSuccessfullyAsync("thu-hoi@baokontum.com.vn", BackofficeAccounts.Password);
        var (before, _) = await browser.GetAsync("/umbraco");

        using var revoke = await PostJsonAsync(admin, $"user/{person}/revoke-sessions", null);
        var (after, _) = await browser.GetAsync("/umbraco");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await AssertOkAsync(revoke, "revoke-sessions");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith(SignInPath, after.Headers.Location!.PathAndQueryOf(), StringComparison.Ordinal);
        await browser.SignInSuccessfullyAsync("thu-hoi@baokontum.com.vn", BackofficeAccounts.Password);
    }

    [Fact]
    public async Task RevokeSessions_ApiUser_Answers400Explaining()
    {
        var admin = await Site.ApiAsync(BackofficeAccounts.Administrators);
        var apiUser = (await GetJsonAsync(admin, "user?take=1000")).GetProperty("items").EnumerateArray()
            .First(u => u.GetProperty("kind").GetString() == "Api").GetProperty("id").GetGuid();

        var problem = await ProblemAsync(await PostJsonAsync(admin, $"user/{apiUser}/revoke-sessions", null), HttpStatusCode.BadRequest);

        Assert.StartsWith("Người dùng API không có phiên đăng nhập", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<Guid> GroupKeyAsync(string alias) =>
        (await Site.Services.GetRequiredService<UserGroupStore>().AllAsync(CancellationToken.None)).Single(g => g.Alias == alias).Key;
}
