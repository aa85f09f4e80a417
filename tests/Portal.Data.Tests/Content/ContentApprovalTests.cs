using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Events;
using Portal.Core.Workflow;
using Portal.Data.Access;
using Portal.Data.Outbox;
using Portal.Data.Tests.TestHost;
using Portal.Infrastructure.Access;

namespace Portal.Data.Tests.Content;

/// <summary>
/// ContentApproval on a real database, with the seeded user groups (UserGroupCatalog) read back from it: a unit's writers
/// send drafts for approval, its approvers publish or send them back, and an administrator's force publish stays flagged
/// until somebody else reviews it.
/// </summary>
public abstract class ContentApprovalTests : DatabaseSuite
{
    private const string Ip = "203.0.113.5";

    [Fact]
    public async Task SendForApproval_UnitEditorOnOwnDraft_InReviewWithTimelineEntryAndEvent()
    {
        await using var site = await UnitSite.StartAsync(this);
        var article = await site.CreateArticleAsync("Sở Nội vụ tập huấn một cửa");
        site.Host.Clock.Advance(TimeSpan.FromMinutes(3));

        var result = await site.Approval.SendForApprovalAsync(article, site.Editor, "  Nhờ anh duyệt giúp  ");

        Assert.Equal(ContentOperationStatus.Success, result.Status);
        var document = await site.Host.LoadAsync(article);
        Assert.Equal(EditionStatus.InReview, Assert.Single(document.Editions).Status);
        Assert.Null(document.Live);
        var entry = (await site.Host.TimelineAsync(article))[^1];
        Assert.Equal((TimelineAction.SentForApproval, 1, site.Editor.Name, Ip, "Nhờ anh duyệt giúp", site.Host.Now),
            (entry.Action, entry.EditionNumber!.Value, entry.Actor, entry.IpAddress, entry.Note, entry.At));
        Assert.Contains(new EditionSentForApproval(article, 1, "article", site.Editor.Name), await site.EventsAsync());
    }

    [Fact]
    public async Task SendForApproval_DraftAlreadyInReview_AlreadyInReview()
    {
        await using var site = await UnitSite.StartAsync(this);
        var article = await site.CreateArticleAsync("Gửi duyệt hai lần");
        Assert.True((await site.Approval.SendForApprovalAsync(article, site.Editor)).Succeeded);

        var result = await site.Approval.SendForApprovalAsync(article, site.Editor);

        Assert.Equal(ContentOperationStatus.AlreadyInReview, result.Status);
        Assert.Single(await site.Host.TimelineAsync(article), t => t.Action == TimelineAction.SentForApproval);
    }

    [Fact]
    public async Task SendForApproval_EditorOfAnotherUnit_ForbiddenAndStillDraft()
    {
        await using var site = await UnitSite.StartAsync(this);
        var article = await site.CreateArticleAsync("Bài của Sở Nội vụ");

        var result = await site.Approval.SendForApprovalAsync(article, site.OtherUnitEditor);

        Assert.Equal(ContentOperationStatus.Forbidden, result.Status);
        Assert.Equal(EditionStatus.Draft, Assert.Single((await site.Host.LoadAsync(article)).Editions).Status);
        Assert.DoesNotContain(await site.Host.TimelineAsync(article), t => t.Action == TimelineAction.SentForApproval);
    }

    [Fact]
    public async Task SendForApproval_DraftMissingMandatoryFields_ValidationFailedAndStillDraft()
    {
        await using var site = await UnitSite.StartAsync(this);
        var created = await site.Host.Editing.CreateAsync("article", site.NoiVu, "Bài chưa đủ", SampleContent.Titled("Bài chưa đủ"), site.Editor);
        var article = created.DocumentKey!.Value;

        var result = await site.Approval.SendForApprovalAsync(article, site.Editor);

        Assert.Equal(ContentOperationStatus.ValidationFailed, result.Status);
        Assert.Equal(EditionStatus.Draft, Assert.Single((await site.Host.LoadAsync(article)).Editions).Status);
    }

