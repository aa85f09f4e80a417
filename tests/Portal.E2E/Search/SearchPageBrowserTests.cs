using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.E2E.TestHost;
using Portal.Infrastructure.Search;

namespace Portal.E2E.Search;

/// <summary>
/// <c>/tim-kiem</c> in a real browser: no axe-core violation at WCAG 2.2 AA with results (and with suggestions open), a plain
/// form without JavaScript, and suggestions as you type that the keyboard and the mouse can follow.
/// </summary>
[Collection("Search")]
public sealed partial class SearchPageBrowserTests(PortalSiteFixture site) : IClassFixture<PortalSiteFixture>
{
    private const int Height = 800;

    /// <summary>A seeded article (uSync/v17/Content) whose title words occur nowhere else.</summary>
    private const string SeededTitle = "Tổ chức cuộc thi tìm hiểu về công tác cải cách hành chính bằng hình thức sân khấu hóa";

    private static readonly PageWaitForURLOptions DomReady = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    [Theory]
    [InlineData(320)]
    [InlineData(1280)]
    public async Task ResultsPage_AtWidth_HasOneH1AndNoAxeViolations(int width)
    {
        await ReadyAsync();
        var (context, page) = await site.NewPageAsync(width, Height);
        await using var _ = context;

        var response = await page.GotoAsync("/tim-kiem/?q=" + Uri.EscapeDataString("cải cách hành chính") + "&sap-xep=moi-nhat");

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator(".search-results ol.list > li").First).ToBeVisibleAsync();
        Assert.True(await page.Locator(".search-results mark").CountAsync() > 0, "the matched words are marked");
        await AssertAccessibleAsync(page, $"/tim-kiem with results at {width}x{Height}");
    }

    [Fact]
    public async Task Form_WithoutJavaScript_SearchesAndFilters()
    {
        await ReadyAsync();
        var (context, page) = await site.NewPageAsync(width: 320, javaScriptEnabled: false);
        await using var _ = context;
        await page.GotoAsync("/tim-kiem/");

        await page.GetByLabel("Từ khóa", new() { Exact = true }).FillAsync("san khau hoa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(new Regex(@"/tim-kiem/\?q=san\+khau\+hoa"), DomReady);
        var first = page.Locator(".search-results ol.list > li").First;
        await Assertions.Expect(first.Locator("a")).ToHaveTextAsync(SeededTitle);
        await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync("kết quả cho «san khau hoa»");

        // A filter is a select of the same form: choose, send, and the choice stays.
        await page.GetByLabel("Loại nội dung", new() { Exact = true }).SelectOptionAsync("article");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(new Regex("loai=article"), DomReady);
        await Assertions.Expect(first.Locator("a")).ToHaveTextAsync(SeededTitle);
        await Assertions.Expect(page.GetByLabel("Loại nội dung", new() { Exact = true })).ToHaveValueAsync("article");
        Assert.Equal(0, await page.Locator("[role=listbox]").CountAsync());
    }

    [Fact]
    public async Task Suggestions_ArrowDownAndEnter_OpenTheChosenTitle()
    {
        await ReadyAsync();
        var (context, page) = await site.NewPageAsync(1280, Height);
        await using var _ = context;
        await page.GotoAsync("/tim-kiem/");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Từ khóa" });

        await box.PressSequentiallyAsync("sân khấu", new() { Delay = 40 });

        var option = page.GetByRole(AriaRole.Option, new() { Name = SeededTitle });
        await Assertions.Expect(option).ToBeVisibleAsync();
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await AssertAccessibleAsync(page, "/tim-kiem with suggestions open");

        var options = page.GetByRole(AriaRole.Option);
        var index = (await options.AllInnerTextsAsync()).ToList().IndexOf(SeededTitle);
        for (var i = 0; i <= index; i++)
        {
            await box.PressAsync("ArrowDown");
        }

        await Assertions.Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-activedescendant", (await option.GetAttributeAsync("id"))!);
        await box.PressAsync("Enter");

        await page.WaitForURLAsync("**" + SeededUrl(), DomReady);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(SeededTitle);
    }

    [Fact]
    public async Task Suggestions_ClickAndEscape_BehaveAsAListbox()
    {
        await ReadyAsync();
        var (context, page) = await site.NewPageAsync(320, Height);
        await using var _ = context;
        await page.GotoAsync("/tim-kiem/");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Từ khóa" });
        await box.PressSequentiallyAsync("san khau", new() { Delay = 40 });
        var option = page.GetByRole(AriaRole.Option, new() { Name = SeededTitle });
        await Assertions.Expect(option).ToBeVisibleAsync();

        // Escape closes the list and keeps the text; Enter then sends the form as typed.
        await box.PressAsync("Escape");
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(box).ToHaveValueAsync("san khau");

        await box.PressSequentiallyAsync(" h", new() { Delay = 40 });
        await Assertions.Expect(option).ToBeVisibleAsync();
        await option.ClickAsync();

        await page.WaitForURLAsync("**" + SeededUrl(), DomReady);
    }

    private string SeededUrl()
    {
        var node = site.Routes.DescendantsOf(site.Routes.Root!.Key, n => n.Name == SeededTitle).Single();
        return site.Routes.UrlOf(node.Key)!;
    }

    private async Task ReadyAsync()
    {
        using var ready = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await site.Services.GetRequiredService<SearchIndexes>().WhenReadyAsync(ready.Token);
    }

    /// <summary>The page's one heading stays the page's (the list adds none), and axe finds nothing at WCAG 2.2 AA.</summary>
    private static async Task AssertAccessibleAsync(IPage page, string where)
    {
        await Assertions.Expect(page.Locator("h1")).ToHaveCountAsync(1);
        Axe.AssertNoViolations(await page.RunWcagAxeAsync(), where);
    }
}
