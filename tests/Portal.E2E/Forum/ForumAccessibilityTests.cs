using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Backoffice;
using Portal.E2E.TestHost;

namespace Portal.E2E.Forum;

/// <summary>The forum's public pages on a phone and a desktop, and its backoffice screens: no axe-core violation at WCAG 2.2 AA.</summary>
[Collection("Forum")]
public sealed partial class ForumAccessibilityTests(PortalSiteFixture site) : IClassFixture<PortalSiteFixture>
{
    private const int Height = 800;

    public static TheoryData<string, int> PublicPages() => new()
    {
        { "/dien-dan", 320 },
        { "/dien-dan", 1280 },
        { "/dien-dan/hoi", 320 },
        { "/dien-dan/hoi", 1280 },
        { "/dien-dan/tra-cuu", 320 },
        { "/dien-dan/tra-cuu", 1280 },
        { "/dien-dan/thong-ke", 320 },
        { "/dien-dan/thong-ke", 1280 },
    };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task ForumPage_AtWidth_IsVietnameseWithOneH1AndNoAxeViolations(string path, int width)
    {
        // An answered question, so the list and the statistics have rows to show.
        await ForumScenario.AnsweredAsync(site, "Hỏi về hồ sơ đăng ký khai sinh " + Guid.NewGuid().ToString("N")[..6]);
        var (context, page) = await site.NewPageAsync(width, Height);
        await using var _ = context;

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        await AssertAccessibleAsync(page, $"{path} at {width}x{Height}");
    }

    [Theory]
    [InlineData(320)]
    [InlineData(1280)]
    public async Task Thread_WithApprovedAnswer_HasNoAxeViolations(int width)
    {
        var question = await ForumScenario.AnsweredAsync(site, "Hỏi về giấy tờ khai sinh cho con " + Guid.NewGuid().ToString("N")[..6]);
        var (context, page) = await site.NewPageAsync(width, Height);
        await using var _ = context;

        var response = await page.GotoAsync("/dien-dan/" + question.TrackingCode.ToLowerInvariant());

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator("article.forum-answer")).ToHaveCountAsync(1);
        // The report forms are inside <details>: open them so axe sees them too.
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        await AssertAccessibleAsync(page, $"{page.Url} at {width}x{Height}");
    }

    [Fact]
    public async Task AskForm_SubmittedEmpty_ShowsErrorSummaryWithoutAxeViolations()
    {
        var (context, page) = await site.NewPageAsync(320, Height);
        await using var _ = context;
        await page.GotoAsync("/dien-dan/hoi");

        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi câu hỏi", Exact = true }).ClickAsync();

        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary.Locator("li a")).Not.ToHaveCountAsync(0);
        Assert.Equal("true", await page.Locator("#f-title").GetAttributeAsync("aria-invalid"));
        await AssertAccessibleAsync(page, "/dien-dan/hoi after an empty submit");
    }

    [Fact]
    public async Task TrackPage_UnknownCode_ShowsErrorWithoutAxeViolations()
    {
        var (context, page) = await site.NewPageAsync(320, Height);
        await using var _ = context;
        await page.GotoAsync("/dien-dan/tra-cuu");

        await page.Locator("#t-code").FillAsync("PAKN-2026-999999");
        await page.Locator("#t-contact").FillAsync("khong-co@example.vn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("main [role=alert]")).ToContainTextAsync("Không tìm thấy câu hỏi");
        await AssertAccessibleAsync(page, "/dien-dan/tra-cuu after an unknown code");
    }

    [Fact]
    public async Task BackofficeForum_Moderator_QueueAndQuestionHaveNoAxeViolations()
    {
        var title = "Hỏi về thủ tục cấp bản sao trích lục " + Guid.NewGuid().ToString("N")[..6];
        await ForumScenario.AskedAsync(site, title);
        var (context, page) = await BackofficeUsers.SignedInAsync(site, "Kiểm duyệt viên E2E", ForumScenario.Moderators);
        await using var _ = context;

        var queues = await page.GotoAsync("/umbraco/dien-dan");
        Assert.Equal(200, queues!.Status);
        await AssertAccessibleAsync(page, "/umbraco/dien-dan (moderator)");

        await page.Locator("section:has(#cho-kiem-duyet)").GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(BackofficeQuestion());
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        await AssertAccessibleAsync(page, $"{page.Url} (moderator, awaiting moderation)");

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng câu hỏi", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("thong-bao=da-dang"));
        await AssertAccessibleAsync(page, $"{page.Url} (moderator, published)");
    }

    [Fact]
    public async Task BackofficeForum_UnitWriter_QueueAndAnswerFormHaveNoAxeViolations()
    {
        var question = await ForumScenario.AskedAsync(site, "Hỏi về thời hạn cấp trích lục " + Guid.NewGuid().ToString("N")[..6]);
        await ForumScenario.PublishedAsync(site, question);
        var (context, page) = await BackofficeUsers.SignedInAsync(site, "Chuyên viên E2E", ForumScenario.UnitEditors);
        await using var _ = context;

        await page.GotoAsync("/umbraco/dien-dan");
        await AssertAccessibleAsync(page, "/umbraco/dien-dan (unit writer)");

        await page.Locator("section:has(#can-tra-loi)").GetByRole(AriaRole.Link, new() { Name = question.Title, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(BackofficeQuestion());
        await Assertions.Expect(page.Locator("#noi-dung-tra-loi")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, $"{page.Url} (unit writer)");
    }

    private static async Task AssertAccessibleAsync(IPage page, string where)
    {
        Assert.Equal("vi", await page.Locator("html").GetAttributeAsync("lang"));
        var headings = await page.Locator("h1").AllInnerTextsAsync();
        Assert.True(headings.Count == 1, $"{where}: expected one h1, found {headings.Count}: [{string.Join(" | ", headings)}]");
        Axe.AssertNoViolations(await page.RunWcagAxeAsync(), where);
    }

    [GeneratedRegex(@"/umbraco/dien-dan/[0-9a-f-]{36}")]
    private static partial Regex BackofficeQuestion();
}
