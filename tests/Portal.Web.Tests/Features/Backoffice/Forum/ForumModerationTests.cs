using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Forum;
using Portal.Core.Text;
using Portal.Infrastructure.Forum;
using Portal.Web.Tests.Features.SignIn;
using static Portal.Web.Tests.Features.Backoffice.Forum.ForumSectionTestKit;

namespace Portal.Web.Tests.Features.Backoffice.Forum;

/// <summary>The Home Affairs moderators' screens: the queues, publishing with personal data masked, rejecting, assigning, transferring.</summary>
public sealed class ForumModerationTests(ForumSectionSiteFixture fixture) : IClassFixture<ForumSectionSiteFixture>
{
    private BackofficeSite Site => fixture.Site;

    [Fact]
    public async Task Section_Moderator_SeesTheQueuesWithTheirSizesAndTheNewQuestion()
    {
        var question = await Site.AskAsync();
        using var browser = await Site.SignedInAsync(HomeAffairs, "Chuyên viên Sở Nội vụ");

        var (response, html) = await browser.GetAsync(Root);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = BackofficeBrowser.Text(html);
        Assert.Matches(@"Chờ kiểm duyệt \(\d+\)", text);
        Assert.Matches(@"Chờ phân công \(\d+\)", text);
        Assert.Matches(@"Bị báo cáo \(\d+\)", text);
        Assert.Matches(@"Đang xử lý \(\d+\)", text);
        Assert.Contains(question.TrackingCode, text, StringComparison.Ordinal);
        Assert.Contains($"href=\"{QuestionPath(question.Key)}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Section_NewspaperStaff_403()
    {
        using var browser = await Site.SignedInAsync(BackofficeAccounts.Newspaper, "Phóng viên");

        var (response, _) = await browser.GetAsync(Root);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PublishForm_BodyWithPhoneAndEmail_PrefilledWithTheMaskedTextAndAWarning()
    {
        var question = await Site.AskAsync(body: "Tôi cần hỏi về hộ khẩu, gọi 0912 345 678 hoặc viết cho tôi ở an.nguyen@gmail.com nhé.");
        using var browser = await Site.SignedInAsync(HomeAffairs, "Chuyên viên kiểm duyệt");

        var (response, html) = await browser.GetAsync(QuestionPath(question.Key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var proposed = TextArea(html, "noi-dung-dang");
        Assert.Equal("Tôi cần hỏi về hộ khẩu, gọi [đã ẩn] hoặc viết cho tôi ở [đã ẩn] nhé.", proposed);
        Assert.Contains("Phát hiện thông tin cá nhân trong nội dung (2 chỗ)", BackofficeBrowser.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_WithAUnit_AssignedWithADueDateInWorkingDays()
    {
        var question = await Site.AskAsync();
        var unit = Site.Unit(HomeAffairsUnit);
        using var browser = await Site.SignedInAsync(HomeAffairs, "Chuyên viên đăng câu hỏi");
        var path = QuestionPath(question.Key);

        var (response, _) = await browser.SubmitAsync(path, path + "/dang", new Dictionary<string, string>
        {
            ["phien-ban"] = question.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["tieu-de"] = question.Title,
            ["noi-dung"] = question.Body,
            ["don-vi"] = unit.Key.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = (await Site.FindAsync(question.Key))!;
        Assert.Equal(QuestionStatus.Assigned, saved.Status);
        Assert.Equal(unit.Key, saved.AssignedUnitKey);
        var policy = Site.Services.GetRequiredService<IOptions<ForumPolicy>>().Value;
        var assignedOn = DateOnly.FromDateTime(VietnamTime.FromUtc(saved.AssignedAt!.Value));
        Assert.Equal(policy.Calendar().AddWorkingDays(assignedOn, policy.InquiryDeadlineDays), saved.DueOn);
        var (_, page) = await browser.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Contains($"hạn trả lời {saved.DueOn!.Value.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}",
            BackofficeBrowser.Text(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ThroughTheForm_SitemapListsTheThreadUnderANewETag()
    {
        var question = await Site.AskAsync();
        using var reader = Site.Factory.CreateClient();
        using var before = await reader.GetAsync(new Uri("/sitemap.xml", UriKind.Relative));
        using var browser = await Site.SignedInAsync(HomeAffairs, "Chuyên viên đăng cho sơ đồ trang");
        var path = QuestionPath(question.Key);

        var (response, _) = await browser.SubmitAsync(path, path + "/dang", new Dictionary<string, string>
        {
            ["phien-ban"] = question.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["tieu-de"] = question.Title,
            ["noi-dung"] = question.Body,
            ["don-vi"] = Site.Unit(HomeAffairsUnit).Key.ToString(),
        });
        using var after = await reader.GetAsync(new Uri("/sitemap.xml", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var thread = "<loc>http://localhost" + ForumPaths.Thread(question.TrackingCode) + "</loc>";
        Assert.DoesNotContain(thread, await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(thread, await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task Reject_WithoutReason_400WithAVietnameseMessageAndNothingChanged()
    {
        var question = await Site.AskAsync();
        using var browser = await Site.SignedInAsync(HomeAffairs, "Chuyên viên quên lý do");
        var path = QuestionPath(question.Key);

        var (response, html) = await browser.SubmitAsync(path, path + "/khong-dang", new Dictionary<string, string>
        {
            ["phien-ban"] = question.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ly-do"] = "  ",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Vui lòng ghi rõ lý do.", BackofficeBrowser.Text(html), StringComparison.Ordinal);
        Assert.Equal(QuestionStatus.Submitted, (await Site.FindAsync(question.Key))!.Status);
    }

    [Fact]
    public async Task Reject_WithReason_RejectedAndTheAskerIsToldWhyByMail()
    {
        var email = $"nguoi-hoi-{Guid.NewGuid():N}@gmail.com";
        var question = await Site.AskAsync(contact: email);
        using var browser = await Site.SignedInAsync(HomeAffairs, "Chuyên viên từ chối");
        var path = QuestionPath(question.Key);

        var (response, _) = await browser.SubmitAsync(path, path + "/khong-dang", new Dictionary<string, string>
        {
            ["phien-ban"] = question.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ly-do"] = "Nội dung không thuộc phạm vi cải cách hành chính.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(QuestionStatus.Rejected, (await Site.FindAsync(question.Key))!.Status);
        using var mail = await Site.MailAsync(email, $"Câu hỏi {question.TrackingCode} không được đăng");
        Assert.Contains("Nội dung không thuộc phạm vi cải cách hành chính.", mail.TextBody ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transfer_ToAnOutsideAgencyWithAReason_Transferred()
    {
        var question = await Site.AssignedAsync(HomeAffairsUnit);
        using var browser = await Site.SignedInAsync(HomeAffairs, "Chuyên viên chuyển xử lý");
        var path = QuestionPath(question.Key);

        var (response, _) = await browser.SubmitAsync(path, path + "/chuyen", new Dictionary<string, string>
        {
            ["phien-ban"] = question.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["don-vi"] = string.Empty,
            ["co-quan"] = "Bảo hiểm xã hội tỉnh Kon Tum",
            ["ly-do"] = "Thuộc thẩm quyền của cơ quan bảo hiểm xã hội.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = (await Site.FindAsync(question.Key))!;
        Assert.Equal(QuestionStatus.Transferred, saved.Status);
        Assert.Equal("Bảo hiểm xã hội tỉnh Kon Tum", saved.TransferredTo);
    }

    [Fact]
    public async Task Assign_StaleVersion_409WithTheConflictMessageAndNothingOverwritten()
    {
        var question = await Site.AskAsync();
        var moderation = Site.Services.GetRequiredService<ForumModeration>();
        Assert.Equal(ForumOperationStatus.Success, await moderation.PublishAsync(Actor.System("kiem-thu"), question.Key, null, question.Title,
            question.Body, null, SiteUrl, CancellationToken.None));
        using var browser = await Site.SignedInAsync(HomeAffairs, "Chuyên viên chậm tay");
        var path = QuestionPath(question.Key);
        var (_, page) = await browser.GetAsync(path);
        var seen = (await Site.FindAsync(question.Key))!.Version;
        var first = Site.Unit(HomeAffairsUnit);
        Assert.Equal(ForumOperationStatus.Success, await moderation.AssignAsync(Actor.System("dong-nghiep"), question.Key, seen, first.Key,
            SiteUrl, CancellationToken.None));

        var (response, html) = await browser.PostAsync(path + "/phan-cong", new Dictionary<string, string>
        {
            ["phien-ban"] = seen.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["don-vi"] = Site.Unit(ScienceUnit).Key.ToString(),
        }, BackofficeBrowser.TokenIn(page, path + "/phan-cong"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Câu hỏi vừa được người khác thay đổi; vui lòng tải lại trang.", BackofficeBrowser.Text(html), StringComparison.Ordinal);
        Assert.Equal(first.Key, (await Site.FindAsync(question.Key))!.AssignedUnitKey);
    }

    [Fact]
    public async Task Publish_WithoutAntiforgeryToken_400AndNothingChanged()
    {
        var question = await Site.AskAsync();
        using var browser = await Site.SignedInAsync(HomeAffairs, "Chuyên viên không có mã");
        var path = QuestionPath(question.Key);

        var (response, _) = await browser.PostAsync(path + "/dang", new Dictionary<string, string>
        {
            ["tieu-de"] = question.Title,
            ["noi-dung"] = question.Body,
        }, token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(QuestionStatus.Submitted, (await Site.FindAsync(question.Key))!.Status);
    }

    [Fact]
    public async Task Question_Contact_ShownToTheModeratorNotToTheUnitEditor()
    {
        var question = await Site.AssignedAsync(HomeAffairsUnit, contact: "0935 246 810");
        using var moderator = await Site.SignedInAsync(HomeAffairs, "Chuyên viên xem liên hệ");
        using var editor = await Site.SignedInAsync(Editors(HomeAffairsUnit), "Biên tập viên đơn vị");

        var (_, moderatorHtml) = await moderator.GetAsync(QuestionPath(question.Key));
        var (editorResponse, editorHtml) = await editor.GetAsync(QuestionPath(question.Key));

        Assert.Contains(question.Contact!, BackofficeBrowser.Text(moderatorHtml), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, editorResponse.StatusCode);
        Assert.DoesNotContain(question.Contact!, editorHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("0935", editorHtml, StringComparison.Ordinal);
    }
}
