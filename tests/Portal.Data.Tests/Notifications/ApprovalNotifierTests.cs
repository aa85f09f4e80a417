using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Portal.Core.Access;
using Portal.Core.Events;
using Portal.Core.Workflow;
using Portal.Data.Access;
using Portal.Data.Notifications;
using Portal.Data.Tests.TestHost;
using Portal.Data.Users;
using Portal.Infrastructure.Access;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.Notifications;

namespace Portal.Data.Tests.Notifications;

/// <summary>
/// The approval workflow as the people in it notice it: what lands in their notification list and in their mailbox
/// (the pickup folder, as on a fresh clone) when a unit's writer sends a draft, an approver sends it back, or an
/// administrator publishes without approval.
/// </summary>
public abstract class ApprovalNotifierTests : DatabaseSuite
{
    [Fact]
    public async Task SendForApproval_UnitEditor_OnlyThatUnitsApproverIsTold()
    {
        await using var site = await ApprovalSite.StartAsync(this);
        var editor = await site.PersonAsync("bientap.sonoivu", "Nguyễn Văn An", UserGroupCatalog.EditorsAlias("so-noi-vu"));
        var approver = await site.PersonAsync("lanhdao.sonoivu", "Trần Thị Bình", UserGroupCatalog.ApproversAlias("so-noi-vu"));
        var otherApprover = await site.PersonAsync("lanhdao.sotuphap", "Lê Văn Cường", UserGroupCatalog.ApproversAlias("so-tu-phap"));
        var administrator = await site.PersonAsync("quantri", "Quản trị", UserGroup.AdministratorsAlias);
        var article = await site.CreateArticleAsync(editor, "Sở Nội vụ tập huấn một cửa liên thông");
        site.Host.Clock.Advance(TimeSpan.FromMinutes(5));

        await site.SucceedAsync(site.Approval.SendForApprovalAsync(article, editor.Actor, "Nhờ chị duyệt giúp"));

        var notice = Assert.Single(await site.NotificationsOfAsync(approver));
        Assert.Equal("Bài chờ duyệt: Sở Nội vụ tập huấn một cửa liên thông", notice.Title);
        Assert.Contains("Nguyễn Văn An đã gửi bài «Sở Nội vụ tập huấn một cửa liên thông» để duyệt lúc 02/03/2026 08:05.", notice.Body);
        Assert.Contains("Lời nhắn: Nhờ chị duyệt giúp", notice.Body);
        Assert.Contains($"/umbraco/section/content/workspace/document/edit/{article}", notice.Body);
        Assert.Equal(article, notice.DocumentKey);
        Assert.Empty(await site.NotificationsOfAsync(editor));
        Assert.Empty(await site.NotificationsOfAsync(otherApprover));
        Assert.Empty(await site.NotificationsOfAsync(administrator));

        var mail = Assert.Single(site.Mailbox());
        Assert.Equal([approver.Address], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Bài chờ duyệt: Sở Nội vụ tập huấn một cửa liên thông", mail.Subject);
        Assert.Equal(MailSettings.DefaultFromName, Assert.Single(mail.From.Mailboxes).Name);
        Assert.Contains("Kính gửi Trần Thị Bình,", mail.TextBody);
        Assert.Contains("Nguyễn Văn An đã gửi bài", mail.HtmlBody);
    }

    [Fact]
    public async Task SendForApproval_UnitHasNoApprover_AdministratorsAreTold()
    {
        await using var site = await ApprovalSite.StartAsync(this);
        var editor = await site.PersonAsync("bientap.sonoivu", "Nguyễn Văn An", UserGroupCatalog.EditorsAlias("so-noi-vu"));
        var administrator = await site.PersonAsync("quantri", "Phạm Quản Trị", UserGroup.AdministratorsAlias);
        var article = await site.CreateArticleAsync(editor, "Bài chưa có người duyệt");

        await site.SucceedAsync(site.Approval.SendForApprovalAsync(article, editor.Actor));

        Assert.Equal("Bài chờ duyệt: Bài chưa có người duyệt", Assert.Single(await site.NotificationsOfAsync(administrator)).Title);
        Assert.Equal([administrator.Address], Assert.Single(site.Mailbox()).To.Mailboxes.Select(m => m.Address));
    }

    [Fact]
    public async Task SendForApproval_ApproverWithoutAddressAndApiUser_NotificationOnlyForThePerson()
    {
        await using var site = await ApprovalSite.StartAsync(this);
        var editor = await site.PersonAsync("bientap.sonoivu", "Nguyễn Văn An", UserGroupCatalog.EditorsAlias("so-noi-vu"));
        var approver = await site.PersonAsync("lanhdao.sonoivu", "Trần Thị Bình", UserGroupCatalog.ApproversAlias("so-noi-vu"), hasAddress: false);
        var program = await site.PersonAsync("dongbo.sonoivu", "Đồng bộ", UserGroupCatalog.ApproversAlias("so-noi-vu"), kind: UserKind.Api);
        var article = await site.CreateArticleAsync(editor, "Bài gửi người không có thư");

        await site.SucceedAsync(site.Approval.SendForApprovalAsync(article, editor.Actor));

        Assert.Single(await site.NotificationsOfAsync(approver));
        Assert.Empty(await site.NotificationsOfAsync(program));
        Assert.Empty(site.Mailbox());
    }

    [Fact]
    public async Task Reject_ByUnitApprover_SenderGetsTheReason()
    {
        await using var site = await ApprovalSite.StartAsync(this);
        var editor = await site.PersonAsync("bientap.sonoivu", "Nguyễn Văn An", UserGroupCatalog.EditorsAlias("so-noi-vu"));
        var approver = await site.PersonAsync("lanhdao.sonoivu", "Trần Thị Bình", UserGroupCatalog.ApproversAlias("so-noi-vu"));
        var article = await site.CreateArticleAsync(editor, "Kết quả giải quyết hồ sơ quý I");
        await site.SucceedAsync(site.Approval.SendForApprovalAsync(article, editor.Actor));
        site.Host.Clock.Advance(TimeSpan.FromHours(2));

        await site.SucceedAsync(site.Approval.RejectAsync(article, approver.Actor, "Số liệu quý I chưa khớp báo cáo của Sở"));

        var notice = Assert.Single(await site.NotificationsOfAsync(editor));
        Assert.Equal("Bài bị trả lại: Kết quả giải quyết hồ sơ quý I", notice.Title);
        Assert.Contains("Trần Thị Bình đã trả lại bài «Kết quả giải quyết hồ sơ quý I» lúc 02/03/2026 10:00.", notice.Body);
        Assert.Contains("Lý do: Số liệu quý I chưa khớp báo cáo của Sở", notice.Body);
        var mail = Assert.Single(site.Mailbox(), m => m.To.Mailboxes.Any(a => a.Address == editor.Address));
        Assert.Equal("Bài bị trả lại: Kết quả giải quyết hồ sơ quý I", mail.Subject);
        Assert.Contains("Lý do: Số liệu quý I chưa khớp báo cáo của Sở", mail.TextBody);
        Assert.Single(await site.NotificationsOfAsync(approver));
    }

    [Fact]
    public async Task ForcePublish_ByAdministrator_UnitApproversAskedToReviewWithTheReason()
    {
        await using var site = await ApprovalSite.StartAsync(this);
        var editor = await site.PersonAsync("bientap.sonoivu", "Nguyễn Văn An", UserGroupCatalog.EditorsAlias("so-noi-vu"));
        var approver = await site.PersonAsync("lanhdao.sonoivu", "Trần Thị Bình", UserGroupCatalog.ApproversAlias("so-noi-vu"));
        var administrator = await site.PersonAsync("quantri", "Phạm Quản Trị", UserGroup.AdministratorsAlias);
        var article = await site.CreateArticleAsync(editor, "Thông báo khẩn về lịch tiếp công dân");

        await site.SucceedAsync(site.Approval.ForcePublishAsync(article, administrator.Actor, "Lịch tiếp công dân phải đăng trước 14 giờ"));

        var notice = Assert.Single(await site.NotificationsOfAsync(approver));
        Assert.Equal("Cần xem xét lại: bài được xuất bản không qua duyệt – Thông báo khẩn về lịch tiếp công dân", notice.Title);
        Assert.Contains("Phạm Quản Trị đã xuất bản bài «Thông báo khẩn về lịch tiếp công dân» không qua duyệt", notice.Body);
        Assert.Contains("Lý do: Lịch tiếp công dân phải đăng trước 14 giờ", notice.Body);
        Assert.Empty(await site.NotificationsOfAsync(administrator));
        Assert.Empty(await site.NotificationsOfAsync(editor));
        Assert.Equal([approver.Address], Assert.Single(site.Mailbox()).To.Mailboxes.Select(m => m.Address));
    }

    [Fact]
    public async Task SendForApproval_EventDeliveredTwice_ApproverToldOnce()
    {
        await using var site = await ApprovalSite.StartAsync(this);
        var editor = await site.PersonAsync("bientap.sonoivu", "Nguyễn Văn An", UserGroupCatalog.EditorsAlias("so-noi-vu"));
        var approver = await site.PersonAsync("lanhdao.sonoivu", "Trần Thị Bình", UserGroupCatalog.ApproversAlias("so-noi-vu"));
        var article = await site.CreateArticleAsync(editor, "Bài gửi một lần");
        await site.SucceedAsync(site.Approval.SendForApprovalAsync(article, editor.Actor));

        // As after a crash between handling the event and saving the consumer's cursor.
        await site.Notifier.HandleAsync(new EditionSentForApproval(article, 1, "article", editor.Actor.Name), CancellationToken.None);

        Assert.Single(await site.NotificationsOfAsync(approver));
        Assert.Single(site.Mailbox());
    }

    [Fact]
    public async Task SendForApproval_SentAgainAfterRejection_ApproverToldTwice()
    {
        await using var site = await ApprovalSite.StartAsync(this);
        var editor = await site.PersonAsync("bientap.sonoivu", "Nguyễn Văn An", UserGroupCatalog.EditorsAlias("so-noi-vu"));
        var approver = await site.PersonAsync("lanhdao.sonoivu", "Trần Thị Bình", UserGroupCatalog.ApproversAlias("so-noi-vu"));
        var article = await site.CreateArticleAsync(editor, "Bài sửa theo góp ý");
        await site.SucceedAsync(site.Approval.SendForApprovalAsync(article, editor.Actor));
        await site.SucceedAsync(site.Approval.RejectAsync(article, approver.Actor, "Thiếu nguồn tin"));
        site.Host.Clock.Advance(TimeSpan.FromMinutes(30));

        await site.SucceedAsync(site.Approval.SendForApprovalAsync(article, editor.Actor));

        var told = await site.NotificationsOfAsync(approver);
        Assert.Equal(2, told.Count(n => n.Title == "Bài chờ duyệt: Bài sửa theo góp ý"));
        Assert.Equal(2, site.Mailbox().Count(m => m.To.Mailboxes.Any(a => a.Address == approver.Address)));
    }

    [Fact]
    public async Task MarkRead_OwnAndSomeoneElses_OnlyOwnBecomesRead()
    {
        await using var site = await ApprovalSite.StartAsync(this);
        var editor = await site.PersonAsync("bientap.sonoivu", "Nguyễn Văn An", UserGroupCatalog.EditorsAlias("so-noi-vu"));
        var approver = await site.PersonAsync("lanhdao.sonoivu", "Trần Thị Bình", UserGroupCatalog.ApproversAlias("so-noi-vu"));
        var first = await site.CreateArticleAsync(editor, "Bài thứ nhất");
        var second = await site.CreateArticleAsync(editor, "Bài thứ hai");
        await site.SucceedAsync(site.Approval.SendForApprovalAsync(first, editor.Actor));
        await site.SucceedAsync(site.Approval.SendForApprovalAsync(second, editor.Actor));
        var store = site.Host.Services.GetRequiredService<NotificationStore>();
        var page = await store.PageAsync(approver.Key, 0, 10, unreadOnly: false, CancellationToken.None);
        Assert.Equal(["Bài chờ duyệt: Bài thứ hai", "Bài chờ duyệt: Bài thứ nhất"], page.Items.Select(n => n.Title));

        Assert.False(await store.MarkReadAsync(editor.Key, page.Items[1].Id, site.Host.Now, CancellationToken.None));
        Assert.True(await store.MarkReadAsync(approver.Key, page.Items[1].Id, site.Host.Now, CancellationToken.None));

        var unread = await store.PageAsync(approver.Key, 0, 10, unreadOnly: true, CancellationToken.None);
        Assert.Equal(1, unread.Total);
        Assert.Equal("Bài chờ duyệt: Bài thứ hai", Assert.Single(unread.Items).Title);
    }

    /// <summary>A person (or program) with a sign-in name, the groups' actor, and where mail to them goes.</summary>
    private sealed record Person(Guid Key, string Address, Actor Actor);

    /// <summary>
    /// Home / Đơn vị / {Sở Nội vụ, Sở Tư pháp}, published, with the seeded groups; people are added by each test.
    /// Mail goes to a pickup folder of the test's own.
    /// </summary>
    private sealed class ApprovalSite : IAsyncDisposable
    {
        private readonly string mailFolder;

        private ApprovalSite(PortalTestHost host, Guid noiVu, string mailFolder)
        {
            Host = host;
            NoiVu = noiVu;
            this.mailFolder = mailFolder;
        }

        public PortalTestHost Host { get; }

        public Guid NoiVu { get; }

        public ContentApproval Approval => Host.Services.GetRequiredService<ContentApproval>();

        public ApprovalNotifier Notifier => Host.Services.GetRequiredService<ApprovalNotifier>();

        public static async Task<ApprovalSite> StartAsync(ApprovalNotifierTests suite)
        {
            var mailFolder = Directory.CreateTempSubdirectory("portal-mail-").FullName;
            var host = await suite.StartAsync(s => s.Configure<MailSettings>(m => m.PickupDirectory = mailFolder));
            try
            {
                var home = await host.CreatePublishedAsync("home", null, SampleContent.HomeName);
                var units = await host.CreatePublishedAsync("unitsRoot", home, "Đơn vị");
                var noiVu = await host.CreatePublishedAsync("unit", units, "Sở Nội vụ", Unit("Sở Nội vụ"));
                await host.CreatePublishedAsync("unit", units, "Sở Tư pháp", Unit("Sở Tư pháp"));
                await host.Services.GetRequiredService<UserGroupCatalog>().EnsureAsync(CancellationToken.None);
                return new ApprovalSite(host, noiVu, mailFolder);
            }
            catch
            {
                await host.DisposeAsync();
                Directory.Delete(mailFolder, recursive: true);
                throw;
            }
        }

        /// <summary>A backoffice user in one seeded group, as the users screen would create them.</summary>
        public async Task<Person> PersonAsync(string userName, string displayName, string groupAlias, bool hasAddress = true, UserKind kind = UserKind.Person)
        {
            var address = hasAddress ? $"{userName}@kontum.gov.vn" : null;
            var user = new BackofficeUser
            {
                Id = Guid.NewGuid(),
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                Email = address,
                NormalizedEmail = address?.ToUpperInvariant(),
                DisplayName = displayName,
                Kind = kind,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                CreatedAt = Host.Now,
            };
            await using (var db = await Host.NewContextAsync())
            {
                db.Users.Add(user);
                await db.SaveChangesAsync();
            }

            var groups = Host.Services.GetRequiredService<UserGroupStore>();
            var group = (await groups.AllAsync(CancellationToken.None)).Single(g => g.Alias == groupAlias);
            await groups.SetGroupsAsync(user.Id, [group.Key], CancellationToken.None);
            return new Person(user.Id, address ?? string.Empty, Actor.User(user.Id, userName, [group], "203.0.113.5"));
        }

        public async Task<Guid> CreateArticleAsync(Person writer, string title)
        {
            var result = await Host.Editing.CreateAsync("article", NoiVu, title, SampleContent.Article(title), writer.Actor);
            Assert.True(result.Succeeded, PortalTestHost.Describe(result));
            return result.DocumentKey!.Value;
        }

        /// <summary>Runs the verb, then hands the outbox to its consumers as a node does after each commit.</summary>
        public async Task SucceedAsync(Task<ContentOperationResult> verb)
        {
            var result = await verb;
            Assert.True(result.Succeeded, PortalTestHost.Describe(result));
            await Host.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        }

        public async Task<List<Notification>> NotificationsOfAsync(Person person)
        {
            await using var db = await Host.NewContextAsync();
            return await db.Notifications.AsNoTracking().Where(n => n.UserKey == person.Key).OrderBy(n => n.Id).ToListAsync();
        }

        /// <summary>Every message written to the pickup folder, parsed back as a mail client would.</summary>
        public List<MimeMessage> Mailbox() =>
            Directory.EnumerateFiles(mailFolder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList();

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            Directory.Delete(mailFolder, recursive: true);
        }

        private static Dictionary<string, string> Unit(string name) => new(StringComparer.Ordinal)
        {
            ["unitName"] = name,
            ["kind"] = "[\"Sở, ban, ngành\"]",
        };
    }
}

public sealed class ApprovalNotifierTestsOnSqlite : ApprovalNotifierTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class ApprovalNotifierTestsOnPostgreSql : ApprovalNotifierTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
