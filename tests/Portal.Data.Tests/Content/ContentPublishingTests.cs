using Microsoft.EntityFrameworkCore;
using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Events;
using Portal.Core.Workflow;
using Portal.Data.Outbox;
using Portal.Data.Tests.TestHost;

namespace Portal.Data.Tests.Content;

/// <summary>ContentPublishing on a real database: publish rules, supersede, unpublish, and the schedule under a fake clock.</summary>
public abstract class ContentPublishingTests : DatabaseSuite
{
    private static readonly Actor Actor = SampleContent.Actor;

    [Fact]
    public async Task Publish_ArticleMissingMandatoryFields_ValidationFailedNamingEachField()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreateAsync("article", column, "Bài chưa đủ", SampleContent.Titled("Bài chưa đủ"));

        var result = await host.Publishing.PublishAsync(article, Actor);

        Assert.Equal(ContentOperationStatus.ValidationFailed, result.Status);
        Assert.Equal(["body", "category", "summary"], result.Errors!.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Contains(result.Errors!, e => e is { Field: "summary", Message: "Vui lòng nhập tóm tắt" });
        var document = await host.LoadAsync(article);
        Assert.Equal(EditionStatus.Draft, Assert.Single(document.Editions).Status);
        Assert.DoesNotContain(await host.TimelineAsync(article), t => t.Action == TimelineAction.Published);
        Assert.DoesNotContain(await host.OutboxAsync(), m => OutboxSerializer.FromMessage(m) is EditionPublished p && p.DocumentKey == article);
    }

    [Fact]
    public async Task Publish_ArticleBeforeItsColumnIsPublished_ParentNotPublished()
    {
        await using var host = await StartAsync();
        var home = await host.CreatePublishedAsync("home", null, SampleContent.HomeName);
        var column = await host.CreateAsync("column", home, SampleContent.ColumnName);
        var article = await host.CreateArticleAsync(column, "Bài viết sớm");

        var result = await host.Publishing.PublishAsync(article, Actor);

        Assert.Equal(ContentOperationStatus.ParentNotPublished, result.Status);
        Assert.Null((await host.LoadAsync(article)).Live);
        await host.PublishAsync(column);
        Assert.Equal(ContentOperationStatus.Success, (await host.Publishing.PublishAsync(article, Actor)).Status);
    }

    [Fact]
    public async Task Publish_CompleteArticle_EditionPublishedWithTimelineEntryAndOutboxRow()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreateArticleAsync(column, "Công bố chỉ số cải cách hành chính");
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await host.Publishing.PublishAsync(article, Actor);

        Assert.Equal(new ContentOperationResult(ContentOperationStatus.Success, article, 1), result);
        var edition = Assert.Single((await host.LoadAsync(article)).Editions);
        Assert.Equal(EditionStatus.Published, edition.Status);
        Assert.Equal(Actor.Name, edition.PublishedBy);
        Assert.Equal(host.Now, edition.PublishedAt);
        Assert.Equal(DateTimeKind.Utc, edition.PublishedAt!.Value.Kind);
        var entry = Assert.Single(await host.TimelineAsync(article), t => t.Action == TimelineAction.Published);
        Assert.Equal((1, Actor.Name, host.Now), (entry.EditionNumber!.Value, entry.Actor, entry.At));
        await using var db = await host.NewContextAsync();
        var rows = await db.Outbox.AsNoTracking().Where(m => m.Type == nameof(EditionPublished)).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(new EditionPublished(article, 1, "article"), OutboxSerializer.FromMessage(rows[^1]));
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public async Task Publish_SecondEdition_FirstSuperseded()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreatePublishedArticleAsync(column, "Bản một");
        await host.SaveDraftAsync(article, "Bản hai");

        var result = await host.Publishing.PublishAsync(article, Actor);

