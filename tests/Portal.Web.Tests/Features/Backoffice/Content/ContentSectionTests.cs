using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Workflow;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Tests.Features.SignIn;
using static Portal.Web.Tests.Features.SignIn.BackofficeBrowser;

namespace Portal.Web.Tests.Features.Backoffice.Content;

/// <summary>
/// The content section through a signed-in browser (cookies, anti-forgery tokens, redirects), on one seeded site per
/// class. Each test makes its own accounts and pages, so tests do not see each other's work.
/// </summary>
public sealed partial class ContentSectionTests(BackofficeSiteFixture fixture) : IClassFixture<BackofficeSiteFixture>
{
    private const string NoiVu = "unit-so-noi-vu-editors";
    private const string NoiVuApprovers = "unit-so-noi-vu-approvers";

    private IServiceProvider Services => fixture.Site.Services;

    [Fact]
    public async Task UnitEditor_OpensAnotherUnitsPage_Gets403AndTreeShowsOnlyOwnUnit()
    {
        using var editor = await SignedInAsync(NoiVu);
        var ownUnit = Resolve("/don-vi/so-noi-vu");
        var otherUnit = Resolve("/don-vi/so-tai-chinh");

        var (tree, treeHtml) = await editor.GetAsync("/umbraco/noi-dung");
        var (own, _) = await editor.GetAsync($"/umbraco/noi-dung/{ownUnit}");
        var (other, otherHtml) = await editor.GetAsync($"/umbraco/noi-dung/{otherUnit}");
        var (history, _) = await editor.GetAsync($"/umbraco/noi-dung/{otherUnit}/lich-su");

        Assert.Equal(HttpStatusCode.OK, tree.StatusCode);
        Assert.Contains("Sở Nội vụ", Text(treeHtml), StringComparison.Ordinal);
        Assert.DoesNotContain("Sở Tài chính", Text(treeHtml), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("Không có quyền truy cập", otherHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, history.StatusCode);
    }

    [Fact]
    public async Task UnitEditor_WritesAndSendsForApproval_ApproverPublishes_PublicPageShowsArticle()
    {
        using var editor = await SignedInAsync(NoiVu);
        using var approver = await SignedInAsync(NoiVuApprovers);
        var unit = Resolve("/don-vi/so-noi-vu");
        var title = "Sở Nội vụ tập huấn một cửa " + Guid.NewGuid().ToString("N")[..6];

        var (created, _) = await CreateAsync(editor, $"/umbraco/noi-dung/tao-moi?cha={unit}&loai=article", Article(title, "gui-duyet"));
        var key = KeyFrom(created);
        var (approverView, approverHtml) = await approver.GetAsync($"/umbraco/noi-dung/{key}");
        var (approved, _) = await approver.PostAsync($"/umbraco/noi-dung/{key}/duyet", new Dictionary<string, string>(),
            TokenIn(approverHtml, $"/umbraco/noi-dung/{key}/duyet"));
        var url = Services.GetRequiredService<PublishedRouteTree>().UrlOf(key);
        using var reader = fixture.Site.Factory.CreateClient();
        var publicHtml = url is null ? string.Empty : await reader.GetStringAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Chờ duyệt", Text(approverHtml), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, approverView.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.NotNull(url);
        Assert.Contains(title, publicHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_WithoutName_ShowsVietnameseMessageBesideFieldAndKeepsTypedValues()
    {
        using var editor = await SignedInAsync(NoiVu);
        var fields = Article(string.Empty, "luu");
        fields["f:summary"] = "Tóm tắt được giữ lại khi biểu mẫu còn lỗi";

        var (response, html) = await CreateAsync(editor, $"/umbraco/noi-dung/tao-moi?cha={Resolve("/don-vi/so-noi-vu")}&loai=article", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Vui lòng nhập tên trang.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#ten\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("Tóm tắt được giữ lại khi biểu mẫu còn lỗi", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_AfterSomeoneElseSaved_Answers409AndKeepsTheEditorsText()
    {
        using var editor = await SignedInAsync(NoiVu);
        var key = await DraftArticleAsync("Bài viết để thử xung đột");
        var (page, html) = await editor.GetAsync($"/umbraco/noi-dung/{key}");
        var version = VersionIn(html);
        await Services.GetRequiredService<ContentEditing>().SaveDraftAsync(key, null, "Người khác đã sửa trước",
            new Dictionary<string, string> { ["title"] = "Người khác đã sửa trước" }, Actor.System("test"));

        var fields = Article("Nội dung của tôi chưa lưu", "luu");
        fields["phien-ban"] = version;
        var (response, conflict) = await editor.PostAsync($"/umbraco/noi-dung/{key}", fields, TokenIn(html, $"/umbraco/noi-dung/{key}"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("đã được người khác lưu", conflict, StringComparison.Ordinal);
        Assert.Contains("value=\"Nội dung của tôi chưa lưu\"", conflict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_RichTextWithScript_StoresSanitisedMarkup()
    {
        using var editor = await SignedInAsync(NoiVu);
        var key = await DraftArticleAsync("Bài có mã độc");
        var (_, html) = await editor.GetAsync($"/umbraco/noi-dung/{key}");
        var fields = Article("Bài có mã độc", "luu");
        fields["f:body"] = "<h2>Mục một</h2><p onclick=\"alert(1)\">An toàn</p><script>alert(2)</script>";
        fields["phien-ban"] = VersionIn(html);

        var (saved, _) = await editor.PostAsync($"/umbraco/noi-dung/{key}", fields, TokenIn(html, $"/umbraco/noi-dung/{key}"));
        var body = (await Services.GetRequiredService<Portal.Web.Features.Management.Documents.DocumentQueries>().FindAsync(key, CancellationToken.None))!
            .Current.Values["body"];

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("<h2>Mục một</h2>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Reject_WithReason_ReturnsDraftAndWriterSeesReasonInNotifications()
    {
        var writerEmail = Email();
        using var writer = await SignedInAsync(NoiVu, writerEmail);
        using var approver = await SignedInAsync(NoiVuApprovers);
        var (created, _) = await CreateAsync(writer, $"/umbraco/noi-dung/tao-moi?cha={Resolve("/don-vi/so-noi-vu")}&loai=article",
            Article("Bài cần sửa lại " + Guid.NewGuid().ToString("N")[..6], "gui-duyet"));
        var key = KeyFrom(created);

        var (rejected, _) = await approver.SubmitAsync($"/umbraco/noi-dung/{key}", $"/umbraco/noi-dung/{key}/tu-choi",
            new Dictionary<string, string> { ["ly-do"] = "Thiếu nguồn trích dẫn số liệu" });
        var (_, editorHtml) = await writer.GetAsync($"/umbraco/noi-dung/{key}");
        var home = await WaitForAsync(writer, "/umbraco", "Thiếu nguồn trích dẫn số liệu");

        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Contains("Bản nháp", Text(editorHtml), StringComparison.Ordinal);
        Assert.Contains("Thiếu nguồn trích dẫn số liệu", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SortPage_UpButton_MovesPageBeforeItsNeighbour()
    {
        using var admin = await SignedInAsync(BackofficeAccounts.Administrators);
        var parent = Resolve("/don-vi");
        var before = (await Services.GetRequiredService<Portal.Web.Features.Management.Documents.DocumentQueries>().ChildrenAsync(parent, CancellationToken.None))
            .Select(c => c.Key).ToList();
        var (_, html) = await admin.GetAsync($"/umbraco/noi-dung/{parent}/sap-xep");
        var fields = new List<KeyValuePair<string, string>>(before.Select(k => new KeyValuePair<string, string>("thu-tu", k.ToString())))
        {
            new("buoc", $"len:{before[1]}"),
            new("__RequestVerificationToken", TokenIn(html, $"/umbraco/noi-dung/{parent}/sap-xep")),
        };

        using var content = new FormUrlEncodedContent(fields);
        using var response = await admin.Client.PostAsync(new Uri($"/umbraco/noi-dung/{parent}/sap-xep", UriKind.Relative), content);
        var after = (await Services.GetRequiredService<Portal.Web.Features.Management.Documents.DocumentQueries>().ChildrenAsync(parent, CancellationToken.None))
            .Select(c => c.Key).ToList();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before[1], after[0]);
        Assert.Equal(before[0], after[1]);
    }

    [Fact]
    public async Task Trash_ThenRestoreFromRecycleBin_BringsPageBackUnpublished()
    {
        using var editor = await SignedInAsync(BackofficeAccounts.Administrators);
        var key = await DraftArticleAsync("Bài sẽ vào thùng rác");

        var (trashed, _) = await editor.SubmitAsync($"/umbraco/noi-dung/{key}", $"/umbraco/noi-dung/{key}/thung-rac", new Dictionary<string, string>());
        var (_, bin) = await editor.GetAsync("/umbraco/noi-dung/thung-rac");
        var (restored, _) = await editor.PostAsync($"/umbraco/noi-dung/{key}/khoi-phuc", new Dictionary<string, string>(),
            TokenIn(bin, $"/umbraco/noi-dung/{key}/khoi-phuc"));
        var (_, after) = await editor.GetAsync("/umbraco/noi-dung/thung-rac");

        Assert.Equal(HttpStatusCode.Redirect, trashed.StatusCode);
        Assert.Contains("Bài sẽ vào thùng rác", bin, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.DoesNotContain("Bài sẽ vào thùng rác", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompareAndRollback_ShowChangedFieldsAndRestoreOldText()
    {
        using var approver = await SignedInAsync(NoiVuApprovers);
        var key = await DraftArticleAsync("Tiêu đề ban đầu");
        var publishing = Services.GetRequiredService<ContentPublishing>();
        await publishing.PublishAsync(key, Actor.System("test"));
        await Services.GetRequiredService<ContentEditing>().SaveDraftAsync(key, null, "Tiêu đề sửa lại",
            ArticleValues("Tiêu đề sửa lại"), Actor.System("test"));

        var (_, compare) = await approver.GetAsync($"/umbraco/noi-dung/{key}/so-sanh?a=1&b=2");
        var (rolledBack, _) = await approver.SubmitAsync($"/umbraco/noi-dung/{key}/lich-su", $"/umbraco/noi-dung/{key}/khoi-phuc-phien-ban",
            new Dictionary<string, string> { ["phien-ban"] = "1" });
        var document = await Services.GetRequiredService<Portal.Web.Features.Management.Documents.DocumentQueries>().FindAsync(key, CancellationToken.None);

        Assert.Contains("Đã thay đổi", compare, StringComparison.Ordinal);
        Assert.Contains("Tiêu đề ban đầu", compare, StringComparison.Ordinal);
        Assert.Contains("Tiêu đề sửa lại", compare, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, rolledBack.StatusCode);
        Assert.Equal("Tiêu đề ban đầu", document!.Pending!.Name);
    }

    [Fact]
    public async Task Preview_NeverPublishedDraft_RendersWithThePublicArticleView()
    {
        using var editor = await SignedInAsync(NoiVu);
        var key = await DraftArticleAsync("Bản nháp xem trước chưa xuất bản");
        using var reader = fixture.Site.Factory.CreateClient();

        var (preview, html) = await editor.GetAsync($"/umbraco/noi-dung/{key}/xem-truoc");
        var publicPage = await reader.GetAsync(new Uri("/don-vi/so-noi-vu/ban-nhap-xem-truoc-chua-xuat-ban/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("<h1>Bản nháp xem trước chưa xuất bản</h1>", html, StringComparison.Ordinal);
        Assert.Contains("/theme/site.css", html, StringComparison.Ordinal);
        Assert.Contains("no-store", preview.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, publicPage.StatusCode);
    }

    [Fact]
    public async Task Editor_SecondPersonOpensSamePage_SeesWhoElseIsEditing()
    {
        var firstEmail = Email();
        using var first = await SignedInAsync(NoiVu, firstEmail);
        using var second = await SignedInAsync(NoiVu);
        var key = await DraftArticleAsync("Bài hai người cùng mở");

        await first.GetAsync($"/umbraco/noi-dung/{key}");
        var (_, html) = await second.GetAsync($"/umbraco/noi-dung/{key}");

        Assert.Contains($"Người dùng <strong>{firstEmail}</strong> cũng đang mở trang này", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directives_ProvincialOfficeWritesAndPublishes_UnitEditorIsRefused()
    {
        using var office = await SignedInAsync("provincialOffice");
        using var editor = await SignedInAsync(NoiVu);
        var list = Resolve("/chi-dao-dieu-hanh");
        var title = "Chỉ thị về đẩy mạnh dịch vụ công trực tuyến " + Guid.NewGuid().ToString("N")[..6];

        var (section, sectionHtml) = await office.GetAsync("/umbraco/chi-dao-dieu-hanh");
        var (created, _) = await CreateAsync(office, $"/umbraco/noi-dung/tao-moi?cha={list}&loai=directive", new Dictionary<string, string>
        {
            ["ten"] = title, ["f:title"] = title, ["f:summary"] = "Tóm tắt chỉ thị", ["f:body"] = "<p>Nội dung chỉ thị</p>",
            ["f:documentNumber"] = "12/CT-UBND", ["f:issueDate"] = "2026-11-20", ["f:signer"] = "Chủ tịch UBND tỉnh",
            ["f:issuingBody"] = "UBND tỉnh Kon Tum", ["thao-tac"] = "xuat-ban",
        });
        var (_, listed) = await office.GetAsync("/umbraco/chi-dao-dieu-hanh");
        var (refused, _) = await editor.GetAsync("/umbraco/chi-dao-dieu-hanh");

        Assert.Equal(HttpStatusCode.OK, section.StatusCode);
        Assert.Contains("Viết tin chỉ đạo mới", sectionHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("da-xuat-ban", created.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains(title, listed, StringComparison.Ordinal);
        Assert.Contains("12/CT-UBND", listed, StringComparison.Ordinal);
        Assert.Contains("20/11/2026", listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotNull(Services.GetRequiredService<PublishedRouteTree>().UrlOf(KeyFrom(created)));
    }

    private async Task<BackofficeBrowser> SignedInAsync(string group, string? email = null)
    {
        email ??= Email();
        await BackofficeAccounts.CreatePersonAsync(Services, email, "Người thử " + group, group);
        var browser = fixture.Site.OpenBrowser();
        await browser.SignInSuccessfullyAsync(email, BackofficeAccounts.Password);
        return browser;
    }

    /// <summary>Opens the new-page form and posts it to the action the form itself names.</summary>
    private static async Task<(HttpResponseMessage Response, string Html)> CreateAsync(BackofficeBrowser browser, string page,
        Dictionary<string, string> fields)
    {
        var (_, html) = await browser.GetAsync(page);
        var action = System.Net.WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value);
        return await browser.PostAsync(action, fields, TokenIn(html, FormAction().Match(html).Groups[1].Value));
    }

    private static string Email() => $"nguoi-{Guid.NewGuid():N}@kontum.gov.vn";

    private Guid Resolve(string path) => Services.GetRequiredService<PublishedRouteTree>().Resolve(path)?.Key
        ?? throw new InvalidOperationException($"No live page at {path}.");

    private async Task<Guid> DraftArticleAsync(string title)
    {
        var result = await Services.GetRequiredService<ContentEditing>().CreateAsync("article", Resolve("/don-vi/so-noi-vu"), title,
            ArticleValues(title), Actor.System("test"));
        Assert.True(result.Succeeded, result.Status.ToString());
        return result.DocumentKey!.Value;
    }

    private static Dictionary<string, string> ArticleValues(string title) => new()
    {
        ["title"] = title, ["summary"] = "Tóm tắt", ["body"] = "<p>Nội dung</p>", ["category"] = "[\"Tin tức\"]",
    };

    private static Dictionary<string, string> Article(string title, string then) => new()
    {
        ["ten"] = title, ["f:title"] = title, ["f:summary"] = "Tóm tắt bài viết", ["f:body"] = "<p>Nội dung bài viết</p>",
        ["f:category"] = "Tin tức", ["f:featured"] = "0", ["thao-tac"] = then,
    };

    private static Guid KeyFrom(HttpResponseMessage redirect)
    {
        var location = redirect.Headers.Location?.OriginalString ?? string.Empty;
        return Guid.Parse(KeyPattern().Match(location).Value);
    }

    private static string VersionIn(string html) => VersionPattern().Match(html).Groups[1].Value;

    /// <summary>Notifications are written by a background consumer of the outbox, a moment after the verb.</summary>
    private static async Task<string> WaitForAsync(BackofficeBrowser browser, string path, string text)
    {
        var html = string.Empty;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            html = (await browser.GetAsync(path)).Html;
            if (html.Contains(text, StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(200);
        }

        return html;
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\" class=\"card\" id=\"bieu-mau-noi-dung\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("name=\"phien-ban\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();
}