    [Fact]
    public async Task SaveDraft_WhileInReview_BackToDraftSoApproveFindsNothingToApprove()
    {
        await using var site = await UnitSite.StartAsync(this);
        var article = await site.CreateArticleAsync("Bản gửi duyệt");
        Assert.True((await site.Approval.SendForApprovalAsync(article, site.Editor)).Succeeded);
        var saved = await site.Host.Editing.SaveDraftAsync(article, null, "Bản sửa sau khi gửi", SampleContent.Article("Bản sửa sau khi gửi"), site.Editor);
        Assert.True(saved.Succeeded, PortalTestHost.Describe(saved));

        var result = await site.Approval.ApproveAsync(article, site.Approver);

        Assert.Equal(ContentOperationStatus.NotInReview, result.Status);
        var document = await site.Host.LoadAsync(article);
        Assert.Null(document.Live);
        Assert.Equal(EditionStatus.Draft, document.Pending!.Status);
    }

    [Fact]
    public async Task Approve_ApproverOnDraftInReview_PublishedWithApprovedThenPublishedOnTheTimeline()
    {
        await using var site = await UnitSite.StartAsync(this);
        var article = await site.CreateArticleAsync("Kết quả chỉ số cải cách hành chính");
        Assert.True((await site.Approval.SendForApprovalAsync(article, site.Editor)).Succeeded);
        site.Host.Clock.Advance(TimeSpan.FromHours(1));

        var result = await site.Approval.ApproveAsync(article, site.Approver, "Đồng ý");

        Assert.Equal(new ContentOperationResult(ContentOperationStatus.Success, article, 1), result);
        var live = (await site.Host.LoadAsync(article)).Live!;
        Assert.Equal((1, site.Approver.Name, site.Host.Now, false), (live.Number, live.PublishedBy, live.PublishedAt!.Value, live.AwaitsReview));
        var timeline = await site.Host.TimelineAsync(article);
        Assert.Equal([TimelineAction.Created, TimelineAction.SentForApproval, TimelineAction.Approved, TimelineAction.Published],
            timeline.Select(t => t.Action));
        Assert.Equal("Đồng ý", timeline[2].Note);
        Assert.All(timeline.Skip(2), t => Assert.Equal((site.Approver.Name, Ip), (t.Actor, t.IpAddress)));
        Assert.Contains(new EditionPublished(article, 1, "article"), await site.EventsAsync());
    }

    [Fact]
    public async Task Approve_DraftNotSentForApproval_NotInReviewAndNothingPublished()
    {
        await using var site = await UnitSite.StartAsync(this);
        var article = await site.CreateArticleAsync("Chưa gửi duyệt");

        var result = await site.Approval.ApproveAsync(article, site.Approver);

        Assert.Equal(ContentOperationStatus.NotInReview, result.Status);
        Assert.Null((await site.Host.LoadAsync(article)).Live);
    }

    [Fact]
    public async Task Approve_ByUnitEditor_ForbiddenAndStillInReview()
    {
        await using var site = await UnitSite.StartAsync(this);
        var article = await site.CreateArticleAsync("Tự duyệt bài của mình");
        Assert.True((await site.Approval.SendForApprovalAsync(article, site.Editor)).Succeeded);

        var result = await site.Approval.ApproveAsync(article, site.Editor);

        Assert.Equal(ContentOperationStatus.Forbidden, result.Status);
        var document = await site.Host.LoadAsync(article);
        Assert.Null(document.Live);
        Assert.Equal(EditionStatus.InReview, document.Pending!.Status);
        Assert.DoesNotContain(await site.Host.TimelineAsync(article), t => t.Action is TimelineAction.Approved or TimelineAction.Published);
    }

