using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Workflow;
using Portal.Data.Media;
using Portal.Web.Features.Management.Documents;
using Portal.Web.Tests.Features.SignIn;
using static Portal.Web.Tests.Features.SignIn.BackofficeBrowser;

namespace Portal.Web.Tests.Features.Backoffice.Content;

/// <summary>The upload field of the generated editor: a file chosen on the page goes to the media library when the page is saved.</summary>
public sealed partial class ContentSectionTests
{
    // The smallest file the library takes for a PDF: it looks only at the leading "%PDF-".
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task SaveAndPublish_LegalDocumentWithPdf_FieldHoldsMediaAddressServedWithTheFileAndListedInLibrary()
    {
        using var admin = await SignedInAsync(BackofficeAccounts.Administrators);
        var key = await DraftLegalDocumentAsync("Quyết định có tệp đính kèm", file: null);
        var fileName = $"quyet-dinh-{Guid.NewGuid():N}"[..20] + ".pdf";

        var (editor, html) = await admin.GetAsync($"/umbraco/noi-dung/{key}");
        var (saved, _) = await PostEditorAsync(admin, key, html, LegalDocument("Quyết định có tệp đính kèm", "xuat-ban"), Pdf, fileName);
        var url = (await Services.GetRequiredService<DocumentQueries>().FindAsync(key, CancellationToken.None))!.Current.Values
            .GetValueOrDefault("file") ?? string.Empty;
        using var reader = fixture.Site.Factory.CreateClient();
        var served = await reader.GetAsync(new Uri(url, UriKind.Relative));
        var item = (await Services.GetRequiredService<MediaItemStore>().FindByUrlsAsync([url], CancellationToken.None)).Single();
        var (_, folderHtml) = await admin.GetAsync($"/umbraco/media/{item.ParentKey}");

        Assert.Contains("enctype=\"multipart/form-data\"", html, StringComparison.Ordinal);
        Assert.Contains("type=\"file\" id=\"f-file\" name=\"tep:file\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith("thong-bao=da-xuat-ban", saved.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Matches("^/media/[a-z0-9]{8}/quyet-dinh-[0-9a-f]+\\.pdf$", url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("application/pdf", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(fileName, item.Name);
        Assert.Contains("Tệp đính kèm", Text(folderHtml), StringComparison.Ordinal);
        Assert.Contains(fileName, Text(folderHtml), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#!/bin/sh\nrm -rf /\n", ".pdf", "Nội dung tệp không khớp với phần mở rộng")]
    [InlineData("PK\u0003\u0004 not really a zip", ".zip", "Trường này chỉ nhận tệp pdf, doc, docx, xls, xlsx.")]
    [InlineData("", ".pdf", "Tệp tải lên không có nội dung.")]
    public async Task Save_RefusedFile_Answers400WithMessageBesideFieldKeepsTypedTitleAndStoresNothing(string content, string extension,
        string message)
    {
        using var admin = await SignedInAsync(BackofficeAccounts.Administrators);
        var key = await DraftLegalDocumentAsync("Văn bản trước khi sửa", file: "/media/abcd1234/ban-cu.pdf");
        var before = (await Services.GetRequiredService<DocumentQueries>().FindAsync(key, CancellationToken.None))!;
        var fileName = $"tu-choi-{Guid.NewGuid():N}"[..16] + extension;
        var typed = "Tiêu đề vừa gõ, chưa lưu " + Guid.NewGuid().ToString("N")[..6];

        var (_, html) = await admin.GetAsync($"/umbraco/noi-dung/{key}");
        var (refused, page) = await PostEditorAsync(admin, key, html, LegalDocument(typed, "luu", "/media/abcd1234/ban-cu.pdf"),
            Encoding.UTF8.GetBytes(content), fileName);
        var after = (await Services.GetRequiredService<DocumentQueries>().FindAsync(key, CancellationToken.None))!;
        var files = await Services.GetRequiredService<MediaItemStore>().FilesAsync(500, CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(message, FieldErrorIn(page, "f-file"), StringComparison.Ordinal);
        Assert.Contains("href=\"#f-file\"", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{typed}\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"/media/abcd1234/ban-cu.pdf\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(files, f => f.Name == fileName);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal("/media/abcd1234/ban-cu.pdf", after.Current.Values["file"]);
    }

    [Fact]
    public async Task Save_WithoutNewFile_KeepsTheCurrentAddress()
    {
        using var admin = await SignedInAsync(BackofficeAccounts.Administrators);
        var key = await DraftLegalDocumentAsync("Văn bản giữ tệp cũ", file: "/media/abcd1234/giu-nguyen.pdf");

        var (_, html) = await admin.GetAsync($"/umbraco/noi-dung/{key}");
        var (saved, _) = await PostEditorAsync(admin, key, html, LegalDocument("Văn bản giữ tệp cũ, đã sửa tên", "luu", "/media/abcd1234/giu-nguyen.pdf"),
            file: null, fileName: null);
        var document = (await Services.GetRequiredService<DocumentQueries>().FindAsync(key, CancellationToken.None))!;

        Assert.Contains("Tệp hiện tại: <a href=\"/media/abcd1234/giu-nguyen.pdf\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Văn bản giữ tệp cũ, đã sửa tên", document.Current.Name);
        Assert.Equal("/media/abcd1234/giu-nguyen.pdf", document.Current.Values["file"]);
    }

    [Fact]
    public async Task Create_WithPdfButNoName_KeepsNoFileAndAsksForItAgain()
    {
        using var admin = await SignedInAsync(BackofficeAccounts.Administrators);
        var fileName = $"chua-luu-{Guid.NewGuid():N}"[..17] + ".pdf";
        var (_, html) = await admin.GetAsync($"/umbraco/noi-dung/tao-moi?cha={Resolve("/van-ban")}&loai=legalDocument");
        var action = WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value);

        var (refused, page) = await PostEditorAsync(admin, action, html, LegalDocument(string.Empty, "luu"), Pdf, fileName);
        var files = await Services.GetRequiredService<MediaItemStore>().FilesAsync(500, CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Vui lòng nhập tên trang.", page, StringComparison.Ordinal);
        Assert.Contains($"Tệp «{fileName}» chưa được lưu vì trang còn lỗi", FieldErrorIn(page, "f-file"), StringComparison.Ordinal);
        Assert.Contains(">Trích yếu của quyết định</textarea>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(files, f => f.Name == fileName);
    }

    private async Task<Guid> DraftLegalDocumentAsync(string name, string? file)
    {
        var values = new Dictionary<string, string> { ["documentNumber"] = "12/QĐ-UBND", ["summary"] = "Trích yếu" };
        if (file is not null)
        {
            values["file"] = file;
        }

        var result = await Services.GetRequiredService<ContentEditing>().CreateAsync("legalDocument", Resolve("/van-ban"), name, values,
            Actor.System("test"));
        Assert.True(result.Succeeded, result.Status.ToString());
        return result.DocumentKey!.Value;
    }

    private static Dictionary<string, string> LegalDocument(string name, string then, string address = "") => new()
    {
        ["ten"] = name, ["f:documentNumber"] = "12/QĐ-UBND", ["f:documentType"] = "Quyết định", ["f:issueDate"] = "2026-11-20",
        ["f:issuer"] = "UBND tỉnh Kon Tum", ["f:summary"] = "Trích yếu của quyết định", ["f:file"] = address, ["thao-tac"] = then,
    };

    /// <summary>
    /// Posts the editor's form as a browser does with a file input: multipart, the form's token and version, and the file part
    /// (with an empty name and no bytes when nothing was chosen).
    /// </summary>
    private static Task<(HttpResponseMessage Response, string Html)> PostEditorAsync(BackofficeBrowser browser, Guid key, string editorHtml,
        Dictionary<string, string> fields, byte[]? file, string? fileName) =>
        PostEditorAsync(browser, $"/umbraco/noi-dung/{key}", editorHtml, fields, file, fileName);

    private static async Task<(HttpResponseMessage Response, string Html)> PostEditorAsync(BackofficeBrowser browser, string action, string editorHtml,
        Dictionary<string, string> fields, byte[]? file, string? fileName)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(TokenIn(editorHtml, WebUtility.HtmlEncode(action)), Encoding.UTF8), "__RequestVerificationToken" },
        };
        if (VersionIn(editorHtml) is { Length: > 0 } version)
        {
            form.Add(new StringContent(version, Encoding.UTF8), "phien-ban");
        }

        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value, Encoding.UTF8), name);
        }

        var part = new ByteArrayContent(file ?? []);
        part.Headers.ContentType = new MediaTypeHeaderValue(file is null ? "application/octet-stream" : "application/pdf");
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"tep:file\"", FileName = $"\"{fileName ?? string.Empty}\"" };
        form.Add(part);

        var response = await browser.Client.PostAsync(new Uri(action, UriKind.Relative), form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static string FieldErrorIn(string html, string fieldId)
    {
        var match = Regex.Match(html, $"<p class=\"field-error\" id=\"{Regex.Escape(fieldId)}-loi\">(.*?)</p>", RegexOptions.Singleline);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : string.Empty;
    }
}
