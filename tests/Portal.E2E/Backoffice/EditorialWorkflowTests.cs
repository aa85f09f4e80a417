using Microsoft.Playwright;
using Portal.E2E.TestHost;

namespace Portal.E2E.Backoffice;

/// <summary>The unit's way to the public site: upload an image, set its focal point, write, send for approval, publish.</summary>
[Collection("Backoffice")]
public sealed class EditorialWorkflowTests(PortalSiteFixture site) : IClassFixture<PortalSiteFixture>
{
    [Fact]
    public async Task UnitArticle_SentForApprovalAndApproved_IsPublicWithFocalPointImage()
    {
        var imageName = "Ảnh E2E " + Guid.NewGuid().ToString("N")[..6];
        var title = "Sở Nội vụ thử quy trình duyệt " + Guid.NewGuid().ToString("N")[..6];
        var unit = site.Routes.Resolve("/don-vi/so-noi-vu/") ?? throw new InvalidOperationException("No Sở Nội vụ.");

        var (editorContext, editor) = await BackofficeUsers.SignedInAsync(site, "Biên tập viên E2E", BackofficeUsers.UnitEditors);
        await using var _ = editorContext;

        await BackofficeUsers.OpenUploadedImageAsync(editor, imageName);
        await editor.Locator("#focalLeft").FillAsync("30");
        await editor.Locator("#focalTop").FillAsync("70");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Lưu thông tin", Exact = true }).ClickAsync();
        await editor.WaitForLoadStateAsync();
        await Assertions.Expect(editor.Locator("#focalLeft")).ToHaveValueAsync("30");
        await Assertions.Expect(editor.Locator("#focalTop")).ToHaveValueAsync("70");

        await editor.GotoAsync($"/umbraco/noi-dung/tao-moi?cha={unit.Key}&loai=article");
        await editor.Locator("#ten").FillAsync(title);
        await editor.Locator("#f-title").FillAsync(title);
        await editor.Locator("#f-summary").FillAsync("Tóm tắt bài thử quy trình.");
        await editor.Locator(".rich-area").First.FillAsync("Nội dung bài viết thử quy trình biên tập và duyệt.");
        await editor.Locator("#f-category").SelectOptionAsync(new SelectOptionValue { Label = "Tin tức" });
        await editor.Locator("#f-image").SelectOptionAsync(new SelectOptionValue { Label = imageName + " (.png)" });
        await editor.GetByRole(AriaRole.Button, new() { Name = "Lưu và gửi duyệt", Exact = true }).ClickAsync();
        await editor.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/umbraco/noi-dung/[0-9a-f-]{36}"));
        var key = BackofficeUsers.KeyIn(editor.Url);

        var (approverContext, approver) = await BackofficeUsers.SignedInAsync(site, "Người duyệt E2E", BackofficeUsers.UnitApprovers);
        await using var __ = approverContext;
        await approver.GotoAsync($"/umbraco/noi-dung/{key}");
        await approver.GetByRole(AriaRole.Button, new() { Name = "Duyệt và xuất bản", Exact = true }).ClickAsync();
        await approver.WaitForLoadStateAsync();
        var publicLink = approver.GetByRole(AriaRole.Link, new() { Name = "Xem trang công khai (cửa sổ mới)" });
        await Assertions.Expect(publicLink).ToBeVisibleAsync();
        var publicUrl = await publicLink.GetAttributeAsync("href") ?? throw new InvalidOperationException("No public link.");

        var (readerContext, reader) = await site.NewPageAsync();
        await using var ___ = readerContext;
        var response = await reader.GotoAsync(publicUrl);
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(reader.Locator("h1")).ToContainTextAsync(title);
        var sources = await reader.Locator("picture source, picture img").EvaluateAllAsync<string[]>(
            "els => els.map(e => (e.getAttribute('srcset') || '') + ' ' + (e.getAttribute('src') || ''))");
        var all = Uri.UnescapeDataString(string.Join(" ", sources));
        Assert.True(all.Contains("rxy=0.3,0.7", StringComparison.Ordinal), $"no rxy=0.3,0.7 in the article picture: {all}");
    }

    [Fact]
    public async Task UnitEditor_OtherUnit_IsNotInTreeAndAnswers403()
    {
        var other = site.Routes.Resolve("/don-vi/so-tai-chinh/") ?? throw new InvalidOperationException("No Sở Tài chính.");
        var (context, page) = await BackofficeUsers.SignedInAsync(site, "Biên tập viên E2E", BackofficeUsers.UnitEditors);
        await using var _ = context;

        await page.GotoAsync("/umbraco/noi-dung");
        var tree = await page.Locator("nav[aria-label='Cây nội dung']").InnerTextAsync();
        Assert.Contains("Sở Nội vụ", tree, StringComparison.Ordinal);
        Assert.DoesNotContain("Sở Tài chính", tree, StringComparison.Ordinal);

        var response = await page.GotoAsync($"/umbraco/noi-dung/{other.Key}");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Không có quyền truy cập");
    }
}
