using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Audit;
using Portal.Infrastructure.Usync;
using Portal.Infrastructure.Webhooks;
using Portal.Web.Features.Hosting;
using Portal.Web.Tests.Features.SignIn;
using static Portal.Web.Tests.Features.SignIn.BackofficeBrowser;

namespace Portal.Web.Tests.Features.Backoffice.Settings;

/// <summary>The Settings section through a signed-in administrator's browser, on one seeded site per class.</summary>
public sealed partial class SettingsSectionTests(BackofficeSiteFixture fixture) : IClassFixture<BackofficeSiteFixture>
{
    private const string Root = "/umbraco/cai-dat";

    private IServiceProvider Services => fixture.Site.Services;

    private string UsyncFolder => Services.GetRequiredService<PortalPaths>().UsyncFolder;

    [Fact]
    public async Task ContentTypeExport_Procedure_IsTheUsyncFileOfTheRepository()
    {
        using var admin = await AdministratorAsync();

        var response = await admin.Client.GetAsync(new Uri(Root + "/loai-noi-dung/procedure/xuat-usync", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var folder = Directory.CreateTempSubdirectory("portal-usync-export-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "ContentTypes"));
            await File.WriteAllBytesAsync(Path.Combine(folder, "ContentTypes", "procedure.config"), bytes);
            var read = UsyncSchemaReader.ReadFolder(folder);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("procedure.config", response.Content.Headers.ContentDisposition?.FileName);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(UsyncFolder, "ContentTypes", "procedure.config")), bytes);
            Assert.Equal("procedure", Assert.Single(read.ContentTypes).Alias);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ExportAll_Zip_HoldsTheUsyncFolderWithEveryContentType()
    {
        using var admin = await AdministratorAsync();

        var response = await admin.Client.GetAsync(new Uri(Root + "/loai-noi-dung/xuat-usync.zip", UriKind.Relative));
        await using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("usync.config", entries);
        foreach (var file in Directory.GetFiles(Path.Combine(UsyncFolder, "ContentTypes"), "*.config"))
        {
            Assert.Contains("ContentTypes/" + Path.GetFileName(file), entries);
        }

        Assert.Contains(entries, e => e.StartsWith("DataTypes/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ContentTypeDetail_Article_ListsFieldsWithEditorMandatoryAndTab()
    {
        using var admin = await AdministratorAsync();

        var (list, listHtml) = await admin.GetAsync(Root + "/loai-noi-dung");
        var (detail, html) = await admin.GetAsync(Root + "/loai-noi-dung/article");
        var text = Text(html);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("href=\"/umbraco/cai-dat/loai-noi-dung/article\">Tin bài</a>", listHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Contains("<th scope=\"col\">Trình soạn thảo</th>", html, StringComparison.Ordinal);
        Assert.Matches("<th scope=\"row\">Tiêu đề</th>\\s*<td><code>title</code></td>\\s*<td>[^<]*<span class=\"muted\">\\(Umbraco.TextBox\\)</span></td>\\s*<td>Có</td>", html);
        Assert.Contains("href=\"/umbraco/cai-dat/loai-noi-dung/article/xuat-usync\"", html, StringComparison.Ordinal);
        Assert.Contains("Nội dung", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_CreatedThenDisabled_SubscribesOnlyWhileEnabledAndIsAudited()
    {
        using var admin = await AdministratorAsync();
        var url = $"https://nhan.example/hooks/{Guid.NewGuid():N}";
        var registry = Services.GetRequiredService<WebhookRegistry>();

        var (created, createdHtml) = await admin.SubmitAsync(Root + "/webhook/tao-moi", Root + "/webhook/tao-moi", new Dictionary<string, string>
        {
            ["url"] = url,
            ["events"] = WebhookEvents.ContentPublish,
            ["contentTypes"] = "article",
            ["secret"] = "bi-mat-chung-0123456789",
            ["headers"] = "X-Api-Key: abc123",
            ["enabled"] = "true",
        });
        var key = Guid.Parse(Regex.Match(created.Headers.Location?.OriginalString ?? Text(createdHtml), "webhook/([0-9a-f-]{36})").Groups[1].Value);
        var whileOn = await registry.SubscribersAsync(WebhookEvents.ContentPublish, "article", CancellationToken.None);
        var otherType = await registry.SubscribersAsync(WebhookEvents.ContentPublish, "directive", CancellationToken.None);
        var (_, list) = await admin.GetAsync(Root + "/webhook");
        var (disabled, _) = await admin.PostAsync($"{Root}/webhook/{key}/tat", new Dictionary<string, string>(), TokenIn(list, $"{Root}/webhook/{key}/tat"));
        var (_, after) = await admin.GetAsync(disabled.Headers.Location!.OriginalString);
        var whileOff = await registry.SubscribersAsync(WebhookEvents.ContentPublish, "article", CancellationToken.None);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var subscribed = Assert.Single(whileOn, w => w.Key == key);
        Assert.Equal((url, "bi-mat-chung-0123456789", "abc123"), (subscribed.Url, subscribed.Secret, subscribed.Headers["x-api-key"]));
        Assert.DoesNotContain(otherType, w => w.Key == key);
        Assert.Contains(url, Text(list), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Contains("Đã tắt webhook", Text(after), StringComparison.Ordinal);
        Assert.Matches($"{Regex.Escape(url)}</a></th>.*?<td>Đang tắt</td>", after.ReplaceLineEndings(" "));
        Assert.DoesNotContain(whileOff, w => w.Key == key);
        Assert.DoesNotContain("bi-mat-chung-0123456789", after, StringComparison.Ordinal);
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(2, await db.AuditLog.CountAsync(a => a.EntityType == AuditEntityTypes.Webhook && a.EntityKey == key));
    }

    [Fact]
    public async Task Webhook_FtpAddressAndNoEvent_VietnameseMessagesBesideFieldsAndTypedValuesKept()
    {
        using var admin = await AdministratorAsync();

        var (response, html) = await admin.SubmitAsync(Root + "/webhook/tao-moi", Root + "/webhook/tao-moi", new Dictionary<string, string>
        {
            ["url"] = "ftp://nhan.example/hooks",
            ["headers"] = "X-Api-Key: abc123",
            ["enabled"] = "true",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#url\">Địa chỉ nhận phải là một URL đầy đủ bắt đầu bằng http:// hoặc https://", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#event-Umbraco-ContentPublish\">Chọn ít nhất một sự kiện trong danh sách.</a>", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"url-loi\" class=\"field-error\">", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"events-loi\" class=\"field-error\">", html, StringComparison.Ordinal);
        Assert.Matches("<input id=\"url\"[^>]*value=\"ftp://nhan.example/hooks\"[^>]*aria-invalid=\"true\"", html);
        Assert.Contains(">X-Api-Key: abc123</textarea>", html, StringComparison.Ordinal);
        Assert.Matches("<input type=\"checkbox\" id=\"enabled\"[^>]*checked=\"checked\"", html);
    }

    private Task<BackofficeBrowser> AdministratorAsync() => fixture.Site.SignedInAsync(BackofficeAccounts.Administrators, "Quản trị cài đặt");
}
