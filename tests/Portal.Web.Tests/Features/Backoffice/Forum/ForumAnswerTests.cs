using System.Net;
using Portal.Core.Forum;
using Portal.Web.Tests.Features.SignIn;
using static Portal.Web.Tests.Features.Backoffice.Forum.ForumSectionTestKit;

namespace Portal.Web.Tests.Features.Backoffice.Forum;

/// <summary>A unit's people in the forum section: their own queue only, the answer written and sent, approved or returned by the unit's approver.</summary>
public sealed class ForumAnswerTests(ForumSectionSiteFixture fixture) : IClassFixture<ForumSectionSiteFixture>
{
    private BackofficeSite Site => fixture.Site;

    [Fact]
    public async Task Section_UnitEditor_SeesOnlyTheirUnitsQueue()
    {
        var own = await Site.AssignedAsync(HomeAffairsUnit);
        var other = await Site.AssignedAsync(ScienceUnit);
        using var editor = await Site.SignedInAsync(Editors(HomeAffairsUnit), "Biên tập viên Sở Nội vụ");

        var (response, html) = await editor.GetAsync(Root);
        var (otherResponse, _) = await editor.GetAsync(QuestionPath(other.Key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = BackofficeBrowser.Text(html);
        Assert.Contains(own.TrackingCode, text, StringComparison.Ordinal);
        Assert.Contains("Trong hạn", text, StringComparison.Ordinal);
        Assert.DoesNotContain(other.TrackingCode, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Chờ kiểm duyệt (", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, otherResponse.StatusCode);
    }

    [Fact]
    public async Task Answer_EditorSubmitsApproverApproves_AnsweredAndTheAskerIsMailed()
    {
        var email = $"cong-dan-{Guid.NewGuid():N}@gmail.com";
        var question = await Site.AssignedAsync(HomeAffairsUnit, contact: email);
        using var editor = await Site.SignedInAsync(Editors(HomeAffairsUnit), "Biên tập viên trả lời");
        var path = QuestionPath(question.Key);

        var (written, _) = await editor.SubmitAsync(path, path + "/tra-loi", new Dictionary<string, string>
        {
            ["noi-dung"] = "Hồ sơ gồm tờ khai và giấy chứng sinh.",
            ["trich-dan"] = "Điều 16 Luật Hộ tịch 2014\nKhoản 1 Điều 9 Nghị định 123/2015/NĐ-CP",
            ["gui"] = "duyet",
        });

        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        var answer = Assert.Single((await Site.FindAsync(question.Key))!.Answers);
        Assert.Equal(AnswerStatus.PendingApproval, answer.Status);
        Assert.Equal(2, answer.Citations.Count);
        var (_, editorPage) = await editor.GetAsync(path);
        Assert.DoesNotContain("Duyệt và công bố", BackofficeBrowser.Text(editorPage), StringComparison.Ordinal);
        var (refused, _) = await editor.PostAsync($"{path}/tra-loi/{answer.Key}/duyet", new Dictionary<string, string>(),
            SessionToken(editorPage));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(QuestionStatus.Assigned, (await Site.FindAsync(question.Key))!.Status);

        using var approver = await Site.SignedInAsync(Approvers(HomeAffairsUnit), "Lãnh đạo Sở Nội vụ");
        var (approved, _) = await approver.SubmitAsync(path, $"{path}/tra-loi/{answer.Key}/duyet", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(QuestionStatus.Answered, (await Site.FindAsync(question.Key))!.Status);
        using var mail = await Site.MailAsync(email, $"Câu hỏi {question.TrackingCode} đã được trả lời");
        Assert.Contains(question.Title, mail.TextBody ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_Returned_WriterReadsTheReasonEditsAndSendsAgain()
    {
        var question = await Site.AssignedAsync(HomeAffairsUnit);
        using var editor = await Site.SignedInAsync(Editors(HomeAffairsUnit), "Biên tập viên sửa bài");
        using var approver = await Site.SignedInAsync(Approvers(HomeAffairsUnit), "Lãnh đạo trả lại");
        var path = QuestionPath(question.Key);
        await editor.SubmitAsync(path, path + "/tra-loi", new Dictionary<string, string>
        {
            ["noi-dung"] = "Bản trả lời đầu tiên.",
            ["gui"] = "duyet",
        });
        var answer = Assert.Single((await Site.FindAsync(question.Key))!.Answers);

        var (returned, _) = await approver.SubmitAsync(path, $"{path}/tra-loi/{answer.Key}/tra-lai", new Dictionary<string, string>
        {
            ["ly-do"] = "Cần nêu rõ thời hạn giải quyết.",
        });

        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var (_, page) = await editor.GetAsync(path);
        Assert.Contains("Cần nêu rõ thời hạn giải quyết.", BackofficeBrowser.Text(page), StringComparison.Ordinal);
        Assert.Equal("Bản trả lời đầu tiên.", TextArea(page, "noi-dung-tra-loi"));

        var (resent, _) = await editor.PostAsync(path + "/tra-loi", new Dictionary<string, string>
        {
            ["cau-tra-loi"] = answer.Key.ToString(),
            ["noi-dung"] = "Bản trả lời đã sửa: thời hạn giải quyết là 3 ngày làm việc.",
            ["gui"] = "duyet",
        }, BackofficeBrowser.TokenIn(page, path + "/tra-loi"));

        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        var saved = Assert.Single((await Site.FindAsync(question.Key))!.Answers);
        Assert.Equal(AnswerStatus.PendingApproval, saved.Status);
        Assert.Equal("Bản trả lời đã sửa: thời hạn giải quyết là 3 ngày làm việc.", saved.Body);
    }

    [Fact]
    public async Task Answer_EmptyBody_400AndTheTypedCitationsKept()
    {
        var question = await Site.AssignedAsync(HomeAffairsUnit);
        using var editor = await Site.SignedInAsync(Editors(HomeAffairsUnit), "Biên tập viên vội");
        var path = QuestionPath(question.Key);

        var (response, html) = await editor.SubmitAsync(path, path + "/tra-loi", new Dictionary<string, string>
        {
            ["noi-dung"] = string.Empty,
            ["trich-dan"] = "Điều 16 Luật Hộ tịch 2014",
            ["gui"] = "nhap",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Vui lòng nhập nội dung câu trả lời.", BackofficeBrowser.Text(html), StringComparison.Ordinal);
        Assert.Equal("Điều 16 Luật Hộ tịch 2014", TextArea(html, "trich-dan"));
        Assert.Empty((await Site.FindAsync(question.Key))!.Answers);
    }

    [Fact]
    public async Task Transfer_UnitApproverToAnotherUnit_TheOtherUnitOwesTheAnswer()
    {
        var question = await Site.AssignedAsync(HomeAffairsUnit);
        var science = Site.Unit(ScienceUnit);
        using var approver = await Site.SignedInAsync(Approvers(HomeAffairsUnit), "Lãnh đạo chuyển câu hỏi");
        var path = QuestionPath(question.Key);

        var (response, _) = await approver.SubmitAsync(path, path + "/chuyen", new Dictionary<string, string>
        {
            ["phien-ban"] = question.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["don-vi"] = science.Key.ToString(),
            ["ly-do"] = "Thuộc lĩnh vực khoa học và công nghệ.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = (await Site.FindAsync(question.Key))!;
        Assert.Equal(QuestionStatus.Assigned, saved.Status);
        Assert.Equal(science.Key, saved.AssignedUnitKey);
        var (after, _) = await approver.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }

    /// <summary>The page offers no approval form to an editor; the sign-out form's token is the session's own, as a forged post would use.</summary>
    private static string SessionToken(string html) => BackofficeBrowser.TokenIn(html, "/umbraco/dang-xuat");
}
