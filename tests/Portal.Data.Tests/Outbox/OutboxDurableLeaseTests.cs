using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Events;
using Portal.Data.Tests.TestHost;
using Portal.Infrastructure.Leases;
using Portal.Infrastructure.Outbox;

namespace Portal.Data.Tests.Outbox;

/// <summary>Two nodes on one database: only the holder of the durable-outbox lease feeds durable consumers; the other takes over at expiry.</summary>
public abstract class OutboxDurableLeaseTests : DatabaseSuite
{
    private const string ConsumerName = "test-durable-consumer";

    [Fact]
    public async Task DispatchPending_NodeWithoutDurableLease_DurableConsumerSkippedUntilLeaseExpires()
    {
        await using var database = CreateDatabase();
        var clock = NewClock();
        var first = new RecordingConsumer(ConsumerName);
        var second = new RecordingConsumer(ConsumerName);
        await using var node1 = await PortalTestHost.StartAsync(database, clock, Node("node-1", first), ownsDatabase: false);
        await using var node2 = await PortalTestHost.StartAsync(database, clock, Node("node-2", second), ownsDatabase: false);
        var (_, column) = await node1.CreatePublishedSiteAsync();

        var article = await node2.CreatePublishedArticleAsync(column, "Bài viết trên nút thứ hai");

        Assert.Empty(second.Attempts);
        Assert.DoesNotContain(first.Received, e => e.DocumentKey == article);
        await node1.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        Assert.Contains(new EditionPublished(article, 1, "article"), first.Received);

        // The first node stops renewing; after expiry the second resumes from the stored cursor, with nothing repeated.
        clock.Advance(OutboxDispatcher.DurableLeaseDuration + TimeSpan.FromSeconds(1));
        var late = await node2.CreatePublishedArticleAsync(column, "Bài viết sau khi nút thứ nhất dừng");

        Assert.Equal([new DocumentCreated(late, column, "article"), new EditionPublished(late, 1, "article")], second.Received);
        var firstCount = first.Received.Count;
        await node1.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        Assert.Equal(firstCount, first.Received.Count);
    }

    private static Action<IServiceCollection> Node(string id, IContentEventConsumer consumer) => services =>
    {
        services.AddSingleton<INodeIdentity>(new TestNode(id));
        services.AddSingleton(consumer);
    };

    private sealed class TestNode(string id) : INodeIdentity
    {
        public string Id => id;
    }
}

public sealed class OutboxDurableLeaseTestsOnSqlite : OutboxDurableLeaseTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class OutboxDurableLeaseTestsOnPostgreSql : OutboxDurableLeaseTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
