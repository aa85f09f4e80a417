using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Access;
using Portal.Data.Audit;
using Portal.Web.Tests.Features.Management;
using Portal.Web.Tests.Features.SignIn;
using static Portal.Web.Tests.Features.SignIn.BackofficeBrowser;

namespace Portal.Web.Tests.Features.Backoffice.Users;

/// <summary>
/// The Users section through signed-in browsers on one seeded site per class. Each test makes its own accounts, groups
/// and API users under unique names, so tests do not see each other's work.
/// </summary>
public sealed partial class UsersSectionTests(BackofficeSiteFixture fixture) : IClassFixture<BackofficeSiteFixture>
{
    private const string Root = "/umbraco/nguoi-dung";

    private IServiceProvider Services => fixture.Site.Services;

    [Fact]
    public async Task UsersAndSettings_NonAdministrator_Get403WithoutTheSectionsInNavigation()
    {
        using var editor = await SignedInAsync(BackofficeSiteFixture.HomeAffairs);

        var (users, usersHtml) = await editor.GetAsync(Root);
        var (groups, _) = await editor.GetAsync(Root + "/nhom");
        var (settings, _) = await editor.GetAsync("/umbraco/cai-dat");
        var (_, home) = await editor.GetAsync("/umbraco");

        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
        Assert.Contains("Không có quyền truy cập", Text(usersHtml), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, groups.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, settings.StatusCode);
        Assert.DoesNotContain($"href=\"{Root}\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/umbraco/cai-dat\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_ValidForm_PasswordShownOnceAndNewPersonSignsIn()
    {
        using var admin = await AdministratorAsync();
        var email = Email();
        var newspaper = await GroupKeyAsync(BackofficeAccounts.Newspaper);

        var (created, html) = await admin.SubmitAsync(Root + "/tao-moi", Root + "/tao-moi", new Dictionary<string, string>
        {
            ["name"] = "Lê Thị Thu Hà",
            ["email"] = email,
            ["groups"] = newspaper.ToString(),
        });
        var password = WebUtility.HtmlDecode(SecretPattern().Match(html).Groups[1].Value);
        using var person = fixture.Site.OpenBrowser();
        await person.SignInSuccessfullyAsync(email, password);
        var (_, listed) = await admin.GetAsync($"{Root}?nhom={newspaper}");
        var (_, again) = await admin.GetAsync(Root);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("chỉ hiện một lần", Text(html), StringComparison.Ordinal);
        Assert.Equal(20, password.Length);
        var row = Text(listed);
        Assert.Contains("Lê Thị Thu Hà", row, StringComparison.Ordinal);
        Assert.Contains(email, row, StringComparison.Ordinal);
        Assert.Contains("Báo Kon Tum", row, StringComparison.Ordinal);
        Assert.DoesNotContain(password, again, StringComparison.Ordinal);
        Assert.True(await AuditedAsync(AuditActions.UserCreated, email));
    }

    [Fact]
    public async Task CreateUser_InvalidEmail_VietnameseMessageBesideFieldAndTypedValuesKept()
    {
        using var admin = await AdministratorAsync();
        var newspaper = await GroupKeyAsync(BackofficeAccounts.Newspaper);

        var (response, html) = await admin.SubmitAsync(Root + "/tao-moi", Root + "/tao-moi", new Dictionary<string, string>
        {
            ["name"] = "Trần Văn Bình",
            ["email"] = "binh-khong-co-a-cong",
            ["groups"] = newspaper.ToString(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#email\">Thư điện tử không hợp lệ.</a>", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"email-loi\" class=\"field-error\">Thư điện tử không hợp lệ.</p>", html, StringComparison.Ordinal);
        Assert.Matches("<input id=\"email\"[^>]*value=\"binh-khong-co-a-cong\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"email-goi-y email-loi\"", html);
        Assert.Matches("<input id=\"name\"[^>]*value=\"Trần Văn Bình\"", html);
        Assert.Matches($"<input type=\"checkbox\" id=\"group-{newspaper:N}\"[^>]*checked=\"checked\"", html);
    }

    [Fact]
    public async Task Unlock_LockedOutPerson_SignsInAgainWithTheirPassword()
    {
        using var admin = await AdministratorAsync();
        var email = Email();
        var id = await BackofficeAccounts.CreatePersonAsync(Services, email, "Phạm Minh Khôi", BackofficeAccounts.Newspaper);
        using var person = fixture.Site.OpenBrowser();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await person.SignInAsync(email, "Sai-mat-khau#2026");
        }

        var (refused, refusedHtml) = await person.SignInAsync(email, BackofficeAccounts.Password);
        var (_, page) = await admin.GetAsync($"{Root}/{id}");
        var (unlocked, _) = await admin.PostAsync($"{Root}/{id}/mo-khoa", new Dictionary<string, string>(), TokenIn(page, $"{Root}/{id}/mo-khoa"));
        var (_, after) = await admin.GetAsync(unlocked.Headers.Location!.OriginalString);
        await person.SignInSuccessfullyAsync(email, BackofficeAccounts.Password);

        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("tạm thời bị khóa", Text(refusedHtml), StringComparison.Ordinal);
        Assert.Contains("Bị khóa đến", Text(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Contains("Đã mở khóa tài khoản", Text(after), StringComparison.Ordinal);
        Assert.Contains("Đang hoạt động", Text(after), StringComparison.Ordinal);
        Assert.True(await AuditedAsync(AuditActions.UserUnlocked, null, id));
    }

    [Fact]
    public async Task EditGroup_SettingsSectionAdded_MemberSeesCaiDatInNavigationAndMayOpenIt()
    {
        using var admin = await AdministratorAsync();
        var alias = "thu-nghiem-" + Guid.NewGuid().ToString("N")[..8];
        var (created, createdHtml) = await admin.SubmitAsync(Root + "/nhom/tao-moi", Root + "/nhom/tao-moi", new Dictionary<string, string>
        {
            ["alias"] = alias,
            ["name"] = "Nhóm thử nghiệm cài đặt",
            ["sections"] = "forum",
        });
        var group = created.Headers.Location?.OriginalString.Split('?')[0] ?? throw new InvalidOperationException(Text(createdHtml));
        var email = Email();
        await BackofficeAccounts.CreatePersonAsync(Services, email, "Đỗ Quang Vinh", alias);
        using var member = fixture.Site.OpenBrowser();
        await member.SignInSuccessfullyAsync(email, BackofficeAccounts.Password);
        var (_, before) = await member.GetAsync("/umbraco");
        var (refused, _) = await member.GetAsync("/umbraco/cai-dat");

        var (saved, _) = await admin.SubmitAsync(group, group, new Dictionary<string, string>
        {
            ["name"] = "Nhóm thử nghiệm cài đặt",
            ["sections"] = "settings",
            ["permissions"] = "Umb.Document.Read",
        });
        var (_, after) = await member.GetAsync("/umbraco");
        var (opened, _) = await member.GetAsync("/umbraco/cai-dat");
        var (_, edited) = await admin.GetAsync(saved.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("href=\"/umbraco/dien-dan\"", before, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/umbraco/cai-dat\"", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("href=\"/umbraco/cai-dat\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/umbraco/dien-dan\"", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("Đã lưu nhóm người dùng.", Text(edited), StringComparison.Ordinal);
        Assert.Matches("<input type=\"checkbox\" id=\"permission-Browse\"[^>]*checked=\"checked\"", edited);
        Assert.True(await AuditedAsync(AuditActions.UserGroupChanged, alias));
    }

    [Fact]
    public async Task EditGroup_StartPageAndGranularPermission_SavedAndShownAgain()
    {
        using var admin = await AdministratorAsync();
        var alias = "pham-vi-" + Guid.NewGuid().ToString("N")[..8];
        var (created, _) = await admin.SubmitAsync(Root + "/nhom/tao-moi", Root + "/nhom/tao-moi", new Dictionary<string, string>
        {
            ["alias"] = alias,
            ["name"] = "Nhóm phạm vi",
        });
        var group = created.Headers.Location!.OriginalString.Split('?')[0];
        var (_, form) = await admin.GetAsync(group);
        var unit = Regex.Match(form, "<li class=\"depth-2\"><label for=\"start-([0-9a-f]{32})\"").Groups[1].Value;

        var (saved, _) = await admin.SubmitAsync(group, group, new Dictionary<string, string>
        {
            ["name"] = "Nhóm phạm vi",
            ["startNodes"] = Guid.Parse(unit).ToString(),
            ["newDocument"] = Guid.Parse(unit).ToString(),
            ["newVerbs"] = "Umb.Document.Read",
        });
        var stored = await GroupAsync(alias);
        var (changed, _) = await admin.SubmitAsync(group, group, new Dictionary<string, string>
        {
            ["name"] = "Nhóm phạm vi",
            ["startNodes"] = Guid.Parse(unit).ToString(),
            ["granular[0].document"] = Guid.Parse(unit).ToString(),
            ["granular[0].verbs"] = "Umb.Document.Update",
        });
        var again = await GroupAsync(alias);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Guid.Parse(unit), Assert.Single(stored.StartNodeKeys));
        var grant = Assert.Single(stored.NodePermissions);
        Assert.Equal((Guid.Parse(unit), Portal.Core.Access.Permission.Browse), (grant.DocumentKey, grant.Permissions));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(Portal.Core.Access.Permission.Update, Assert.Single(again.NodePermissions).Permissions);
    }

    [Fact]
    public async Task ApiUser_Created_SecretShownOnceWorksAtTokenEndpointUntilRemoved()
    {
        using var admin = await AdministratorAsync();
        var clientId = "umbraco-back-office-bao-dien-tu-" + Guid.NewGuid().ToString("N")[..6];
        var newspaper = await GroupKeyAsync(BackofficeAccounts.Newspaper);

        var (created, html) = await admin.SubmitAsync(Root + "/api/tao-moi", Root + "/api/tao-moi", new Dictionary<string, string>
        {
            ["clientId"] = clientId,
            ["group"] = newspaper.ToString(),
        });
        var secret = WebUtility.HtmlDecode(SecretPattern().Match(html).Groups[1].Value);
        var (token, tokenBody) = await TokenAsync(clientId, secret);
        var (_, list) = await admin.GetAsync(Root + "/api");
        var remove = Regex.Match(list, $"<a href=\"{Root}/([0-9a-f-]{{36}})\"><code>{clientId}</code>").Groups[1].Value;
        var (removed, _) = await admin.PostAsync($"{Root}/api/{remove}/go", new Dictionary<string, string>(), TokenIn(list, $"{Root}/api/{remove}/go"));
        var (refused, _) = await TokenAsync(clientId, secret);
        var (detail, detailHtml) = await admin.GetAsync($"{Root}/{remove}");
        var (members, _) = await admin.GetAsync($"{Root}?nhom={newspaper}");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.True(secret.Length >= 40, secret);
        Assert.True(token == HttpStatusCode.OK, tokenBody);
        Assert.Equal("Bearer", JsonSerializer.Deserialize<JsonElement>(tokenBody).GetProperty("token_type").GetString());
        Assert.Contains("Tạo trong trang quản trị", Text(list), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, refused);
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Contains("Đã khóa", Text(detailHtml), StringComparison.Ordinal);
        Assert.DoesNotContain("Mở khóa tài khoản", Text(detailHtml), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, members.StatusCode);
        Assert.True(await AuditedAsync(AuditActions.ApiClientCreated, clientId));
    }

    [Fact]
    public async Task ApiUser_ClientIdWithoutPrefix_RefusedBesideTheFieldWithTypedValueKept()
    {
        using var admin = await AdministratorAsync();
        var newspaper = await GroupKeyAsync(BackofficeAccounts.Newspaper);

        var (response, html) = await admin.SubmitAsync(Root + "/api/tao-moi", Root + "/api/tao-moi", new Dictionary<string, string>
        {
            ["clientId"] = "ung-dung-bao",
            ["group"] = newspaper.ToString(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#clientId\">Mã ứng dụng cần bắt đầu bằng «umbraco-back-office-»", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"clientId-loi\" class=\"field-error\">", html, StringComparison.Ordinal);
        Assert.Matches("<input id=\"clientId\"[^>]*value=\"ung-dung-bao\"", html);
        Assert.Matches($"<option value=\"{newspaper}\" selected=\"selected\"", html);
    }

    private Task<BackofficeBrowser> AdministratorAsync() => fixture.Site.SignedInAsync(BackofficeAccounts.Administrators, "Quản trị thử");

    private Task<BackofficeBrowser> SignedInAsync(string group) => fixture.Site.SignedInAsync(group, "Người thử " + group);

    private async Task<(HttpStatusCode Status, string Body)> TokenAsync(string clientId, string secret)
    {
        using var client = fixture.Site.Factory.CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        });
        using var response = await client.PostAsync(new Uri(ManagementSite.TokenPath, UriKind.Relative), form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<Guid> GroupKeyAsync(string alias) => (await GroupAsync(alias)).Key;

    private async Task<Portal.Core.Access.UserGroup> GroupAsync(string alias) =>
        (await Services.GetRequiredService<UserGroupStore>().AllAsync(CancellationToken.None)).Single(g => g.Alias == alias);

    private async Task<bool> AuditedAsync(string action, string? noteContains, Guid? entity = null)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var entries = await db.AuditLog.AsNoTracking().Where(a => a.Action == action).ToListAsync();
        return entries.Exists(a => (noteContains is null || (a.Note ?? string.Empty).Contains(noteContains, StringComparison.Ordinal))
            && (entity is null || a.EntityKey == entity));
    }

    private static string Email() => $"nguoi-dung-{Guid.NewGuid():N}@kontum.gov.vn";

    [GeneratedRegex("<code class=\"secret\">([^<]+)</code>")]
    private static partial Regex SecretPattern();
}
