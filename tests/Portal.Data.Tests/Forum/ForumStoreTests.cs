using Portal.Core.Access;
using Portal.Core.Forum;
using Portal.Data.Tests.TestHost;

namespace Portal.Data.Tests.Forum;

/// <summary>How questions are saved: numbered per year, changed only by a verb that succeeded, never overwritten by a stale form.</summary>
public abstract class ForumStoreTests : DatabaseSuite
{
    [Fact]
    public async Task AddAsync_ThreeQuestionsInOneYear_NumberedInOrderWithTrackingCodes()
    {
        await using var host = await StartAsync();
        var at = host.Now;

        var first = await host.AskAsync("Hồ sơ cấp đổi giấy chứng nhận quyền sử dụng đất", at);
        var second = await host.AskAsync("Đăng ký khai sinh cho con khi cha mẹ chưa đăng ký kết hôn", at);
        var third = await host.AskAsync("Thời hạn cấp giấy phép xây dựng nhà ở riêng lẻ", at);
        var nextYear = await host.AskAsync("Câu hỏi đầu năm về đăng ký hộ kinh doanh", new DateTime(2027, 1, 5, 2, 0, 0, DateTimeKind.Utc));

        Assert.Equal([1, 2, 3], new[] { first.Number, second.Number, third.Number });
        Assert.Equal(["PAKN-2026-000001", "PAKN-2026-000002", "PAKN-2026-000003"], new[] { first.TrackingCode, second.TrackingCode, third.TrackingCode });
        Assert.Equal("PAKN-2027-000001", nextYear.TrackingCode);
        var saved = await host.Queries().FindByCodeAsync("PAKN-2026-000002", CancellationToken.None);
        Assert.Equal(second.Key, saved?.Key);
    }

    [Fact]
    public async Task ChangeAsync_VerbsSucceed_StatusTimelineAndAnswerSaved()
    {
        await using var host = await StartAsync();

        var question = await host.AnsweredAsync(ForumKit.ByPhone("Lệ phí đăng ký kết hôn có được miễn không"), ForumKit.TuPhap, ForumKit.TuPhapName,
            host.Now, "Theo quy định, đăng ký kết hôn không thu lệ phí.");

        var saved = await host.Queries().FindAsync(question.Key, CancellationToken.None);
        Assert.NotNull(saved);
        Assert.Equal(QuestionStatus.Answered, saved.Status);
        Assert.Equal(ForumKit.TuPhapName, saved.AssignedUnitName);
        var answer = Assert.Single(saved.Answers);
        Assert.Equal(AnswerStatus.Published, answer.Status);
        Assert.Equal("Theo quy định, đăng ký kết hôn không thu lệ phí.", answer.Body);
        Assert.Equal(["Khoản 1 Điều 12 Nghị định 61/2018/NĐ-CP"], answer.Citations);
        Assert.Equal(
            [QuestionAction.Asked, QuestionAction.Published, QuestionAction.Assigned, QuestionAction.AnswerDrafted, QuestionAction.AnswerSubmitted,
                QuestionAction.Answered],
            saved.Timeline.OrderBy(t => t.Id).Select(t => t.Action));
    }

    [Fact]
    public async Task ChangeAsync_VerbForbidden_NothingSaved()
    {
        await using var host = await StartAsync();
        var question = await host.AskAsync("Xin hỏi về thủ tục chứng thực bản sao từ bản chính", host.Now, contact: "0900000002");

        var (status, _) = await host.Store().ChangeAsync(question.Key, null,
            q => q.Publish(Actor.Anonymous("198.51.100.7"), "Tiêu đề bị đổi bởi người lạ", q.Body, host.Now), CancellationToken.None);

        Assert.Equal(ForumOperationStatus.Forbidden, status);
        var saved = await host.Queries().FindAsync(question.Key, CancellationToken.None);
        Assert.NotNull(saved);
        Assert.Equal(QuestionStatus.Submitted, saved.Status);
        Assert.Equal("Xin hỏi về thủ tục chứng thực bản sao từ bản chính", saved.Title);
        Assert.Equal(question.Version, saved.Version);
        Assert.Equal([QuestionAction.Asked], saved.Timeline.Select(t => t.Action));
    }

    [Fact]
    public async Task ChangeAsync_StaleExpectedVersion_ConflictAndFirstChangeKept()
    {
        await using var host = await StartAsync();
        var question = await host.AskAsync("Hỏi về thời gian giải quyết hồ sơ đăng ký doanh nghiệp", host.Now, contact: "0900000003");
        var seen = question.Version;
        var (first, _) = await host.Store().ChangeAsync(question.Key, seen,
            q => q.Publish(ForumKit.Staff, "Thời gian giải quyết hồ sơ đăng ký doanh nghiệp", q.Body, host.Now), CancellationToken.None);
        Assert.Equal(ForumOperationStatus.Success, first);

        var (second, _) = await host.Store().ChangeAsync(question.Key, seen,
            q => q.Reject(ForumKit.Staff, "Trùng nội dung", host.Now), CancellationToken.None);

        Assert.Equal(ForumOperationStatus.Conflict, second);
        var saved = await host.Queries().FindAsync(question.Key, CancellationToken.None);
        Assert.NotNull(saved);
        Assert.Equal(QuestionStatus.Published, saved.Status);
        Assert.Equal("Thời gian giải quyết hồ sơ đăng ký doanh nghiệp", saved.Title);
        Assert.DoesNotContain(saved.Timeline, t => t.Action == QuestionAction.Rejected);
    }
}

public sealed class ForumStoreTestsOnSqlite : ForumStoreTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class ForumStoreTestsOnPostgreSql : ForumStoreTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
