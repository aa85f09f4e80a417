using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Events;
using Portal.Data.Tests.TestHost;

namespace Portal.Data.Tests.Content;

/// <summary>Every workflow verb leaves a timeline entry and an outbox event, written in the same commit.</summary>
public abstract class ContentTimelineTests : DatabaseSuite
{
    private static readonly Actor Actor = SampleContent.Actor;

    [Fact]
    public async Task Timeline_EveryVerbOnOneArticle_WritesOneEntryPerStepInOrder()
    {
        await using var host = await StartAsync();
        var (home, column) = await host.CreatePublishedSiteAsync();
        var otherColumn = await host.CreatePublishedAsync("column", home, "Tin tức");
        var outboxBefore = (await host.OutboxAsync()).Count;

        var article = await host.CreateArticleAsync(column, "Bài theo dõi");
        await host.SaveDraftAsync(article, "Bài theo dõi đã sửa");
        await host.PublishAsync(article);
        await host.SaveDraftAsync(article, "Bản hai");
        Assert.True((await host.Editing.DiscardDraftAsync(article, Actor)).Succeeded);
        Assert.True((await host.Publishing.ScheduleAsync(article, null, host.Now.AddDays(30), Actor)).Succeeded);
        Assert.True((await host.Publishing.UnpublishAsync(article, Actor)).Succeeded);
        await host.PublishAsync(article);
        await host.SaveDraftAsync(article, "Bản ba");
        await host.PublishAsync(article);
        Assert.True((await host.Editing.RollbackAsync(article, 1, Actor)).Succeeded);
        Assert.True((await host.Structure.MoveAsync(article, otherColumn, Actor)).Succeeded);
        Assert.True((await host.Structure.SortAsync(otherColumn, [article], Actor)).Succeeded);
        Assert.True((await host.Structure.TrashAsync(article, Actor)).Succeeded);
        Assert.True((await host.Structure.RestoreAsync(article, Actor)).Succeeded);

        var timeline = await host.TimelineAsync(article);
        Assert.Equal(
            [
                (TimelineAction.Created, 1), (TimelineAction.DraftSaved, 1), (TimelineAction.Published, 1),
                (TimelineAction.DraftSaved, 2), (TimelineAction.DraftDiscarded, 2), (TimelineAction.Scheduled, 1),
                (TimelineAction.Unpublished, 1), (TimelineAction.Published, 1), (TimelineAction.DraftSaved, 3),
                (TimelineAction.Published, 3), (TimelineAction.RolledBack, 4), (TimelineAction.Moved, 4),
                (TimelineAction.Sorted, (int?)null), (TimelineAction.Unpublished, 3), (TimelineAction.Trashed, 4),
                (TimelineAction.Restored, 4),
            ],
            timeline.Select(t => (t.Action, t.EditionNumber)));
        Assert.All(timeline, t => Assert.Equal(Actor.Name, t.Actor));
        Assert.All(timeline, t => Assert.Equal(host.Now, t.At));
        Assert.Equal("Khôi phục từ phiên bản 1", timeline.Single(t => t.Action == TimelineAction.RolledBack).Note);

        var events = (await host.OutboxAsync()).Skip(outboxBefore).Select(m => m.Type);
        Assert.Equal(
            [
                nameof(DocumentCreated), nameof(DraftSaved), nameof(EditionPublished), nameof(DraftSaved), nameof(DraftDiscarded),
                nameof(EditionScheduled), nameof(EditionUnpublished), nameof(EditionPublished), nameof(DraftSaved),
                nameof(EditionPublished), nameof(DraftSaved), nameof(DocumentMoved), nameof(DocumentsSorted),
                nameof(EditionUnpublished), nameof(DocumentTrashed), nameof(DocumentRestored),
            ],
            events);
    }

}

public sealed class ContentTimelineTestsOnSqlite : ContentTimelineTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class ContentTimelineTestsOnPostgreSql : ContentTimelineTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
