using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Workflow;
using Portal.Data.Access;
using Portal.Web.Features.Management.AuditLog;
using Portal.Web.Tests.Features.SignIn;
using static Portal.Web.Tests.Features.Management.ManagementHttp;

namespace Portal.Web.Tests.Features.Management.AuditLog;

/// <summary>
/// The site-wide audit log: one person's sign-ins (audit table) and page edits (timeline) read as one list. Each test
/// follows its own person, so tests sharing the site never see each other's lines.
/// </summary>
public sealed class AuditLogEndpointsTests(BackofficeSiteFixture fixture) : IClassFixture<BackofficeSiteFixture>
{
    private BackofficeSite Site => fixture.Site;

    [Fact]
    public async Task AuditLog_SignInsAndPageEdits_OneListNewestFirstPagedAcrossBothTables()
    {
        var (person, page) = await ArrangeAsync("nhat-ky@baokontum.com.vn");
        var admin = await Site.ApiAsync(BackofficeAccounts.Administrators);

        var all = await GetJsonAsync(admin, $"audit-log?user={person}");
        var middle = await GetJsonAsync(admin, $"audit-log?user={person}&skip=1&take=2");
        var users = await GetJsonAsync(admin, $"audit-log?user={person}&entityType=User");
        var document = await GetJsonAsync(admin, $"audit-log?user={person}&documentId={page}");
        var published = await GetJsonAsync(admin, $"audit-log?user={person}&action=Published");

        Assert.Equal(4, all.GetProperty("total").GetInt32());
        Assert.Equal(["Published", "SignedOut", "Created", "SignedIn"], LogTypes(all));
        Assert.Equal(4, middle.GetProperty("total").GetInt32());
        Assert.Equal(["SignedOut", "Created"], LogTypes(middle));
        Assert.Equal(["SignedOut", "SignedIn"], LogTypes(users));
        Assert.Equal(["Published", "Created"], LogTypes(document));
        Assert.Equal(["Published"], LogTypes(published));
        var newest = all.GetProperty("items")[0];
        Assert.Equal(person, newest.GetProperty("user").GetProperty("id").GetGuid());
        Assert.Equal("nhat-ky@baokontum.com.vn", newest.GetProperty("userName").GetString());
        Assert.Equal("Document", newest.GetProperty("entityType").GetString());
        Assert.Equal(page, newest.GetProperty("entityKey").GetGuid());
        Assert.EndsWith("+07:00", newest.GetProperty("timestamp").GetString(), StringComparison.Ordinal);
        var signIn = all.GetProperty("items")[3];
        Assert.Equal("User", signIn.GetProperty("entityType").GetString());
        Assert.Equal("Mật khẩu", signIn.GetProperty("comment").GetString());
        Assert.Equal(
            ["user", "userName", "timestamp", "logType", "entityType", "entityKey", "comment", "ipAddress"],
            PropertyNames(newest));
    }

    [Fact]
    public async Task AuditLog_FailedSignIn_ShowsTheTypedEmailWithoutAnAccount()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O", CultureInfo.InvariantCulture);
        using var browser = Site.OpenBrowser();
        await browser.SignInAsync("ai-do-la@kontum.gov.vn", "Sai-mat-khau#1");
        var admin = await Site.ApiAsync(BackofficeAccounts.Administrators);

        var log = await GetJsonAsync(admin, $"audit-log?user=anonymous&action=SignInFailed&since={Uri.EscapeDataString(since)}");

