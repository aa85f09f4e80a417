using Microsoft.EntityFrameworkCore;
using Portal.Core.Forum;
using Portal.Data.Forum;
using Portal.Data.Tests.TestHost;

namespace Portal.Data.Tests.Forum;

/// <summary>What the public list, the queues and the statistics read, on the provider's own SQL.</summary>
public abstract class ForumQueriesTests : DatabaseSuite
{
    [Fact]
    public async Task ListPublicAsync_EveryStatus_OnlyPublishedAndLaterNeverSubmittedRejectedOrHidden()
    {
        await using var host = await StartAsync();
        var at = host.Now;
        var submitted = await host.AskAsync("Câu hỏi đang chờ kiểm duyệt về hộ tịch", at, contact: "0900000001");
        var rejected = await host.AskAsync("Quảng cáo dịch vụ làm giấy tờ nhanh giá rẻ", at, contact: "0900000002");
        await host.ChangeAsync(rejected.Key, q => q.Reject(ForumKit.Staff, "Nội dung quảng cáo", at));
        var hidden = await host.PublishedAsync(ForumKit.ByPhone("Câu hỏi bị nhiều người báo cáo vi phạm"), at);
        await host.ChangeAsync(hidden.Key, q => q.Report(null, "nguoi-doc-1", "Xúc phạm", threshold: 1, at));
        var published = await host.PublishedAsync(ForumKit.ByPhone("Thủ tục cấp lại căn cước công dân bị mất"), at);
        var assigned = await host.AssignedAsync(ForumKit.ByPhone("Thời hạn giải quyết hồ sơ giao đất tái định cư"), ForumKit.NoiVu, ForumKit.NoiVuName, at);

        var page = await host.Queries().ListPublicAsync(new ForumListFilter(), CancellationToken.None);

        // Newest first: both were published at the same moment, so the later one leads.
        Assert.Equal([assigned.Key, published.Key], page.Items.Select(i => i.Key));
        Assert.Equal(2, page.Total);
        Assert.DoesNotContain(page.Items, i => i.Key == submitted.Key || i.Key == rejected.Key || i.Key == hidden.Key);
        Assert.Null(await host.Queries().FindPublicAsync(hidden.Key, CancellationToken.None));
        Assert.Null(await host.Queries().FindPublicAsync(submitted.Key, CancellationToken.None));
    }

    [Fact]
    public async Task ListPublicAsync_KindTopicUnitStatus_EachFilterNarrowsTheList()
    {
        await using var host = await StartAsync();
        var at = host.Now;
        var land = await host.AnsweredAsync(ForumKit.ByPhone("Cấp giấy chứng nhận quyền sử dụng đất lần đầu", topic: "Đất đai"),
            ForumKit.NoiVu, ForumKit.NoiVuName, at, "Hồ sơ nộp tại Bộ phận một cửa cấp huyện.");
        var feedback = await host.AssignedAsync(ForumKit.ByPhone("Phản ánh việc trả kết quả hộ tịch chậm", QuestionKind.Feedback, "Hộ tịch"),
            ForumKit.TuPhap, ForumKit.TuPhapName, at);
        var inquiry = await host.PublishedAsync(ForumKit.ByPhone("Đăng ký khai tử cho người mất ở nơi khác", topic: "Hộ tịch"), at);

        Assert.Equal([feedback.Key], await KeysAsync(host, new ForumListFilter(Kind: QuestionKind.Feedback)));
        Assert.Equal([land.Key], await KeysAsync(host, new ForumListFilter(Topic: "Đất đai")));
        Assert.Equal(new[] { feedback.Key, inquiry.Key }.Order(), (await KeysAsync(host, new ForumListFilter(Topic: "Hộ tịch"))).Order());
        Assert.Equal([feedback.Key], await KeysAsync(host, new ForumListFilter(UnitKey: ForumKit.TuPhap)));
        Assert.Equal([land.Key], await KeysAsync(host, new ForumListFilter(Status: QuestionStatus.Answered)));
        Assert.Empty(await KeysAsync(host, new ForumListFilter(Kind: QuestionKind.Feedback, UnitKey: ForumKit.NoiVu)));
    }

    [Fact]
    public async Task ListPublicAsync_SearchWithOrWithoutDiacritics_FindsTheVietnameseWords()
    {
        await using var host = await StartAsync();
        var at = host.Now;
        var land = await host.PublishedAsync(ForumKit.ByPhone("Tranh chấp Đất đai giữa hai hộ gia đình"), at);
        await host.PublishedAsync(ForumKit.ByPhone("Đăng ký thường trú cho con mới sinh"), at);

        Assert.Equal([land.Key], await KeysAsync(host, new ForumListFilter(Search: "dat dai")));
        Assert.Equal([land.Key], await KeysAsync(host, new ForumListFilter(Search: "đất đai")));
        Assert.Equal([land.Key], await KeysAsync(host, new ForumListFilter(Search: "TRANH CHẤP")));
        Assert.Empty(await KeysAsync(host, new ForumListFilter(Search: "dat dai ho tich")));
    }

    [Fact]
    public async Task ListPublicAsync_SearchWithUnderscoreOrPercent_NeitherIsAWildcard()
    {
        await using var host = await StartAsync();
        var at = host.Now;
        var literal = await host.PublishedAsync(ForumKit.ByPhone("Lỗi mã ho_so khi nộp trực tuyến"), at);
        await host.PublishedAsync(ForumKit.ByPhone("Tra cứu tình trạng hoxso và mã hồ sơ"), at);

        Assert.Equal([literal.Key], await KeysAsync(host, new ForumListFilter(Search: "ho_so")));
        Assert.Empty(await KeysAsync(host, new ForumListFilter(Search: "ho%so")));
    }

