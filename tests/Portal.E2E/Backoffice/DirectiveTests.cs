using Microsoft.Playwright;
using Portal.E2E.TestHost;

namespace Portal.E2E.Backoffice;

[Collection("Backoffice")]
public sealed class DirectiveTests(PortalSiteFixture site) : IClassFixture<PortalSiteFixture>
{
    [Fact]
    public async Task ProvincialOfficeDirective_WrittenAndPublished_AppearsOnPublicList()
    {
        var title = "Chỉ đạo thử E2E " + Guid.NewGuid().ToString("N")[..6];
        var (context, page) = await BackofficeUsers.SignedInAsync(site, "Văn phòng UBND E2E", BackofficeUsers.ProvincialOffice);
        await using var _ = context;

        await page.GotoAsync("/umbraco/chi-dao-dieu-hanh");
        await page.GetByRole(AriaRole.Link, new() { Name = "Viết tin chỉ đạo mới" }).First.ClickAsync();
        await page.Locator("#ten").FillAsync(title);
        await page.Locator("#f-title").FillAsync(title);
        await page.Locator("#f-summary").FillAsync("Tóm tắt tin chỉ đạo thử.");
        await page.Locator(".rich-area").First.FillAsync("Nội dung chỉ đạo điều hành thử.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu và xuất bản", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/umbraco/noi-dung/[0-9a-f-]{36}"));
        await Assertions.Expect(page.Locator(".badge.live")).ToBeVisibleAsync();

        var (readerContext, reader) = await site.NewPageAsync();
        await using var __ = readerContext;
        var response = await reader.GotoAsync("/chi-dao-dieu-hanh/");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(reader.Locator("main")).ToContainTextAsync(title);
    }
}