        Assert.Equal(2, result.EditionNumber);
        var document = await host.LoadAsync(article);
        Assert.Equal(EditionStatus.Superseded, document.FindEdition(1)!.Status);
        Assert.Equal(EditionStatus.Published, document.FindEdition(2)!.Status);
        Assert.Equal("Bản hai", document.Live!.Name);
        Assert.Null(document.Pending);
        Assert.Equal(ContentOperationStatus.NothingToPublish, (await host.Publishing.PublishAsync(article, Actor)).Status);
    }

    [Fact]
    public async Task Unpublish_CalledTwice_SecondReturnsNotPublished()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreatePublishedArticleAsync(column, "Thông báo tạm thời");

        var first = await host.Publishing.UnpublishAsync(article, Actor);
        var second = await host.Publishing.UnpublishAsync(article, Actor);

        Assert.Equal(new ContentOperationResult(ContentOperationStatus.Success, article, 1), first);
        Assert.Equal(ContentOperationStatus.NotPublished, second.Status);
        var document = await host.LoadAsync(article);
        Assert.Null(document.Live);
        Assert.Equal(EditionStatus.Unpublished, Assert.Single(document.Editions).Status);
        Assert.Single(await host.TimelineAsync(article), t => t.Action == TimelineAction.Unpublished);
        var last = OutboxSerializer.FromMessage((await host.OutboxAsync())[^1]);
        Assert.Equal(new EditionUnpublished(article, 1, "article"), last);
    }

    [Fact]
    public async Task Schedule_PublishAtInOneHour_PublishedByTheSchedulerOnlyOnceTheClockPassesIt()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreateArticleAsync(column, "Lịch tiếp công dân tháng 3");
        var publishAt = host.Now.AddHours(1);
        Assert.Equal(ContentOperationStatus.InvalidSchedule,
            (await host.Publishing.ScheduleAsync(article, host.Now.AddMinutes(-1), null, Actor)).Status);

        var scheduled = await host.Publishing.ScheduleAsync(article, publishAt, null, Actor);

        Assert.Equal(ContentOperationStatus.Success, scheduled.Status);
        var edition = Assert.Single((await host.LoadAsync(article)).Editions);
        Assert.Equal(EditionStatus.Scheduled, edition.Status);
        Assert.Equal(publishAt, edition.PublishAt);

        Assert.Empty(await host.Publishing.RunDueScheduleAsync());
        Assert.Equal(EditionStatus.Scheduled, Assert.Single((await host.LoadAsync(article)).Editions).Status);

        host.Clock.Advance(TimeSpan.FromHours(2));
        var due = await host.Publishing.RunDueScheduleAsync();

        Assert.Equal(new ContentOperationResult(ContentOperationStatus.Success, article, 1), Assert.Single(due));
        var published = Assert.Single((await host.LoadAsync(article)).Editions);
        Assert.Equal(EditionStatus.Published, published.Status);
        Assert.Equal(ContentPublishing.Scheduler.Name, published.PublishedBy);
        Assert.Equal(host.Now, published.PublishedAt);
        Assert.Null(published.PublishAt);
        var entry = (await host.TimelineAsync(article))[^1];
        Assert.Equal((TimelineAction.Published, "scheduler"), (entry.Action, entry.Actor));
        Assert.Empty(await host.Publishing.RunDueScheduleAsync());
    }

    [Fact]
    public async Task Schedule_PublishAndUnpublishWindow_LiveOnlyInsideTheWindow()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreateArticleAsync(column, "Thông báo lịch nghỉ Tết");
        var publishAt = host.Now.AddHours(1);
        var unpublishAt = host.Now.AddHours(3);

        Assert.Equal(ContentOperationStatus.InvalidSchedule,
            (await host.Publishing.ScheduleAsync(article, unpublishAt, publishAt, Actor)).Status);
        Assert.True((await host.Publishing.ScheduleAsync(article, publishAt, unpublishAt, Actor)).Succeeded);

        host.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Single(await host.Publishing.RunDueScheduleAsync());
        var live = (await host.LoadAsync(article)).Live;
        Assert.NotNull(live);
        Assert.Equal(unpublishAt, live.UnpublishAt);

        host.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Single(await host.Publishing.RunDueScheduleAsync());
        var document = await host.LoadAsync(article);
        Assert.Null(document.Live);
        Assert.Equal(EditionStatus.Unpublished, Assert.Single(document.Editions).Status);
        Assert.Equal(
            [(TimelineAction.Scheduled, Actor.Name), (TimelineAction.Published, "scheduler"), (TimelineAction.Unpublished, "scheduler")],
            (await host.TimelineAsync(article)).Skip(1).Select(t => (t.Action, t.Actor)));
    }

    [Fact]
    public async Task Schedule_UnpublishAtOnLiveArticle_UnpublishedByTheSchedulerOnceTheClockPassesIt()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreatePublishedArticleAsync(column, "Thông báo tuyển dụng");
        var unpublishAt = host.Now.AddHours(1);

        var scheduled = await host.Publishing.ScheduleAsync(article, null, unpublishAt, Actor);

        Assert.Equal(ContentOperationStatus.Success, scheduled.Status);
        Assert.Equal(unpublishAt, (await host.LoadAsync(article)).Live!.UnpublishAt);
        Assert.Empty(await host.Publishing.RunDueScheduleAsync());
        Assert.NotNull((await host.LoadAsync(article)).Live);

        host.Clock.Advance(TimeSpan.FromHours(2));
        var due = await host.Publishing.RunDueScheduleAsync();

        Assert.Equal(ContentOperationStatus.Success, Assert.Single(due).Status);
        var document = await host.LoadAsync(article);
        Assert.Null(document.Live);
        Assert.Equal(EditionStatus.Unpublished, Assert.Single(document.Editions).Status);
        var entry = (await host.TimelineAsync(article))[^1];
        Assert.Equal((TimelineAction.Unpublished, "scheduler"), (entry.Action, entry.Actor));
    }

}

public sealed class ContentPublishingTestsOnSqlite : ContentPublishingTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class ContentPublishingTestsOnPostgreSql : ContentPublishingTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
