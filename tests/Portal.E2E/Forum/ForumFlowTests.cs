using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Backoffice;
using Portal.E2E.TestHost;

namespace Portal.E2E.Forum;

/// <summary>The forum through the browser, each person in their own context: citizen, moderator, unit writer, unit approver.</summary>
[Collection("Forum")]
public sealed partial class ForumFlowTests(PortalSiteFixture site) : IClassFixture<PortalSiteFixture>
{
    /// <summary>The next page's markup is there; the assertions after it wait for what they need (the load event can lag on a busy box).</summary>
    private static readonly PageWaitForURLOptions DomReady = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    private const string Phone = "0912 345 678";

    [Fact]
    public async Task Question_AskedConfirmedPublishedAnsweredAndReopened_CitizenSeesEachStep()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var title = $"Hỏi về cấp lại giấy khai sinh bản sao {suffix}";
        var email = $"nguoi-hoi-{suffix}@example.vn";
        var unitName = ForumScenario.UnitName(site);

        // The citizen asks.
        var (citizenContext, citizen) = await site.NewPageAsync();
        await using var _ = citizenContext;
        await citizen.GotoAsync("/dien-dan");
        await citizen.Locator("main .forum-links").GetByRole(AriaRole.Link, new() { Name = "Gửi câu hỏi, phản ánh, kiến nghị", Exact = true }).ClickAsync();
        await citizen.WaitForURLAsync("**/dien-dan/hoi", DomReady);
        await citizen.GetByLabel("Hỏi đáp", new() { Exact = true }).CheckAsync();
        await citizen.Locator("#f-topic").SelectOptionAsync(new SelectOptionValue { Label = "Hộ tịch" });
        await citizen.Locator("#f-title").FillAsync(title);
        await citizen.Locator("#f-body").FillAsync($"Tôi cần cấp lại bản sao giấy khai sinh, xin hướng dẫn thủ tục. Số điện thoại của tôi: {Phone}.");
        await citizen.Locator("#f-name").FillAsync("Nguyễn Văn An");
        await citizen.Locator("#f-contact").FillAsync(email);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi câu hỏi", Exact = true }).ClickAsync();
        await citizen.WaitForURLAsync("**/dien-dan/hoi/da-gui?**", DomReady);
        await Assertions.Expect(citizen.Locator("h1")).ToHaveTextAsync("Đã gửi câu hỏi");
        var code = TrackingCode().Match(await citizen.Locator("main .notice strong").InnerTextAsync()).Value;
        Assert.False(string.IsNullOrEmpty(code), "No tracking code on the thank-you page.");

        // The citizen confirms from the e-mail.
        var confirm = ForumScenario.ConfirmationLink(site, email);
        var confirmed = await citizen.GotoAsync(confirm);
        Assert.Equal(200, confirmed!.Status);
        await Assertions.Expect(citizen.Locator("h1")).ToHaveTextAsync("Đã xác nhận câu hỏi");

        // The moderator publishes with the phone masked and assigns Sở Nội vụ.
        var (moderatorContext, moderator) = await BackofficeUsers.SignedInAsync(site, "Kiểm duyệt viên E2E", ForumScenario.Moderators);
        await using var __ = moderatorContext;
        await moderator.GetByRole(AriaRole.Link, new() { Name = "Diễn đàn", Exact = true }).First.ClickAsync();
        await moderator.WaitForURLAsync("**/umbraco/dien-dan", DomReady);
        await moderator.Locator("section:has(#cho-kiem-duyet)").GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await moderator.WaitForURLAsync(BackofficeQuestion(), DomReady);
        var proposed = await moderator.Locator("textarea[name=noi-dung]").InputValueAsync();
        Assert.Contains("[đã ẩn]", proposed, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, proposed, StringComparison.Ordinal);
        await moderator.Locator("#don-vi-dang").SelectOptionAsync(ForumScenario.UnitKey(site).ToString());
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Đăng câu hỏi", Exact = true }).ClickAsync();
        await moderator.WaitForURLAsync(new Regex("thong-bao=da-dang"), DomReady);
        await Assertions.Expect(moderator.Locator("main")).ToContainTextAsync(unitName);

