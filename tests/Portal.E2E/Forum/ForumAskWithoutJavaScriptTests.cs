using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.TestHost;

namespace Portal.E2E.Forum;

/// <summary>The ask form is a plain HTML form: a browser with JavaScript turned off sends a question.</summary>
[Collection("Forum")]
public sealed partial class ForumAskWithoutJavaScriptTests(PortalSiteFixture site) : IClassFixture<PortalSiteFixture>
{
    /// <summary>The next page's markup is there; the assertions after it wait for what they need (the load event can lag on a busy box).</summary>
    private static readonly PageWaitForURLOptions DomReady = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    [Fact]
    public async Task AskForm_WithoutJavaScript_SubmitsAndShowsThankYouPage()
    {
        var (context, page) = await site.NewPageAsync(width: 320, javaScriptEnabled: false);
        await using var _ = context;
        await page.GotoAsync("/dien-dan/hoi");

        await page.GetByLabel("Phản ánh, kiến nghị", new() { Exact = true }).CheckAsync();
        await page.Locator("#f-title").FillAsync("Phản ánh thời gian chờ tại bộ phận một cửa " + Guid.NewGuid().ToString("N")[..6]);
        await page.Locator("#f-body").FillAsync("Thời gian chờ nhận hồ sơ buổi sáng thứ Hai kéo dài hơn hai giờ đồng hồ.");
        await page.Locator("#f-name").FillAsync("Lê Văn Cường");
        await page.Locator("#f-contact").FillAsync("0905123456");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi câu hỏi", Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/dien-dan/hoi/da-gui?**", DomReady);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Đã gửi câu hỏi");
        await Assertions.Expect(page.Locator("main .notice strong")).ToHaveTextAsync(TrackingCode());
        var code = await page.Locator("main .notice strong").InnerTextAsync();

        // The tracking form works the same way.
        await page.GotoAsync("/dien-dan/tra-cuu");
        await page.Locator("#t-code").FillAsync(code);
        await page.Locator("#t-contact").FillAsync("0905123456");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#ket-qua")).ToContainTextAsync("Phản ánh thời gian chờ tại bộ phận một cửa");
        await Assertions.Expect(page.Locator(".forum-facts")).ToContainTextAsync(code);
    }

    [GeneratedRegex(@"PAKN-\d{4}-\d{6}")]
    private static partial Regex TrackingCode();
}