        var failed = log.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("comment").GetString() == "Thư điện tử đã nhập: ai-do-la@kontum.gov.vn");
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("user").ValueKind);
        Assert.Equal("anonymous", failed.GetProperty("userName").GetString());
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("entityKey").ValueKind);
    }

    [Fact]
    public async Task AuditLog_WhoMayRead_HomeAffairsYesUnitEditorNo()
    {
        var homeAffairs = await Site.ApiAsync(BackofficeSiteFixture.HomeAffairs);
        var unitEditor = await Site.ApiAsync(BackofficeSiteFixture.UnitEditors);

        var allowed = await homeAffairs.GetAsync(Url("audit-log?take=1"));
        var refused = await unitEditor.GetAsync(Url("audit-log"));
        var refusedCsv = await unitEditor.GetAsync(Url("audit-log/export.csv"));
        var malformed = await homeAffairs.GetAsync(Url("audit-log?since=hôm-qua"));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("Cần quyền vào phân hệ Báo cáo hoặc Người dùng để xem nhật ký hệ thống.",
            (await ProblemAsync(refused, HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        await ProblemAsync(refusedCsv, HttpStatusCode.Forbidden);
        await ProblemAsync(malformed, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AuditLogExport_SameFilters_CsvWithBomVietnameseHeaderAndVietnamTimes()
    {
        var (person, _) = await ArrangeAsync("xuat-csv@baokontum.com.vn");
        var admin = await Site.ApiAsync(BackofficeAccounts.Administrators);

        using var response = await admin.GetAsync(Url($"audit-log/export.csv?user={person}"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("nhat-ky-he-thong-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        Assert.Equal("Thời gian (UTC+7),Người thực hiện,Mã người dùng,Hành động,Mã hành động,Loại đối tượng,Mã đối tượng,Ghi chú,Địa chỉ IP", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2},xuat-csv@baokontum\.com\.vn," + person + ",Xuất bản,Published,Trang,", lines[1]);
        Assert.Contains(",Đăng xuất,SignedOut,Người dùng,", lines[2], StringComparison.Ordinal);
        Assert.Contains(",Đăng nhập,SignedIn,Người dùng,", lines[4], StringComparison.Ordinal);
        var stamp = DateTime.ParseExact(lines[4][..19], "dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);
        Assert.InRange(stamp - DateTime.UtcNow.AddHours(7), TimeSpan.FromMinutes(-5), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void CsvField_FormulaCommaAndQuote_OpensAsTextInASpreadsheet()
    {
        Assert.Equal("Thư điện tử đã nhập: a@b.vn", AuditLogCsv.Field("Thư điện tử đã nhập: a@b.vn"));
        Assert.Equal("\"nhóm: homeAffairs, newspaper\"", AuditLogCsv.Field("nhóm: homeAffairs, newspaper"));
        Assert.Equal("\"Bài \"\"Cải cách\"\"\"", AuditLogCsv.Field("Bài \"Cải cách\""));
        Assert.Equal("\"dòng một\r\ndòng hai\"", AuditLogCsv.Field("dòng một\r\ndòng hai"));
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\")\"", AuditLogCsv.Field("=HYPERLINK(\"http://x\")"));
        Assert.Equal("'+84 260 3862 xxx", AuditLogCsv.Field("+84 260 3862 xxx"));
    }

    /// <summary>A newspaper editor who signs in, creates a page, signs out, and has the page published in their name.</summary>
    private async Task<(Guid Person, Guid Page)> ArrangeAsync(string email)
    {
        var person = await BackofficeAccounts.CreatePersonAsync(Site.Services, email, "Người theo dõi", BackofficeAccounts.Newspaper);
        var groups = await Site.Services.GetRequiredService<UserGroupStore>().GroupsOfAsync(person, CancellationToken.None);
        var actor = Actor.User(person, email, groups, "127.0.0.1");
        var column = groups.Single().StartNodeKeys[0];
        using var browser = Site.OpenBrowser();

        await browser.SignInSuccessfullyAsync(email, BackofficeAccounts.Password);
        var created = await Site.Services.GetRequiredService<ContentEditing>().CreateAsync("article", column, "Bài theo dõi " + email,
            new Dictionary<string, string>
            {
                ["title"] = "Bài theo dõi " + email,
                ["summary"] = "Tóm tắt bài theo dõi nhật ký.",
                ["body"] = "<p>Nội dung.</p>",
                ["category"] = "[\"Tin tức\"]",
            }, actor);
        Assert.True(created.Succeeded, created.Status.ToString());
        await browser.SubmitAsync("/umbraco", "/umbraco/dang-xuat", new Dictionary<string, string>());
        var published = await Site.Services.GetRequiredService<ContentPublishing>().PublishAsync(created.DocumentKey!.Value, actor);
        Assert.True(published.Succeeded, published.Status.ToString());
        return (person, created.DocumentKey!.Value);
    }

    private static List<string?> LogTypes(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("logType").GetString()).ToList();
}
