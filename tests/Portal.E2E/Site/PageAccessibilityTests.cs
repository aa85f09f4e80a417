using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.E2E.TestHost;
using Portal.Infrastructure.PublishedCache;

namespace Portal.E2E.Site;

/// <summary>
/// Every kind of public page, on a phone (320 px) and a desktop (1280 px): right status, Vietnamese
/// <c>lang</c>, one <c>h1</c>, and no axe-core violation at WCAG 2.2 AA.
/// </summary>
public sealed partial class PageAccessibilityTests(PortalSiteFixture site) : IClassFixture<PortalSiteFixture>
{
    private const int Height = 800;

    private static readonly int[] Widths = [320, 1280];

    /// <summary>Page kind → how to find its URL on the seeded site.</summary>
    private static readonly Dictionary<string, Func<PortalSiteFixture, string>> Pages = new()
    {
        ["home"] = _ => "/",
        ["column"] = _ => "/chuyen-trang-cchc/",
        ["article"] = FirstArticleUrl,
        ["directive-list"] = _ => "/chi-dao-dieu-hanh/",
        ["directive"] = s => s.FirstUrlBelow("/chi-dao-dieu-hanh/", "directive"),
        ["units"] = _ => "/don-vi/",
        ["unit"] = _ => "/don-vi/so-noi-vu/",
        ["legal-documents"] = _ => "/van-ban/",
        ["legal-document"] = s => s.FirstUrlBelow("/van-ban/", "legalDocument"),
        ["index-results"] = _ => "/ket-qua-chi-so/",
        ["search"] = _ => "/tim-kiem/",
        ["about"] = _ => "/gioi-thieu/",
        ["procedure-finder"] = _ => "/thu-tuc-hanh-chinh/?linh-vuc=H%E1%BB%99%20t%E1%BB%8Bch",
        ["procedure"] = _ => "/thu-tuc-hanh-chinh/1.001193",
        ["procedure-abolished"] = _ => "/thu-tuc-hanh-chinh/1.000954",
        ["procedure-print"] = _ => "/thu-tuc-hanh-chinh/1.001193?ban-in=1",
        ["forum"] = _ => "/dien-dan",
        ["forum-ask"] = _ => "/dien-dan/hoi",
        ["forum-track"] = _ => "/dien-dan/tra-cuu",
        ["forum-statistics"] = _ => "/dien-dan/thong-ke",
        ["not-found"] = _ => "/khong-co-trang-nay/",
    };

