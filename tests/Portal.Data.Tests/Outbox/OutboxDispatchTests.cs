using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Events;
using Portal.Data.Outbox;
using Portal.Data.Tests.TestHost;

namespace Portal.Data.Tests.Outbox;

/// <summary>OutboxDispatcher with durable consumers: nothing committed is lost across a crash, nothing is delivered twice.</summary>
public abstract class OutboxDispatchTests : DatabaseSuite
{
    private const string ConsumerName = "test-durable-consumer";

    [Fact]
    public async Task Commit_WithDurableConsumerRegistered_EventDeliveredBeforeVerbReturns()
    {
        var consumer = new RecordingConsumer(ConsumerName);
        await using var host = await StartAsync(services => services.AddSingleton<IContentEventConsumer>(consumer));
        var (_, column) = await host.CreatePublishedSiteAsync();

        var article = await host.CreatePublishedArticleAsync(column, "Bài viết");

        Assert.Equal(new EditionPublished(article, 1, "article"), consumer.Received[^1]);
        Assert.Equal(await LastOutboxIdAsync(host), await host.CursorAsync(ConsumerName));
    }

    [Fact]
    public async Task DispatchPending_CrashBetweenCommitAndDispatch_DurableConsumerGetsEditionPublishedExactlyOnce()
    {
        await using var database = CreateDatabase();
        var clock = NewClock();
        Guid article;

        // Provider #1 commits, but no durable consumer sees the events: as if the node died right after the commit.
        await using (var crashed = await PortalTestHost.StartAsync(database, clock, ownsDatabase: false))
        {
            var (_, column) = await crashed.CreatePublishedSiteAsync();
            article = await crashed.CreatePublishedArticleAsync(column, "Bài viết trước sự cố");
        }

        var consumer = new RecordingConsumer(ConsumerName);
        await using (var restarted = await PortalTestHost.StartAsync(database, clock,
            services => services.AddSingleton<IContentEventConsumer>(consumer), ownsDatabase: false))
        {
            Assert.Empty(consumer.Received);

            await restarted.Dispatcher.DispatchPendingAsync(CancellationToken.None);

            Assert.Equal(new EditionPublished(article, 1, "article"), Assert.Single(consumer.Received, e => e.DocumentKey == article && e is EditionPublished));
            var outbox = await restarted.OutboxAsync();
            Assert.Equal(outbox.Select(OutboxSerializer.FromMessage), consumer.Received);
            Assert.Equal(outbox[^1].Id, await restarted.CursorAsync(ConsumerName));

            var delivered = consumer.Received.Count;
            await restarted.Dispatcher.DispatchPendingAsync(CancellationToken.None);
            Assert.Equal(delivered, consumer.Received.Count);
        }

        // A later node starts from the stored cursor, not from memory: it delivers nothing again.
        var again = new RecordingConsumer(ConsumerName);
        await using var later = await PortalTestHost.StartAsync(database, clock,
            services => services.AddSingleton<IContentEventConsumer>(again), ownsDatabase: false);
        await later.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        Assert.Empty(again.Attempts);
    }

    [Fact]
    public async Task DispatchPending_ConsumerThrowsOnFirstDelivery_EventRedeliveredNextTimeInOrder()
    {
        await using var database = CreateDatabase();
        var clock = NewClock();
        Guid home;
        Guid column;
        await using (var writer = await PortalTestHost.StartAsync(database, clock, ownsDatabase: false))
        {
            (home, column) = await writer.CreatePublishedSiteAsync();
        }

        var consumer = new RecordingConsumer(ConsumerName, failFirstDeliveryOf: typeof(EditionPublished));
        await using var host = await PortalTestHost.StartAsync(database, clock,
            services => services.AddSingleton<IContentEventConsumer>(consumer), ownsDatabase: false);
        var outbox = await host.OutboxAsync();

        await host.Dispatcher.DispatchPendingAsync(CancellationToken.None);

        Assert.Equal([new DocumentCreated(home, null, "home")], consumer.Received);
        Assert.Equal([new DocumentCreated(home, null, "home"), new EditionPublished(home, 1, "home")], consumer.Attempts);
        Assert.Equal(outbox[0].Id, await host.CursorAsync(ConsumerName));

        await host.Dispatcher.DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(
            [
                new DocumentCreated(home, null, "home"), new EditionPublished(home, 1, "home"),
                new DocumentCreated(column, home, "column"), new EditionPublished(column, 1, "column"),
            ],
            consumer.Received);
        Assert.Equal(outbox[^1].Id, await host.CursorAsync(ConsumerName));

        await host.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        Assert.Equal(4, consumer.Received.Count);
    }

    private static async Task<long?> LastOutboxIdAsync(PortalTestHost host) => (await host.OutboxAsync())[^1].Id;
}

public sealed class OutboxDispatchTestsOnSqlite : OutboxDispatchTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class OutboxDispatchTestsOnPostgreSql : OutboxDispatchTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
