using Portal.Core.Forum;

namespace Portal.Infrastructure.Tests.Forum;

/// <summary>
/// The forum's clock-driven rules as people notice them: reminders in the unit's mailbox (each once), answered
/// questions closing by themselves, askers' personal data gone after the retention period, unconfirmed questions gone.
/// </summary>
public sealed class ForumHousekeepingTests
{
    private const string Title = "Thủ tục đăng ký khai sinh cho trẻ sinh ở nước ngoài";

    [Fact]
    public async Task RunAsync_DueOnTheNextWorkingDay_OneDueSoonReminderToTheUnitOnly()
    {
        await using var site = await ForumSite.StartAsync();
        var writer = await site.UnitWriterAsync(ForumSite.TuPhap, "bientap.sotuphap");
        await site.UnitWriterAsync(ForumSite.XayDung, "bientap.soxaydung");
        var question = await site.AssignedAsync(Title, ForumSite.TuPhap, ForumSite.TuPhapName);
        Assert.Equal(new DateOnly(2026, 3, 11), question.DueOn);

        site.Clock.Advance(TimeSpan.FromDays(7)); // Monday 9 March: the due date is two working days away.
        await site.RunHousekeepingAsync();
        Assert.Empty(site.Mailbox());

        site.Clock.Advance(TimeSpan.FromDays(1)); // Tuesday 10 March: due tomorrow.
        await site.RunHousekeepingAsync();
        await site.RunHousekeepingAsync();

        var reminder = Assert.Single(site.Mailbox());
        Assert.Equal($"Sắp đến hạn trả lời câu hỏi {question.TrackingCode}", reminder.Subject);
        Assert.Equal([writer], reminder.To.Mailboxes.Select(m => m.Address));
        Assert.Contains("có hạn trả lời 11/03/2026.", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/umbraco/dien-dan/{question.Key}", reminder.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AfterTheDueDate_OneOverdueReminder()
    {
        await using var site = await ForumSite.StartAsync();
        var writer = await site.UnitWriterAsync(ForumSite.TuPhap, "bientap.sotuphap");
        var question = await site.AssignedAsync(Title, ForumSite.TuPhap, ForumSite.TuPhapName);
        site.Clock.Advance(TimeSpan.FromDays(8));
        await site.RunHousekeepingAsync();

        site.Clock.Advance(TimeSpan.FromDays(2)); // Thursday 12 March: the day after the due date.
        await site.RunHousekeepingAsync();
        site.Clock.Advance(TimeSpan.FromDays(1));
        await site.RunHousekeepingAsync();

        var mails = site.Mailbox();
        Assert.Equal(2, mails.Count);
        var overdue = Assert.Single(mails, m => m.Subject?.StartsWith("Quá hạn", StringComparison.Ordinal) == true);
        Assert.Equal($"Quá hạn trả lời câu hỏi {question.TrackingCode}", overdue.Subject);
        Assert.Equal([writer], overdue.To.Mailboxes.Select(m => m.Address));
        Assert.Contains("và đã quá hạn.", overdue.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AnsweredLongerThanTheReopenWindow_ClosedAutomatically()
    {
        await using var site = await ForumSite.StartAsync();
        var question = await site.AnsweredAsync(await site.AssignedAsync(Title, ForumSite.TuPhap, ForumSite.TuPhapName),
            "Việc đăng ký khai sinh thực hiện tại Cơ quan đại diện Việt Nam ở nước ngoài.");

        site.Clock.Advance(TimeSpan.FromDays(new ForumPolicy().ReopenWindowDays - 1));
        await site.RunHousekeepingAsync();
        Assert.Equal(QuestionStatus.Answered, (await site.FindAsync(question.Key))!.Status);

        site.Clock.Advance(TimeSpan.FromDays(2));
        await site.RunHousekeepingAsync();

        var closed = await site.FindAsync(question.Key);
        Assert.Equal(QuestionStatus.Closed, closed!.Status);
        Assert.Equal(QuestionAction.Closed, closed.Timeline.OrderBy(t => t.Id).Last().Action);
        Assert.NotNull(await site.Queries.FindPublicAsync(question.Key, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_ClosedLongerThanTheRetention_ContactOriginalAndAddressesErasedThreadStays()
    {
        await using var site = await ForumSite.StartAsync();
        var question = await site.AskAsync("Hỏi về hồ sơ của tôi, số điện thoại 0912345678", "0900000002");
        await site.ChangeAsync(question.Key, q => q.Publish(ForumSite.Staff, "Hỏi về hồ sơ của tôi, số điện thoại [đã ẩn]", q.Body, site.Now));
        await site.ChangeAsync(question.Key, q => q.Assign(ForumSite.Staff, ForumSite.TuPhap, ForumSite.TuPhapName, new ForumPolicy(),
            new ForumPolicy().Calendar(), site.Now));
        await site.AnsweredAsync(question, "Hồ sơ của ông đã có kết quả tại Bộ phận một cửa.");
        await site.ChangeAsync(question.Key, q => q.Close(ForumSite.Staff, byAsker: false, "Đã giải đáp", site.Now));

        site.Clock.Advance(TimeSpan.FromDays(300));
        await site.RunHousekeepingAsync();
        var kept = await site.FindAsync(question.Key);
        Assert.Equal("0900000002", kept!.Contact);
        Assert.NotNull(kept.OriginalText);
        Assert.Contains(kept.Timeline, t => t.IpAddress == "203.0.113.9");

        site.Clock.Advance(TimeSpan.FromDays(70)); // more than ContactRetentionMonths (12) after closing
        await site.RunHousekeepingAsync();

        var erased = await site.FindAsync(question.Key);
        Assert.NotNull(erased);
        Assert.Null(erased.Contact);
        Assert.Null(erased.OriginalText);
        Assert.NotNull(erased.ContactErasedAt);
        Assert.All(erased.Timeline, t => Assert.Null(t.IpAddress));
        Assert.Null(await site.Asking.TrackAsync(question.TrackingCode, "0900000002", CancellationToken.None));
        var thread = await site.Queries.FindPublicAsync(question.Key, CancellationToken.None);
        Assert.Equal("Hỏi về hồ sơ của tôi, số điện thoại [đã ẩn]", thread?.Title);
        Assert.Equal("Hồ sơ của ông đã có kết quả tại Bộ phận một cửa.", Assert.Single(thread!.PublishedAnswers).Body);
    }

    [Fact]
    public async Task RunAsync_UnconfirmedPastTheConfirmationWindow_DeletedRecentOnesStay()
    {
        await using var site = await ForumSite.StartAsync();
        var old = await site.AskAsync("Câu hỏi chưa xác nhận e-mail từ tuần trước", "cu@example.com");
        site.Clock.Advance(TimeSpan.FromDays(3));
        var recent = await site.AskAsync("Câu hỏi chưa xác nhận e-mail mới gửi", "moi@example.com");
        var confirmedByPhone = await site.AskAsync("Câu hỏi gửi bằng số điện thoại đang chờ duyệt", "0900000003");

        site.Clock.Advance(TimeSpan.FromDays(new ForumPolicy().ConfirmationWindowDays - 2));
        await site.RunHousekeepingAsync();

        Assert.Null(await site.FindAsync(old.Key));
        Assert.Null(await site.Asking.TrackAsync(old.TrackingCode, "cu@example.com", CancellationToken.None));
        Assert.NotNull(await site.FindAsync(recent.Key));
        Assert.NotNull(await site.FindAsync(confirmedByPhone.Key));
    }
}