    public static TheoryData<string, int> PagesAndWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var kind in Pages.Keys)
        {
            foreach (var width in Widths)
            {
                data.Add(kind, width);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndWidths))]
    public async Task Page_AtWidth_IsVietnameseWithOneH1AndNoAxeViolations(string kind, int width)
    {
        var path = Pages[kind](site);
        var expectedStatus = kind == "not-found" ? 404 : 200;
        var (context, page) = await site.NewPageAsync(width, Height);
        await using var _ = context;

        var response = await page.GotoAsync(path);

        Assert.NotNull(response);
        Assert.True(response.Status == expectedStatus, $"{path}: status {response.Status}, expected {expectedStatus}");
        Assert.Equal("vi", await page.Locator("html").GetAttributeAsync("lang"));
        var headings = await page.Locator("h1").AllInnerTextsAsync();
        Assert.True(headings.Count == 1, $"{path}: expected one h1, found {headings.Count}: [{string.Join(" | ", headings)}]");
        Axe.AssertNoViolations(await page.RunWcagAxeAsync(), $"{path} ({kind}) at {width}x{Height}");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/don-vi/so-noi-vu/")]
    public async Task Page_OnAPhoneAfterOpeningTheMenuAndEnlargingText_StillHasNoAxeViolations(string path)
    {
        var (context, page) = await site.NewPageAsync(320, Height);
        await using var _ = context;
        await page.GotoAsync(path);
        var menu = page.Locator("[data-menu-toggle]");
        var firstSection = page.Locator("#site-nav a").First;
        Assert.False(await firstSection.IsVisibleAsync());

        await menu.ClickAsync();
        var afterMenu = await page.RunWcagAxeAsync();
        var baseSize = await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.body).fontSize)");
        await page.Locator("button[data-scale=up]").ClickAsync();
        await page.Locator("button[data-scale=up]").ClickAsync();
        var enlarged = await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.body).fontSize)");

        Assert.Equal("true", await menu.GetAttributeAsync("aria-expanded"));
        Assert.True(await firstSection.IsVisibleAsync());
        Axe.AssertNoViolations(afterMenu, $"{path} at 320 with the menu open");
        Assert.True(enlarged > baseSize, $"font size {baseSize} → {enlarged}");
        Axe.AssertNoViolations(await page.RunWcagAxeAsync(), $"{path} at 320 with larger text");
    }

    [Fact]
    public async Task Article_WithoutJavaScript_ShowsTitleAndBodyText()
    {
        var url = FirstArticleUrl(site);
        var node = site.Routes.Resolve(url)!;
        var content = await site.Services.GetRequiredService<PublishedContentCache>().GetAsync(node, CancellationToken.None)
            ?? throw new InvalidOperationException($"{url} has no live edition.");
        var title = content.Values.TryGetValue("title", out var stored) && !string.IsNullOrWhiteSpace(stored) ? stored : content.Name;
        var opening = OpeningWords(RichTextMarkup(content.Values, "body") ?? throw new InvalidOperationException($"{url} has no body."));
        var (context, page) = await site.NewPageAsync(width: 320, javaScriptEnabled: false);
        await using var _ = context;

        var response = await page.GotoAsync(url);

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        var heading = page.Locator("h1");
        Assert.Equal(Collapse(title), Collapse(await heading.InnerTextAsync()));
        Assert.True(await heading.IsVisibleAsync(), "The h1 is hidden without JavaScript.");
        var main = page.Locator("main");
        Assert.True(await main.IsVisibleAsync(), "main is hidden without JavaScript.");
        Assert.Contains(opening, Collapse(await main.InnerTextAsync()), StringComparison.Ordinal);
    }

    /// <summary>
    /// The fast in-page axe run that the page tests use must find exactly what Deque's own <c>RunAxe</c> finds:
    /// checked on a real page with known faults added, one of them inside an iframe.
    /// </summary>
    [Fact]
    public async Task Axe_InPageRun_FindsTheSameAsDequeRunAxe()
    {
        var (context, page) = await site.NewPageAsync(width: 320);
        await using var _ = context;
        await page.GotoAsync(FirstArticleUrl(site));
        await page.EvaluateAsync("""
            () => {
                const faults = document.createElement('div');
                faults.innerHTML = '<img src="/khong-co.png"><a href="/"></a><p style="color:#bbb;background:#fff">Chữ mờ</p>'
                    + '<iframe id="e2e-frame" title="Khung thử" srcdoc="<!doctype html><html lang=vi><title>Khung</title><button></button></html>"></iframe>';
                document.querySelector('main').append(faults);
            }
            """);
        await page.FrameLocator("#e2e-frame").Locator("button").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });

        var inPage = Axe.Findings(await page.RunWcagAxeAsync());
        var isolated = Axe.Findings(await page.RunWcagAxeIsolatedAsync());

        Assert.Equal(isolated, inPage);
        foreach (var expected in new[] { "image-alt @ ", "link-name @ ", "color-contrast @ ", "button-name @ #e2e-frame >> button" })
        {
            Assert.Contains(inPage, f => f.StartsWith(expected, StringComparison.Ordinal));
        }
    }

    private static string FirstArticleUrl(PortalSiteFixture site)
    {
        var column = site.Routes.Resolve("/chuyen-trang-cchc/") ?? throw new InvalidOperationException("No /chuyen-trang-cchc/.");
        var article = site.Routes.ChildrenOf(column.Key).FirstOrDefault(n => n.ContentTypeAlias == "article")
            ?? throw new InvalidOperationException("No article under /chuyen-trang-cchc/.");
        return site.Routes.UrlOf(article.Key) ?? throw new InvalidOperationException($"'{article.Name}' has no URL.");
    }

    /// <summary>The markup of a rich text field, stored as <c>{"markup": "..."}</c>.</summary>
    private static string? RichTextMarkup(IReadOnlyDictionary<string, string> values, string alias)
    {
        if (!values.TryGetValue(alias, out var stored) || string.IsNullOrWhiteSpace(stored))
        {
            return null;
        }

        using var json = JsonDocument.Parse(stored);
        return json.RootElement.TryGetProperty("markup", out var markup) ? markup.GetString() : null;
    }

    /// <summary>The first dozen words of the first paragraph of rich text, as a reader sees them.</summary>
    private static string OpeningWords(string markup)
    {
        var paragraph = FirstParagraph().Match(markup);
        var text = Collapse(WebUtility.HtmlDecode(Tag().Replace(paragraph.Success ? paragraph.Groups[1].Value : markup, string.Empty)));
        return string.Join(' ', text.Split(' ').Take(12));
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex("<p[^>]*>(.*?)</p>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FirstParagraph();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
