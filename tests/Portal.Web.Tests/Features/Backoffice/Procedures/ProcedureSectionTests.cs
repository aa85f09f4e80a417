using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Portal.Web.Tests.Features.Management.Procedures;
using Portal.Web.Tests.Features.SignIn;

namespace Portal.Web.Tests.Features.Backoffice.Procedures;

/// <summary>The procedures section: the import form, the progress page that refreshes itself, and the per-record report.</summary>
public sealed class ProcedureSectionTests(ProcedureImportSiteFixture fixture) : IClassFixture<ProcedureImportSiteFixture>
{
    private const string Root = "/umbraco/thu-tuc-hanh-chinh";

    [Fact]
    public async Task Section_ProceduresGroup_ShowsTheImportFormAndTheDecisionsDoor()
    {
        using var browser = await fixture.Site.SignedInAsync("procedures", "Cán bộ kiểm soát thủ tục");

        var (response, html) = await browser.GetAsync(Root);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("enctype=\"multipart/form-data\"", html, StringComparison.Ordinal);
        Assert.Contains("Nhập quyết định công bố mới", BackofficeBrowser.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Section_NewspaperStaff_403()
    {
        using var browser = await fixture.Site.SignedInAsync(BackofficeAccounts.Newspaper, "Phóng viên");

        var (response, _) = await browser.GetAsync(Root);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Import_UploadedFile_ProgressPageEndsWithTheReportOfEachRecord()
    {
        using var browser = await fixture.Site.SignedInAsync("procedures", "Cán bộ nhập thủ tục");
        var (created, rejected) = (ProcedureFiles.NewCode(), ProcedureFiles.NewCode());
        var file = ProcedureFiles.Json(ProcedureFiles.Record(created, "Đăng ký giám hộ lưu động"), ProcedureFiles.Record(rejected, "Thủ tục sai lĩnh vực", field: ""));

        var (posted, _) = await PostFileAsync(browser, Encoding.UTF8.GetBytes(file), "thu-tuc.json");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var job = posted.Headers.Location!.OriginalString;
        var html = await ReportAsync(browser, job);
        var text = BackofficeBrowser.Text(html);
        Assert.Contains("2 bản ghi: 1 tạo mới, 0 cập nhật, 0 không đổi, 1 bị từ chối.", text, StringComparison.Ordinal);
        Assert.Contains(created, text, StringComparison.Ordinal);
        Assert.Contains("Bị từ chối", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WrongFileType_400WithAVietnameseMessage()
    {
        using var browser = await fixture.Site.SignedInAsync("procedures", "Cán bộ nhập nhầm tệp");

        var (response, html) = await PostFileAsync(browser, Encoding.UTF8.GetBytes("%PDF-1.4"), "quyet-dinh.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Chỉ nhận tệp JSON (.json), CSV (.csv) hoặc Excel (.xlsx)", BackofficeBrowser.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WithoutAntiforgeryToken_400AndNothingStarted()
    {
        using var browser = await fixture.Site.SignedInAsync("procedures", "Cán bộ không có mã chống giả mạo");

        var (response, _) = await PostFileAsync(browser, Encoding.UTF8.GetBytes("[]"), "thu-tuc.json", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<string> ReportAsync(BackofficeBrowser browser, string job)
    {
        // The page refreshes itself every 2 s while the import runs; a browser would follow the Refresh header.
        for (var attempt = 0; attempt < 150; attempt++)
        {
            var (response, html) = await browser.GetAsync(job);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (!response.Headers.Contains("Refresh"))
            {
                return html;
            }

            await Task.Delay(200);
        }

        Assert.Fail("The import did not finish within 30 seconds.");
        return string.Empty;
    }

    private static async Task<(HttpResponseMessage Response, string Html)> PostFileAsync(BackofficeBrowser browser, byte[] file, string fileName,
        bool withToken = true)
    {
        var (_, page) = await browser.GetAsync(Root);
        using var form = new MultipartFormDataContent();
        if (withToken)
        {
            form.Add(new StringContent(BackofficeBrowser.TokenIn(page, Root + "/nhap"), Encoding.UTF8), "__RequestVerificationToken");
        }

        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "tep", fileName);
        var response = await browser.Client.PostAsync(new Uri(Root + "/nhap", UriKind.Relative), form);
        return (response, await response.Content.ReadAsStringAsync());
    }
}
