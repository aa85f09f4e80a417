using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Forum;
using Portal.Core.Programme;
using Portal.Data;
using Portal.Data.Content;
using Portal.Infrastructure.Forum;
using Portal.Web.Tests.Features.Backoffice.Forum;
using Portal.Infrastructure.Programme.Output;
using Portal.Web.Tests.Features.SignIn;

namespace Portal.Web.Tests.Features.Backoffice.Reports;

/// <summary>One host for the reports section; each test publishes its own items in months no other test uses.</summary>
public sealed class ReportsSiteFixture : IAsyncLifetime
{
    internal BackofficeSite Site { get; private set; } = null!;

    // The reminder loop waits its longest interval (a day), so it does not run by itself during the tests: they run it
    // by hand with a fake clock.
    public async Task InitializeAsync() =>
        Site = await BackofficeSite.StartAsync([], new Dictionary<string, string?> { ["Portal:Programme:ReminderInterval"] = "1.00:00:00" });

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

public sealed class ReportsSectionTests(ReportsSiteFixture fixture) : IClassFixture<ReportsSiteFixture>
{
    private const string Finance = "so-tai-chinh";
    private const string Construction = "so-xay-dung";
    private const string Justice = "so-tu-phap";
    private static readonly Actor Writer = Actor.System("kiem-thu");

    private BackofficeSite Site => fixture.Site;