    [Fact]
    public async Task Approve_ApproverOfAnotherUnit_Forbidden()
    {
        await using var site = await UnitSite.StartAsync(this);
        var article = await site.CreateArticleAsync("Bài chờ duyệt của Sở Nội vụ");
        Assert.True((await site.Approval.SendForApprovalAsync(article, site.Editor)).Succeeded);

        var result = await site.Approval.ApproveAsync(article, site.OtherUnitApprover);

        Assert.Equal(ContentOperationStatus.Forbidden, result.Status);
        Assert.Null((await site.Host.LoadAsync(article)).Live);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Reject_WithoutReason_ReasonRequiredAndStillInReview(string reason)
    {
        await using var site = await UnitSite.StartAsync(this);
        var article = await site.CreateArticleAsync("Bài bị trả lại");
        Assert.True((await site.Approval.SendForApprovalAsync(article, site.Editor)).Succeeded);

        var result = await site.Approval.RejectAsync(article, site.Approver, reason);

        Assert.Equal(ContentOperationStatus.ReasonRequired, result.Status);
        Assert.Equal(EditionStatus.InReview, (await site.Host.LoadAsync(article)).Pending!.Status);
        Assert.DoesNotContain(await site.Host.TimelineAsync(article), t => t.Action == TimelineAction.Rejected);
    }

    [Fact]
    public async Task Reject_WithReason_DraftAgainWithReasonOnTimelineAndContentIntact()
    {
        await using var site = await UnitSite.StartAsync(this);
        var values = SampleContent.Article("Tuyên truyền Nghị định 61", "<p>Đoạn văn cần được giữ nguyên.</p>");
        var article = await site.CreateArticleAsync("Tuyên truyền Nghị định 61", values);
        var before = Assert.Single((await site.Host.LoadAsync(article)).Editions);
        Assert.True((await site.Approval.SendForApprovalAsync(article, site.Editor)).Succeeded);

        var result = await site.Approval.RejectAsync(article, site.Approver, "Thiếu số liệu quý I");

        Assert.Equal(ContentOperationStatus.Success, result.Status);
        var after = Assert.Single((await site.Host.LoadAsync(article)).Editions);
        Assert.Equal(EditionStatus.Draft, after.Status);
        Assert.Equal((before.Name, before.UrlSegment), (after.Name, after.UrlSegment));
        Assert.Equal(before.Values.OrderBy(v => v.Key, StringComparer.Ordinal), after.Values.OrderBy(v => v.Key, StringComparer.Ordinal));
        var entry = (await site.Host.TimelineAsync(article))[^1];
        Assert.Equal((TimelineAction.Rejected, "Thiếu số liệu quý I", site.Approver.Name, Ip),
            (entry.Action, entry.Note, entry.Actor, entry.IpAddress));
        Assert.Contains(new EditionRejected(article, 1, "Thiếu số liệu quý I", site.Approver.Name), await site.EventsAsync());
    }

    [Fact]
    public async Task Reject_ThenSendAgain_ApproverCanApprove()
    {
        await using var site = await UnitSite.StartAsync(this);
        var article = await site.CreateArticleAsync("Gửi lại sau khi sửa");
        Assert.True((await site.Approval.SendForApprovalAsync(article, site.Editor)).Succeeded);
        Assert.True((await site.Approval.RejectAsync(article, site.Approver, "Sửa tiêu đề")).Succeeded);
        await site.Host.SaveDraftAsync(article, "Gửi lại sau khi sửa tiêu đề");

        Assert.True((await site.Approval.SendForApprovalAsync(article, site.Editor)).Succeeded);
        var result = await site.Approval.ApproveAsync(article, site.Approver);

        Assert.Equal(ContentOperationStatus.Success, result.Status);
        Assert.Equal("Gửi lại sau khi sửa tiêu đề", (await site.Host.LoadAsync(article)).Live!.Name);
    }

    [Fact]
    public async Task Publish_ByUnitEditor_ForbiddenAndNothingChanges()
    {
        await using var site = await UnitSite.StartAsync(this);
        var article = await site.CreateArticleAsync("Biên tập viên tự xuất bản");
        var before = await site.Host.LoadAsync(article);
        var eventsBefore = (await site.EventsAsync()).Count;

        var result = await site.Host.Publishing.PublishAsync(article, site.Editor);

        Assert.Equal(ContentOperationStatus.Forbidden, result.Status);
        var after = await site.Host.LoadAsync(article);
        Assert.Null(after.Live);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(EditionStatus.Draft, Assert.Single(after.Editions).Status);
        Assert.Equal([TimelineAction.Created], (await site.Host.TimelineAsync(article)).Select(t => t.Action));
        Assert.Equal(eventsBefore, (await site.EventsAsync()).Count);
    }

    [Fact]
    public async Task ForcePublish_ByUnitApprover_ForbiddenAndNothingPublished()
    {
        await using var site = await UnitSite.StartAsync(this);
        var article = await site.CreateArticleAsync("Xuất bản gấp");

        var result = await site.Approval.ForcePublishAsync(article, site.Approver, "Cần đăng ngay");

        Assert.Equal(ContentOperationStatus.Forbidden, result.Status);
        Assert.Null((await site.Host.LoadAsync(article)).Live);
        Assert.DoesNotContain(await site.Host.TimelineAsync(article), t => t.Action is TimelineAction.ForcePublished or TimelineAction.Published);
    }

    [Fact]
    public async Task ForcePublish_ByGroupWithEveryPermissionButNotAdministrators_Forbidden()
    {
        await using var site = await UnitSite.StartAsync(this);
        var article = await site.CreateArticleAsync("Bài không thuộc chỉ đạo");
        var allPowerful = Actor.User(Guid.NewGuid(), "quyen.day.du", [new UserGroup(Guid.NewGuid(), "site-editors", "Biên tập toàn trang",
            [Section.Content], Permission.All, hasRootAccess: true, [])], Ip);

        var result = await site.Approval.ForcePublishAsync(article, allPowerful, "Cần đăng ngay");

        Assert.Equal(ContentOperationStatus.Forbidden, result.Status);
        Assert.Null((await site.Host.LoadAsync(article)).Live);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \t ")]
    public async Task ForcePublish_AdministratorWithoutReason_ReasonRequiredAndNothingPublished(string reason)
    {
        await using var site = await UnitSite.StartAsync(this);
        var article = await site.CreateArticleAsync("Xuất bản không lý do");

        var result = await site.Approval.ForcePublishAsync(article, site.Administrator, reason);

        Assert.Equal(ContentOperationStatus.ReasonRequired, result.Status);
        Assert.Null((await site.Host.LoadAsync(article)).Live);
        Assert.Equal([TimelineAction.Created], (await site.Host.TimelineAsync(article)).Select(t => t.Action));
    }

    [Fact]
    public async Task ForcePublish_AdministratorWithReason_LiveAndAwaitsReview()
    {
        await using var site = await UnitSite.StartAsync(this);
        var article = await site.CreateArticleAsync("Thông báo khẩn về lịch tiếp công dân");
        Assert.True((await site.Approval.SendForApprovalAsync(article, site.Editor)).Succeeded);

        var result = await site.Approval.ForcePublishAsync(article, site.Administrator, " Chủ tịch yêu cầu đăng ngay ");

        Assert.Equal(ContentOperationStatus.Success, result.Status);
        var live = (await site.Host.LoadAsync(article)).Live!;
        Assert.True(live.AwaitsReview);
        Assert.Equal(("Chủ tịch yêu cầu đăng ngay", site.Administrator.Name, site.Administrator.Name),
            (live.ForcePublishReason, live.ForcePublishedBy, live.PublishedBy));
        Assert.Null(live.ReviewedBy);
        var timeline = await site.Host.TimelineAsync(article);
        Assert.Equal([TimelineAction.Published, TimelineAction.ForcePublished], timeline.TakeLast(2).Select(t => t.Action));
        Assert.Equal(("Chủ tịch yêu cầu đăng ngay", site.Administrator.Name, Ip), (timeline[^1].Note, timeline[^1].Actor, timeline[^1].IpAddress));
        var events = await site.EventsAsync();
        Assert.Contains(new EditionForcePublished(article, 1, "Chủ tịch yêu cầu đăng ngay", site.Administrator.Name), events);
        Assert.Contains(new EditionPublished(article, 1, "article"), events);
    }

    [Fact]
    public async Task Review_BySameAdministratorWhoForcePublished_ReviewerIsForcePublisherAndStillFlagged()
    {
        await using var site = await UnitSite.StartAsync(this);
        var article = await site.CreateArticleAsync("Tự xem xét lại");
        Assert.True((await site.Approval.ForcePublishAsync(article, site.Administrator, "Đăng gấp")).Succeeded);

        var result = await site.Approval.ReviewAsync(article, site.Administrator);

        Assert.Equal(ContentOperationStatus.ReviewerIsForcePublisher, result.Status);
        Assert.True((await site.Host.LoadAsync(article)).Live!.AwaitsReview);
        Assert.DoesNotContain(await site.Host.TimelineAsync(article), t => t.Action == TimelineAction.Reviewed);
    }

    [Fact]
    public async Task Review_ByUnitApprover_FlagClearedWithTimelineEntry()
    {
        await using var site = await UnitSite.StartAsync(this);
        var article = await site.CreateArticleAsync("Được xem xét lại");
        Assert.True((await site.Approval.ForcePublishAsync(article, site.Administrator, "Đăng gấp")).Succeeded);
        site.Host.Clock.Advance(TimeSpan.FromDays(1));

        var result = await site.Approval.ReviewAsync(article, site.Approver, "Đã kiểm tra, nội dung đúng");

        Assert.Equal(ContentOperationStatus.Success, result.Status);
        var live = (await site.Host.LoadAsync(article)).Live!;
        Assert.False(live.AwaitsReview);
        Assert.Equal((site.Approver.Name, site.Host.Now), (live.ReviewedBy, live.ReviewedAt!.Value));
        var entry = (await site.Host.TimelineAsync(article))[^1];
        Assert.Equal((TimelineAction.Reviewed, "Đã kiểm tra, nội dung đúng", site.Approver.Name, Ip),
            (entry.Action, entry.Note, entry.Actor, entry.IpAddress));
    }

    [Fact]
    public async Task Review_ByUnitEditor_ForbiddenAndStillFlagged()
    {
        await using var site = await UnitSite.StartAsync(this);
        var article = await site.CreateArticleAsync("Biên tập viên không xem xét được");
        Assert.True((await site.Approval.ForcePublishAsync(article, site.Administrator, "Đăng gấp")).Succeeded);

        var result = await site.Approval.ReviewAsync(article, site.Editor);

        Assert.Equal(ContentOperationStatus.Forbidden, result.Status);
        Assert.True((await site.Host.LoadAsync(article)).Live!.AwaitsReview);
    }

    [Fact]
    public async Task Review_ApprovedNormally_NotAwaitingReview()
    {
        await using var site = await UnitSite.StartAsync(this);
        var article = await site.CreateArticleAsync("Đã duyệt bình thường");
        Assert.True((await site.Approval.SendForApprovalAsync(article, site.Editor)).Succeeded);
        Assert.True((await site.Approval.ApproveAsync(article, site.Approver)).Succeeded);

        var result = await site.Approval.ReviewAsync(article, site.Approver);

        Assert.Equal(ContentOperationStatus.NotAwaitingReview, result.Status);
    }

    [Fact]
    public async Task Timeline_WholeApprovalFlow_EveryStepNamesItsActorAndAddress()
    {
        await using var site = await UnitSite.StartAsync(this);
        var article = await site.CreateArticleAsync("Toàn bộ quy trình duyệt");
        Assert.True((await site.Approval.SendForApprovalAsync(article, site.Editor)).Succeeded);
        Assert.True((await site.Approval.RejectAsync(article, site.Approver, "Bổ sung ảnh")).Succeeded);
        Assert.True((await site.Approval.SendForApprovalAsync(article, site.Editor)).Succeeded);
        Assert.True((await site.Approval.ApproveAsync(article, site.Approver)).Succeeded);
        var saved = await site.Host.Editing.SaveDraftAsync(article, null, "Bản đính chính", SampleContent.Article("Bản đính chính"), site.Editor);
        Assert.True(saved.Succeeded, PortalTestHost.Describe(saved));
        Assert.True((await site.Approval.ForcePublishAsync(article, site.Administrator, "Đính chính số liệu")).Succeeded);
        Assert.True((await site.Approval.ReviewAsync(article, site.Approver)).Succeeded);

        var timeline = await site.Host.TimelineAsync(article);

        Assert.Equal(
        [
            (TimelineAction.Created, site.Editor.Name),
            (TimelineAction.SentForApproval, site.Editor.Name),
            (TimelineAction.Rejected, site.Approver.Name),
            (TimelineAction.SentForApproval, site.Editor.Name),
            (TimelineAction.Approved, site.Approver.Name),
            (TimelineAction.Published, site.Approver.Name),
            (TimelineAction.DraftSaved, site.Editor.Name),
            (TimelineAction.Published, site.Administrator.Name),
            (TimelineAction.ForcePublished, site.Administrator.Name),
            (TimelineAction.Reviewed, site.Approver.Name),
        ], timeline.Select(t => (t.Action, t.Actor)));
        Assert.All(timeline, t => Assert.Equal(Ip, t.IpAddress));
        Assert.All(timeline, t => Assert.NotNull(t.ActorKey));
        var document = await site.Host.LoadAsync(article);
        Assert.Equal([EditionStatus.Superseded, EditionStatus.Published], document.Editions.OrderBy(e => e.Number).Select(e => e.Status));
        Assert.False(document.Live!.AwaitsReview);
    }

    /// <summary>
    /// Home / Đơn vị / {Sở Nội vụ, Sở Tư pháp}, published, with the seeded groups created by UserGroupCatalog and read back
    /// from the database; each actor is a person in one of those groups.
    /// </summary>
    private sealed class UnitSite : IAsyncDisposable
    {
        private UnitSite(PortalTestHost host, Guid noiVu, IReadOnlyList<UserGroup> groups)
        {
            Host = host;
            NoiVu = noiVu;
            UserGroup Group(string alias) => groups.Single(g => g.Alias == alias);
            Editor = Person("bientap.sonoivu", Group("unit-so-noi-vu-editors"));
            Approver = Person("lanhdao.sonoivu", Group("unit-so-noi-vu-approvers"));
            OtherUnitEditor = Person("bientap.sotuphap", Group("unit-so-tu-phap-editors"));
            OtherUnitApprover = Person("lanhdao.sotuphap", Group("unit-so-tu-phap-approvers"));
            Administrator = Person("quantri", Group(UserGroup.AdministratorsAlias));
        }

        public PortalTestHost Host { get; }
        public Guid NoiVu { get; }
        public Actor Editor { get; }
        public Actor Approver { get; }
        public Actor OtherUnitEditor { get; }
        public Actor OtherUnitApprover { get; }
        public Actor Administrator { get; }
        public ContentApproval Approval => Host.Services.GetRequiredService<ContentApproval>();

        public static async Task<UnitSite> StartAsync(ContentApprovalTests suite)
        {
            var host = await suite.StartAsync();
            try
            {
                var home = await host.CreatePublishedAsync("home", null, SampleContent.HomeName);
                var units = await host.CreatePublishedAsync("unitsRoot", home, "Đơn vị");
                var noiVu = await host.CreatePublishedAsync("unit", units, "Sở Nội vụ", Unit("Sở Nội vụ"));
                await host.CreatePublishedAsync("unit", units, "Sở Tư pháp", Unit("Sở Tư pháp"));
                await host.Services.GetRequiredService<UserGroupCatalog>().EnsureAsync(CancellationToken.None);
                var groups = await host.Services.GetRequiredService<UserGroupStore>().AllAsync(CancellationToken.None);
                return new UnitSite(host, noiVu, groups);
            }
            catch
            {
                await host.DisposeAsync();
                throw;
            }
        }

        /// <summary>The unit's editor writes an article on the unit's page (Create below the unit is theirs).</summary>
        public async Task<Guid> CreateArticleAsync(string title, IReadOnlyDictionary<string, string>? values = null)
        {
            var result = await Host.Editing.CreateAsync("article", NoiVu, title, values ?? SampleContent.Article(title), Editor);
            Assert.True(result.Succeeded, PortalTestHost.Describe(result));
            return result.DocumentKey!.Value;
        }

        public async Task<List<ContentEvent>> EventsAsync() =>
            (await Host.OutboxAsync()).Select(OutboxSerializer.FromMessage).OfType<ContentEvent>().ToList();

        public ValueTask DisposeAsync() => Host.DisposeAsync();

        private static Actor Person(string name, UserGroup group) => Actor.User(Guid.NewGuid(), name, [group], Ip);

        private static Dictionary<string, string> Unit(string name) => new(StringComparer.Ordinal)
        {
            ["unitName"] = name,
            ["kind"] = "[\"Sở, ban, ngành\"]",
        };
    }
}

public sealed class ContentApprovalTestsOnSqlite : ContentApprovalTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class ContentApprovalTestsOnPostgreSql : ContentApprovalTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