    [Fact]
    public async Task AwaitingModerationAsync_MixedQuestions_OnlyConfirmedSubmittedOldestFirst()
    {
        await using var host = await StartAsync();
        var at = host.Now;
        var newer = await host.AskAsync("Câu hỏi gửi sau về bảo hiểm xã hội một lần", at.AddHours(2), contact: "0900000004");
        var older = await host.AskAsync("Câu hỏi gửi trước về bảo hiểm y tế hộ gia đình", at, contact: "0900000005");
        await host.AskAsync("Câu hỏi chưa xác nhận e-mail về hộ tịch", at.AddHours(-1), contact: "chuaxacnhan@example.com");
        await host.PublishedAsync(ForumKit.ByPhone("Câu hỏi đã đăng về đăng ký kinh doanh"), at.AddHours(-2));

        var queue = await host.Queries().AwaitingModerationAsync(CancellationToken.None);

        Assert.Equal([older.Key, newer.Key], queue.Select(i => i.Key));
    }

    [Fact]
    public async Task AwaitingAnswerAsync_OneUnit_OnlyThatUnitsOpenQuestions()
    {
        await using var host = await StartAsync();
        var at = host.Now;
        var noiVu = await host.AssignedAsync(ForumKit.ByPhone("Tuyển dụng công chức cấp xã năm nay"), ForumKit.NoiVu, ForumKit.NoiVuName, at);
        await host.AssignedAsync(ForumKit.ByPhone("Chứng thực chữ ký trên giấy ủy quyền"), ForumKit.TuPhap, ForumKit.TuPhapName, at);
        await host.AnsweredAsync(ForumKit.ByPhone("Chế độ nâng lương trước thời hạn"), ForumKit.NoiVu, ForumKit.NoiVuName, at, "Theo Thông tư 08/2013/TT-BNV.");

        var queue = await host.Queries().AwaitingAnswerAsync([ForumKit.NoiVu], CancellationToken.None);

        Assert.Equal([noiVu.Key], queue.Select(i => i.Key));
        Assert.Equal(2, (await host.Queries().AwaitingAnswerAsync(null, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task AssignedBetweenAsync_AssignedAroundMidnight_CountedOnTheVietnamDate()
    {
        await using var host = await StartAsync();
        // 16:59 UTC on 2 March is 23:59 on 2 March in Vietnam; 17:30 UTC is already 00:30 on 3 March.
        var lateOnSecond = await host.AssignedAsync(ForumKit.ByPhone("Giao trước nửa đêm giờ Việt Nam"), ForumKit.NoiVu, ForumKit.NoiVuName,
            new DateTime(2026, 3, 2, 16, 59, 0, DateTimeKind.Utc));
        var earlyOnThird = await host.AssignedAsync(ForumKit.ByPhone("Giao sau nửa đêm giờ Việt Nam"), ForumKit.NoiVu, ForumKit.NoiVuName,
            new DateTime(2026, 3, 2, 17, 30, 0, DateTimeKind.Utc));

        var second = await host.Queries().AssignedBetweenAsync(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 2), CancellationToken.None);
        var third = await host.Queries().AssignedBetweenAsync(new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3), CancellationToken.None);

        Assert.Equal([lateOnSecond.Key], second.Select(q => q.Key));
        Assert.Equal([earlyOnThird.Key], third.Select(q => q.Key));
    }

    [Fact]
    public async Task DeleteUnconfirmedAsync_OldAndNewQuestions_OnlyOldUnconfirmedGoneWithTheirTimeline()
    {
        await using var host = await StartAsync();
        var now = host.Now;
        var old = await host.AskAsync("Câu hỏi cũ chưa xác nhận e-mail", now.AddDays(-10), contact: "cu@example.com");
        var recent = await host.AskAsync("Câu hỏi mới chưa xác nhận e-mail", now.AddDays(-1), contact: "moi@example.com");
        var oldConfirmed = await host.AskAsync("Câu hỏi cũ gửi bằng số điện thoại", now.AddDays(-10), contact: "0900000006");

        var deleted = await host.Store().DeleteUnconfirmedAsync(now.AddDays(-7), CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Null(await host.Queries().FindAsync(old.Key, CancellationToken.None));
        Assert.NotNull(await host.Queries().FindAsync(recent.Key, CancellationToken.None));
        Assert.NotNull(await host.Queries().FindAsync(oldConfirmed.Key, CancellationToken.None));
        await using var db = await host.NewContextAsync();
        Assert.Equal(0, await db.Set<QuestionTimelineEntry>().CountAsync(t => t.QuestionId == old.Id));
        Assert.Equal(2, await db.Set<QuestionTimelineEntry>().CountAsync());
    }

    private static async Task<List<Guid>> KeysAsync(PortalTestHost host, ForumListFilter filter) =>
        (await host.Queries().ListPublicAsync(filter, CancellationToken.None)).Items.Select(i => i.Key).ToList();
}

public sealed class ForumQueriesTestsOnSqlite : ForumQueriesTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class ForumQueriesTestsOnPostgreSql : ForumQueriesTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