    [Fact]
    public async Task UnitOutput_ItemsOfAUnit_CountedPerVietnamMonthOnPageXlsxAndCsv()
    {
        // 31/03 18:00 UTC is already 01/04 in Kon Tum; republishing an item does not count it again.
        var late = await PublishItemAsync(Finance, new DateTime(2025, 3, 31, 18, 0, 0, DateTimeKind.Utc));
        await PublishItemAsync(Finance, new DateTime(2025, 3, 10, 2, 0, 0, DateTimeKind.Utc));
        await RepublishAsync(late, new DateTime(2025, 4, 20, 2, 0, 0, DateTimeKind.Utc));
        using var browser = await Site.SignedInAsync("homeAffairs", "Chuyên viên Sở Nội vụ");

        var (page, html) = await browser.GetAsync("/umbraco/bao-cao/tin-bai?tu=2025-03&den=2025-05");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = BackofficeBrowser.Text(html);
        Assert.Contains("Sở Tài chính 1 1 0 (thiếu tin) 2 05/2025 Chưa đủ dữ liệu", text);

        using var xlsx = await browser.Client.GetAsync(new Uri("/umbraco/bao-cao/tin-bai.xlsx?tu=2025-03&den=2025-05", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var cells = ReadSheet(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("Số tin, bài cải cách hành chính của các đơn vị từ tháng 03/2025 đến tháng 05/2025", cells[0][0]);
        Assert.Equal(["Đơn vị", "Cấp", "Tháng 03/2025", "Tháng 04/2025", "Tháng 05/2025", "Tổng", "Số tháng không có tin", "Các tháng không có tin", "Xu hướng"],
            cells[1]);
        var finance = cells.Single(r => r[0] == "Sở Tài chính");
        Assert.Equal(["Sở Tài chính", "Cấp tỉnh (sở, ban, ngành)", "1", "1", "0", "2", "1", "05/2025", "Chưa đủ dữ liệu"], finance);

        using var csv = await browser.Client.GetAsync(new Uri("/umbraco/bao-cao/tin-bai.csv?tu=2025-03&den=2025-05", UriKind.Relative));
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Contains("Sở Tài chính,\"Cấp tỉnh (sở, ban, ngành)\",1,1,0,2,1,05/2025,Chưa đủ dữ liệu", lines);
    }

    [Fact]
    public async Task UnitOutput_UnreadableMonth_SaysSoAndShowsTheLastTwelveMonths()
    {
        using var browser = await Site.SignedInAsync("homeAffairs", "Chuyên viên Sở Nội vụ");

        var (page, html) = await browser.GetAsync("/umbraco/bao-cao/tin-bai?tu=thang-ba");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Tháng không hợp lệ (định dạng MM/yyyy)", BackofficeBrowser.Text(html));
    }

    [Fact]
    public async Task Reports_UnitEditor_IsRefused()
    {
        using var browser = await Site.SignedInAsync($"unit-{Finance}-editors", "Biên tập viên Sở Tài chính");

        var (page, _) = await browser.GetAsync("/umbraco/bao-cao/tin-bai");
        using var xlsx = await browser.Client.GetAsync(new Uri("/umbraco/bao-cao/nam.xlsx", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, xlsx.StatusCode);
    }

    [Fact]
    public async Task Reminders_LastDaysOfAMonthWithoutItems_MailTheUnitsPeopleOnce()
    {
        var editor = $"bien-tap-{Guid.NewGuid():N}@kontum.gov.vn";
        await BackofficeAccounts.CreatePersonAsync(Site.Services, editor, "Biên tập viên Sở Xây dựng", $"unit-{Construction}-editors");
        await PublishItemAsync(Finance, new DateTime(2025, 6, 3, 2, 0, 0, DateTimeKind.Utc));
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 20, 3, 0, 0, TimeSpan.Zero));
        var reminders = Reminders(clock);

        Assert.Equal(0, await reminders.RunAsync(CancellationToken.None));

        // 26/06 in Kon Tum: five days are left, today included.
        clock.SetUtcNow(new DateTimeOffset(2025, 6, 26, 1, 0, 0, TimeSpan.Zero));
        var reminded = await reminders.RunAsync(CancellationToken.None);
        var again = await reminders.RunAsync(CancellationToken.None);

        Assert.True(reminded > 0);
        Assert.Equal(0, again);
        var mail = Assert.Single(await MailToAsync(editor));
        Assert.Equal("Nhắc việc: Sở Xây dựng chưa có tin, bài cải cách hành chính trong tháng 06/2025", mail.Subject);
        Assert.Contains("30/06/2025", mail.TextBody);
        await using var db = await Site.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var recorded = await db.OutputReminders.Where(r => r.Month == 202506).Select(r => r.UnitKey).ToListAsync();
        Assert.Contains((await UnitAsync(Construction)).Key, recorded);
        Assert.DoesNotContain((await UnitAsync(Finance)).Key, recorded);
    }

    [Fact]
    public async Task YearlyReport_ItemsAndParticipants_OnPrintPageAndInXlsxWithTotals()
    {
        await PublishItemAsync(Construction, new DateTime(2024, 2, 5, 2, 0, 0, DateTimeKind.Utc));
        await PublishItemAsync(Construction, new DateTime(2024, 9, 5, 2, 0, 0, DateTimeKind.Utc));
        await RegisterParticipantAsync(Construction, new DateTime(2024, 5, 12, 0, 0, 0, DateTimeKind.Utc), "Trần Thị Bình");
        using var browser = await Site.SignedInAsync("homeAffairs", "Chuyên viên Sở Nội vụ");

        var (page, html) = await browser.GetAsync("/umbraco/bao-cao/nam?nam=2024");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Kết quả tuyên truyền cải cách hành chính năm 2024", html);
        using var xlsx = await browser.Client.GetAsync(new Uri("/umbraco/bao-cao/nam.xlsx?nam=2024", UriKind.Relative));
        var cells = ReadSheet(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal("STT", cells[1][0]);
        var row = cells.Single(r => r.Count > 1 && r[1] == "Sở Xây dựng");
        Assert.Equal(["Sở Xây dựng", "Cấp tỉnh (sở, ban, ngành)", "2", "10", "1"], row.Skip(1).Take(5));
        var totals = cells.Single(r => r.Count > 1 && r[1] == "Toàn tỉnh");
        Assert.True(int.Parse(totals[3], System.Globalization.CultureInfo.InvariantCulture) >= 2);
    }

    [Fact]
    public async Task YearlyReport_QuestionsAssignedToAUnit_CountsAnsweredInTimeAndUnanswered()
    {
        // The demonstration questions of the seed are assigned this year too: the report must grow by exactly these two.
        var year = Portal.Core.Text.VietnamTime.FromUtc(DateTime.UtcNow).Year;
        var reporter = Site.Services.GetRequiredService<YearlyReporter>();
        var before = (await reporter.ReportAsync(year, CancellationToken.None)).Rows.Single(r => r.Unit.Name == "Sở Tư pháp");
        var answered = await Site.AssignedAsync(Justice);
        await Site.AssignedAsync(Justice);
        var answering = Site.Services.GetRequiredService<ForumAnswering>();
        var (written, answerKey) = await answering.WriteAsync(Writer, answered.Key, null, "Hồ sơ gồm tờ khai và giấy chứng sinh.", [], [],
            submit: true, "http://localhost", CancellationToken.None);
        Assert.Equal(ForumOperationStatus.Success, written);
        Assert.Equal(ForumOperationStatus.Success,
            await answering.ApproveAsync(Writer, answered.Key, answerKey!.Value, "http://localhost", CancellationToken.None));

        var report = await reporter.ReportAsync(year, CancellationToken.None);

        var after = report.Rows.Single(r => r.Unit.Name == "Sở Tư pháp");
        Assert.Equal((2, 1, 0, 1), (after.QuestionsReceived - before.QuestionsReceived, after.AnsweredInTime - before.AnsweredInTime,
            after.AnsweredLate - before.AnsweredLate, after.Unanswered - before.Unanswered));
    }

    [Fact]
    public async Task YearlyReport_FutureYear_SaysSoAndShowsTheCurrentYear()
    {
        using var browser = await Site.SignedInAsync("homeAffairs", "Chuyên viên Sở Nội vụ");

        var (_, html) = await browser.GetAsync("/umbraco/bao-cao/nam?nam=2999");

        Assert.Contains("Năm 2999 chưa đến", BackofficeBrowser.Text(html));
    }

    private OutputReminders Reminders(FakeTimeProvider clock)
    {
        var reporter = ActivatorUtilities.CreateInstance<UnitOutputReporter>(Site.Services, clock);
        return ActivatorUtilities.CreateInstance<OutputReminders>(Site.Services, reporter, clock);
    }

    private async Task<Document> UnitAsync(string segment)
    {
        await using var db = await Site.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var keys = await db.Editions.Where(e => e.UrlSegment == segment).Select(e => e.DocumentKey).Distinct().ToListAsync();
        return await db.Documents.SingleAsync(d => keys.Contains(d.Key) && d.ContentTypeAlias == "unit");
    }

    /// <summary>An article on the unit's subpage, first published at <paramref name="at"/>.</summary>
    private async Task<Document> PublishItemAsync(string unitSegment, DateTime at)
    {
        var unit = await UnitAsync(unitSegment);
        var key = Guid.NewGuid();
        var document = Document.CreateUnder(key, "article", unit.Key, unit.Path, unit.Level, 0, $"Tin cải cách hành chính {key:N}",
            $"tin-{key:N}", new Dictionary<string, string> { ["title"] = "Tin cải cách hành chính" }, Writer.Name, at);
        var edition = document.Publish(Writer.Name, at);
        await Site.Services.GetRequiredService<ContentBulkWriter>().WriteAsync(
            [(document, [new TimelineEntry(key, 1, TimelineAction.Created, Writer, at), new TimelineEntry(key, edition.Number, TimelineAction.Published, Writer, at)])],
            10, CancellationToken.None);
        return document;
    }

    /// <summary>A later edition of the item published at <paramref name="at"/>.</summary>
    private async Task RepublishAsync(Document item, DateTime at)
    {
        await using var db = await Site.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var document = await db.Documents.Include(d => d.Editions).SingleAsync(d => d.Key == item.Key);
        var current = document.Editions.MaxBy(e => e.Number)!;
        document.SaveDraft(current.Name, current.UrlSegment, current.Values, Writer.Name, at);
        var edition = document.Publish(Writer.Name, at);
        db.Timeline.Add(new TimelineEntry(item.Key, edition.Number, TimelineAction.Published, Writer, at));
        await db.SaveChangesAsync();
    }

    /// <summary>A course starting on <paramref name="start"/> and one participant the unit registered for it.</summary>
    private async Task RegisterParticipantAsync(string unitSegment, DateTime start, string name)
    {
        var unit = await UnitAsync(unitSegment);
        var key = Guid.NewGuid();
        var course = Document.CreateUnder(key, "trainingCourse", null, null, 0, 0, $"Lớp tập huấn {key:N}", $"lop-{key:N}",
            new Dictionary<string, string> { ["title"] = "Lớp tập huấn", ["topic"] = "Cải cách hành chính", ["startDate"] = start.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) },
            Writer.Name, start.AddDays(-30));
        var edition = course.Publish(Writer.Name, start.AddDays(-30));
        await Site.Services.GetRequiredService<ContentBulkWriter>().WriteAsync(
            [(course, [new TimelineEntry(key, edition.Number, TimelineAction.Published, Writer, start)])], 10, CancellationToken.None);
        var (status, registration) = TrainingRegistration.Register(key, TrainingQuota.Plan, null, unit.Key, "Sở Xây dựng", UnitLevel.Provincial, name,
            "Chuyên viên", null, null, [], Writer, start.AddDays(-10));
        Assert.Equal(ProgrammeOperationStatus.Success, status);
        await using var db = await Site.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        db.TrainingRegistrations.Add(registration!);
        await db.SaveChangesAsync();
    }

    private async Task<List<MimeMessage>> MailToAsync(string address)
    {
        var folder = Path.Combine(Site.Factory.DataDirectory, "mail");
        var found = new List<MimeMessage>();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [])
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(message);
            }
            else
            {
                message.Dispose();
            }
        }

        return found;
    }

    /// <summary>Every row of the first sheet as the text Excel would show, cell by cell (empty cells as "").</summary>
    private static List<List<string>> ReadSheet(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var part = document.WorkbookPart!.WorksheetParts.First();
        var rows = new List<List<string>>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference!.Value!);
                while (cells.Count < column)
                {
                    cells.Add(string.Empty);
                }

                cells.Add(cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? string.Empty);
            }

            rows.Add(cells);
        }

        return rows;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }
}
