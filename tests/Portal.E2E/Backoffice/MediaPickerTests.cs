using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.TestHost;

namespace Portal.E2E.Backoffice;

/// <summary>The media section's scripts in a real browser: the focal point set by a click, and the picker window of the content editor.</summary>
[Collection("Backoffice")]
public sealed partial class MediaPickerTests(PortalSiteFixture site) : IClassFixture<PortalSiteFixture>
{
    [Fact]
    public async Task FocalPoint_ClickOnPreviewAndSave_StoresClickedPosition()
    {
        var (context, page) = await BackofficeUsers.SignedInAsync(site, "Biên tập viên E2E", BackofficeUsers.UnitEditors);
        await using var _ = context;
        await BackofficeUsers.OpenUploadedImageAsync(page, "Ảnh tiêu điểm " + Guid.NewGuid().ToString("N")[..6]);

        var image = page.Locator("[data-focal] img");
        var box = await image.BoundingBoxAsync() ?? throw new InvalidOperationException("The preview is not shown.");
        await image.ClickAsync(new() { Position = new() { X = box.Width * 0.25f, Y = box.Height * 0.75f } });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thông tin", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(SavedNotice());
        await page.ReloadAsync();

        Assert.InRange(await PercentAsync(page.Locator("#focalLeft")), 24, 26);
        Assert.InRange(await PercentAsync(page.Locator("#focalTop")), 74, 76);
    }

    [Fact]
    public async Task MediaPickerWindow_ImageChosen_FillsArticleFieldAndSaveKeepsIt()
    {
        var imageName = "Ảnh chọn " + Guid.NewGuid().ToString("N")[..6];
        var title = "Bài thử cửa sổ chọn ảnh " + Guid.NewGuid().ToString("N")[..6];
        var unit = site.Routes.Resolve("/don-vi/so-noi-vu/") ?? throw new InvalidOperationException("No Sở Nội vụ.");
        var (context, page) = await BackofficeUsers.SignedInAsync(site, "Biên tập viên E2E", BackofficeUsers.UnitEditors);
        await using var _ = context;
        await BackofficeUsers.OpenUploadedImageAsync(page, imageName);

        await page.GotoAsync($"/umbraco/noi-dung/tao-moi?cha={unit.Key}&loai=article");
        await page.Locator("#ten").FillAsync(title);
        await page.Locator("#f-title").FillAsync(title);
        await page.Locator("#f-summary").FillAsync("Tóm tắt bài thử cửa sổ chọn ảnh.");
        await page.Locator(".rich-area").First.FillAsync("Nội dung bài thử chọn ảnh đại diện từ thư viện.");
        await page.Locator("#f-category").SelectOptionAsync(new SelectOptionValue { Label = "Tin tức" });
        var field = page.Locator("#f-image");
        await Assertions.Expect(field).ToHaveValueAsync(string.Empty);

        var picker = await page.RunAndWaitForPopupAsync(() =>
            page.Locator("#f-image + button").ClickAsync());
        await picker.WaitForLoadStateAsync();
        await Assertions.Expect(picker.Locator("h1")).ToHaveTextAsync("Chọn tệp từ thư viện media");
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        picker.Close += (_, _) => closed.TrySetResult();
        await picker.GetByRole(AriaRole.Link, new() { Name = "Chọn " + imageName, Exact = true }).ClickAsync();
        // The picker hands the choice back and closes itself; the editor's own select then shows it.
        await closed.Task.WaitAsync(TimeSpan.FromMilliseconds(PortalSiteFixture.Patience));
        await Assertions.Expect(field.Locator("option:checked")).ToHaveTextAsync(imageName + " (.png)");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(EditUrl());
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#f-image option:checked")).ToHaveTextAsync(imageName + " (.png)");
    }

    private static async Task<double> PercentAsync(ILocator input) =>
        double.Parse(await input.InputValueAsync(), NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"thong-bao=da-luu")]
    private static partial Regex SavedNotice();

    [GeneratedRegex(@"/umbraco/noi-dung/[0-9a-f-]{36}")]
    private static partial Regex EditUrl();
}
