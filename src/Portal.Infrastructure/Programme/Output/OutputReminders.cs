using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Programme;
using Portal.Core.Text;
using Portal.Data;
using Portal.Data.Access;
using Portal.Infrastructure.Leases;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.Notifications;

namespace Portal.Infrastructure.Programme.Output;

/// <summary><c>Portal:Programme:*</c>.</summary>
public sealed class ProgrammeOptions
{
    public const string SectionName = "Portal:Programme";

    /// <summary>How many days before a month ends a unit with nothing published in it is reminded (the last N days, today included).</summary>
    public int ReminderDaysBeforeMonthEnd { get; set; } = 5;

    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Near the end of each month, tells the people of every unit that has published no CCHC item in it, once per unit and
/// month (<see cref="OutputReminder"/>). The unit's groups are its editors and approvers; users without an address are skipped.
/// </summary>
public sealed class OutputReminders(UnitOutputReporter reporter, OutputReminderMail mail, IDbContextFactory<PortalDbContext> contexts,
    IOptions<ProgrammeOptions> options, TimeProvider clock)
{
    /// <returns>How many units were reminded.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var month = YearMonth.FromUtc(now);
        var daysLeft = month.Days - VietnamTime.FromUtc(now).Day + 1;
        if (daysLeft > Math.Max(1, options.Value.ReminderDaysBeforeMonthEnd))
        {
            return 0;
        }

        var report = await reporter.ReportAsync(month, month, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var done = (await db.OutputReminders.AsNoTracking().Where(r => r.Month == month.Number).Select(r => r.UnitKey).ToListAsync(cancellationToken))
            .ToHashSet();
        var reminded = 0;
        foreach (var row in report.Rows.Where(r => r.Total == 0 && !done.Contains(r.Unit.Key)))
        {
            var recipients = await mail.SendAsync(row.Unit, month, cancellationToken);

            // Recorded even with nobody to write to, so the unit is not looked at again every hour; the report still shows the gap.
            db.OutputReminders.Add(new OutputReminder(row.Unit.Key, month, recipients, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                reminded++;
            }
            catch (DbUpdateException)
            {
                // Only the lease holder runs this, so a duplicate means a previous holder recorded it while this one was
                // reading; its reminder stands.
                db.ChangeTracker.Clear();
            }
        }

        return reminded;
    }
}

/// <summary>The reminder's message, to the people of the unit's groups that write content (editors and approvers) with an address.</summary>
public sealed class OutputReminderMail(UserGroupStore groups, IMailSender mail, BackofficeLinks links)
{
    /// <returns>How many people it was sent to.</returns>
    public async Task<int> SendAsync(OutputUnit unit, YearMonth month, CancellationToken cancellationToken)
    {
        var unitGroups = (await groups.AllAsync(cancellationToken))
            .Where(g => g.UnitKey == unit.Key && g.AllowsSection(Section.Content)).Select(g => g.Key).ToList();
        var recipients = unitGroups.Count == 0 ? [] : (await groups.MembersOfAsync(unitGroups, cancellationToken))
            .Where(m => !string.IsNullOrWhiteSpace(m.Email))
            .DistinctBy(m => m.Email, StringComparer.OrdinalIgnoreCase)
            .Select(m => new MailRecipient(m.Email!, m.DisplayName)).ToList();
        if (recipients.Count > 0)
        {
            await mail.SendAsync(Message(unit.Name, month, VietnamTime.FromUtc(month.EndUtc).AddDays(-1), recipients), cancellationToken);
        }

        return recipients.Count;
    }

    private OutgoingMail Message(string unit, YearMonth month, DateTime lastDay, IReadOnlyList<MailRecipient> recipients) => new(
        recipients,
        $"Nhắc việc: {unit} chưa có tin, bài cải cách hành chính trong tháng {month}",
        VietnameseText.Nfc(
            $"Kính gửi cán bộ phụ trách trang của {unit},\n\n" +
            $"Đến nay, trong tháng {month} trang của đơn vị trên Cổng thông tin cải cách hành chính tỉnh chưa có tin, bài nào được xuất bản.\n" +
            $"Theo Kế hoạch số 457/KH-UBND (mục II.2.2.c), mỗi đơn vị đăng ít nhất 01 tin, bài tuyên truyền cải cách hành chính mỗi tháng. " +
            $"Tháng này kết thúc ngày {lastDay.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}.\n\n" +
            $"Viết tin, bài tại: {links.Site}/umbraco\n\n--\nCổng thông tin cải cách hành chính tỉnh Kon Tum\nThư này được gửi tự động, vui lòng không trả lời."));
}

/// <summary>Runs the reminders on the node that holds the <c>output-reminders</c> lease.</summary>
public sealed class OutputReminderService(OutputReminders reminders, NodeLeases leases, IOptions<ProgrammeOptions> options, TimeProvider clock,
    ILogger<OutputReminderService> logger) : LeasedPeriodicService(leases, clock, logger)
{
    protected override string Lease => "output-reminders";

    // PeriodicTimer refuses periods past about 49 days, and a check less than daily could miss the reminder window.
    protected override TimeSpan Interval => TimeSpan.FromTicks(Math.Clamp(options.Value.ReminderInterval.Ticks, TimeSpan.FromMinutes(1).Ticks, TimeSpan.FromDays(1).Ticks));

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => reminders.RunAsync(cancellationToken);
}
