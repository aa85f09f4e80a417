using Microsoft.Playwright;
using Portal.E2E.TestHost;

namespace Portal.E2E.Backoffice;

[Collection("Backoffice")]
public sealed class ColumnCurationTests(PortalSiteFixture site) : IClassFixture<PortalSiteFixture>
{
    [Fact]
    public async Task ColumnArticle_AddedFeaturedMovedToTopAndPublished_IsFirstInCuratedList()
    {
        var url = site.FirstUrlBelow("/", "article");
        var article = site.Routes.Resolve(url) ?? throw new InvalidOperationException($"No article at {url}.");
        var (context, page) = await BackofficeUsers.SignedInAsync(site, "Báo Kon Tum E2E", BackofficeUsers.Newspaper);
        await using var _ = context;

        await page.GotoAsync("/umbraco/chuyen-trang-cchc");
        await page.Locator("#tim-tin-bai").FillAsync(article.Name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
        var row = page.Locator("ol.sortable > li").Filter(new() { Has = page.Locator("strong", new() { HasTextString = article.Name }) });
        if (await row.CountAsync() == 0)
        {
            // Only articles not yet in the column are offered.
            await page.Locator("button[value^='them:']").Filter(new() { HasTextString = article.Name }).First.ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        await Assertions.Expect(row).ToHaveCountAsync(1);
        for (var guard = 0; guard < 50 && await row.GetByRole(AriaRole.Button, new() { Name = "Lên" }).IsEnabledAsync(); guard++)
        {
            await row.GetByRole(AriaRole.Button, new() { Name = "Lên" }).ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        await Assertions.Expect(page.Locator("ol.sortable > li").First.Locator("strong").First).ToHaveTextAsync(article.Name);
        await row.GetByLabel("Nổi bật").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu và xuất bản", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();

        var (readerContext, reader) = await site.NewPageAsync();
        await using var __ = readerContext;
        await reader.GotoAsync("/chuyen-trang-cchc/");
        var first = reader.Locator("h2:has-text('Tin bài chọn lọc') + ul.list > li").First;
        await Assertions.Expect(first.Locator("a")).ToHaveAttributeAsync("href", url);
        await Assertions.Expect(first.Locator(".badge")).ToHaveTextAsync("Nổi bật");
    }
}
