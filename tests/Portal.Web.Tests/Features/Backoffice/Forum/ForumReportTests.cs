using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Forum;
using Portal.Infrastructure.Forum;
using Portal.Web.Tests.Features.SignIn;
using static Portal.Web.Tests.Features.Backoffice.Forum.ForumSectionTestKit;

namespace Portal.Web.Tests.Features.Backoffice.Forum;

/// <summary>The moderators' decisions on reported posts, and closing a question.</summary>
public sealed class ForumReportTests(ForumSectionSiteFixture fixture) : IClassFixture<ForumSectionSiteFixture>
{
    private BackofficeSite Site => fixture.Site;

    [Fact]
    public async Task Reports_ThreeReaders_QuestionInTheReportedQueueRemovalNeedsAReasonShowingAgainRestoresIt()
    {
        var question = await Site.AssignedAsync(HomeAffairsUnit);
        var asking = Site.Services.GetRequiredService<ForumAsking>();
        foreach (var address in new[] { "10.0.0.1", "10.0.0.2", "10.0.0.3" })
        {
            Assert.Equal(ForumOperationStatus.Success, await asking.ReportAsync(question.Key, null, "Nội dung quảng cáo", address, CancellationToken.None));
        }

        Assert.True((await Site.FindAsync(question.Key))!.Hidden);
        using var browser = await Site.SignedInAsync(HomeAffairs, "Chuyên viên xử lý báo cáo");
        var (_, home) = await browser.GetAsync(Root);
        var reported = home[home.IndexOf("id=\"bi-bao-cao\"", StringComparison.Ordinal)..home.IndexOf("id=\"dang-xu-ly\"", StringComparison.Ordinal)];
        Assert.Contains(question.TrackingCode, reported, StringComparison.Ordinal);
        var path = QuestionPath(question.Key);

        var (refused, refusedHtml) = await browser.SubmitAsync(path, path + "/bao-cao", new Dictionary<string, string>
        {
            ["quyet-dinh"] = "go-bo",
            ["ly-do"] = string.Empty,
        });
        var (restored, _) = await browser.SubmitAsync(path, path + "/bao-cao", new Dictionary<string, string>
        {
            ["quyet-dinh"] = "hien-lai",
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Vui lòng ghi rõ lý do.", BackofficeBrowser.Text(refusedHtml), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var saved = (await Site.FindAsync(question.Key))!;
        Assert.False(saved.Hidden);
        Assert.All(saved.Reports, r => Assert.True(r.Decided));
    }

    [Fact]
    public async Task Close_Moderator_QuestionClosedAndTheStepInTheTimeline()
    {
        var question = await Site.AssignedAsync(HomeAffairsUnit);
        using var browser = await Site.SignedInAsync(HomeAffairs, "Chuyên viên đóng câu hỏi");
        var path = QuestionPath(question.Key);

        var (response, _) = await browser.SubmitAsync(path, path + "/dong", new Dictionary<string, string>
        {
            ["phien-ban"] = question.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ghi-chu"] = "Người hỏi đã được hướng dẫn trực tiếp.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(QuestionStatus.Closed, (await Site.FindAsync(question.Key))!.Status);
        var (_, page) = await browser.GetAsync(response.Headers.Location!.OriginalString);
        var text = BackofficeBrowser.Text(page);
        Assert.Contains("Đã đóng câu hỏi.", text, StringComparison.Ordinal);
        var timeline = text[text.IndexOf("Quá trình xử lý", StringComparison.Ordinal)..];
        Assert.Matches(@"Đóng câu hỏi homeaffairs-\S+ Người hỏi đã được hướng dẫn trực tiếp\.", timeline);
    }
}