        // A writer of the unit answers and sends the answer for approval.
        var (writerContext, writer) = await BackofficeUsers.SignedInAsync(site, "Chuyên viên E2E", ForumScenario.UnitEditors);
        await using var ___ = writerContext;
        await writer.GotoAsync("/umbraco/dien-dan");
        await writer.Locator("section:has(#can-tra-loi)").GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await writer.WaitForURLAsync(BackofficeQuestion(), DomReady);
        await writer.Locator("#noi-dung-tra-loi").FillAsync("Ông/bà nộp tờ khai cấp bản sao trích lục hộ tịch tại UBND cấp xã nơi đã đăng ký khai sinh.");
        await writer.Locator("#trich-dan").FillAsync("Nghị định 123/2015/NĐ-CP, Điều 64");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt", Exact = true }).ClickAsync();
        await writer.WaitForURLAsync(new Regex("thong-bao=da-gui-duyet"), DomReady);

        // The unit's approver approves: the answer is public.
        var (approverContext, approver) = await BackofficeUsers.SignedInAsync(site, "Lãnh đạo đơn vị E2E", ForumScenario.UnitApprovers);
        await using var ____ = approverContext;
        await approver.GotoAsync("/umbraco/dien-dan");
        await approver.Locator("section:has(#cho-duyet)").GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await approver.WaitForURLAsync(BackofficeQuestion(), DomReady);
        await approver.GetByRole(AriaRole.Button, new() { Name = "Duyệt và công bố", Exact = true }).ClickAsync();
        await approver.WaitForURLAsync(new Regex("thong-bao=da-duyet"), DomReady);

        // The citizen reads the answer on the thread.
        var thread = await citizen.GotoAsync("/dien-dan/" + code.ToLowerInvariant());
        Assert.Equal(200, thread!.Status);
        await Assertions.Expect(citizen.Locator("h1")).ToHaveTextAsync(title);
        var answer = citizen.Locator("article.forum-answer");
        await Assertions.Expect(answer.Locator(".badge")).ToHaveTextAsync(unitName);
        await Assertions.Expect(answer).ToContainTextAsync("UBND cấp xã nơi đã đăng ký khai sinh");
        await Assertions.Expect(answer).ToContainTextAsync("Nghị định 123/2015/NĐ-CP, Điều 64");
        await Assertions.Expect(citizen.Locator("main")).Not.ToContainTextAsync(Phone);
        await Assertions.Expect(citizen.Locator("main")).Not.ToContainTextAsync(email);
        Axe.AssertNoViolations(await citizen.RunWcagAxeAsync(), $"{citizen.Url} (answered thread)");

        // The citizen is not satisfied and reopens the question from the tracking page.
        await citizen.GotoAsync("/dien-dan/tra-cuu");
        await citizen.Locator("#t-code").FillAsync(code);
        await citizen.Locator("#t-contact").FillAsync(email);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tra cứu", Exact = true }).ClickAsync();
        await Assertions.Expect(citizen.Locator("#r-reason")).ToBeVisibleAsync();
        await citizen.Locator("#r-reason").FillAsync("Tôi ở xã khác với nơi đăng ký khai sinh, xin hướng dẫn thêm.");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Mở lại câu hỏi", Exact = true }).ClickAsync();
        await Assertions.Expect(citizen.Locator(".forum-facts .status")).ToHaveTextAsync("Mở lại, chờ trả lời");
        await Assertions.Expect(citizen.Locator("main [role=status]")).ToContainTextAsync("Đã mở lại câu hỏi");
        Axe.AssertNoViolations(await citizen.RunWcagAxeAsync(), $"{citizen.Url} (tracking after reopening)");
    }

    [GeneratedRegex(@"PAKN-\d{4}-\d{6}")]
    private static partial Regex TrackingCode();

    [GeneratedRegex(@"/umbraco/dien-dan/[0-9a-f-]{36}")]
    private static partial Regex BackofficeQuestion();
}
