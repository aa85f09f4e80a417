using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Events;
using Portal.Data.Outbox;
using Portal.Data.Tests.TestHost;

namespace Portal.Data.Tests.Outbox;

/// <summary>
/// One dispatch round hands every consumer the same rows: a commit that lands while an earlier consumer works
/// must not reach a later one first (the output-cache evictor must never run ahead of the route tree).
/// </summary>
public abstract class OutboxRoundTests : DatabaseSuite
{
    [Fact]
    public async Task DispatchPending_CommitLandsWhileFirstConsumerWorks_LaterConsumerWaitsForNextRound()
    {
        var lateEvent = new DraftSaved(Guid.NewGuid(), 7);
        PortalTestHost? host = null;
        var first = new NodeRecorder("first", async () =>
        {
            // Written straight to the outbox, as another node's commit would be: no local dispatch runs for it.
            await using var db = await host!.NewContextAsync();
            db.Outbox.Add(OutboxSerializer.ToMessage(lateEvent, host.Now));
            await db.SaveChangesAsync();
        });
        var second = new NodeRecorder("second", null);
        await using (host = await StartAsync(services =>
        {
            services.AddSingleton<IContentEventConsumer>(first);
            services.AddSingleton<IContentEventConsumer>(second);
        }))
        {
            host.Dispatcher.StartNodeConsumers(0);
            var (_, column) = await host.CreatePublishedSiteAsync();
            await host.CreatePublishedArticleAsync(column, "Bài viết");

            Assert.DoesNotContain(lateEvent, first.Received);
            Assert.DoesNotContain(lateEvent, second.Received);

            await host.Dispatcher.DispatchPendingAsync(CancellationToken.None);

            Assert.Contains(lateEvent, first.Received);
            Assert.Contains(lateEvent, second.Received);
        }
    }

    /// <summary>A node consumer that keeps what it is handed; at the first article publish it runs <paramref name="onFirst"/> while "working".</summary>
    private sealed class NodeRecorder(string name, Func<Task>? onFirst) : IContentEventConsumer
    {
        private readonly List<ContentEvent> received = [];
        private Func<Task>? pending = onFirst;

        public string Name => name;

        public ConsumerScope Scope => ConsumerScope.Node;

        public IReadOnlyList<ContentEvent> Received => received.ToList();

        public async Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken)
        {
            received.Add(contentEvent);
            if (contentEvent is EditionPublished { ContentTypeAlias: "article" } && pending is { } action)
            {
                pending = null;
                await action();
            }
        }
    }
}

public sealed class OutboxRoundTestsOnSqlite : OutboxRoundTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class OutboxRoundTestsOnPostgreSql : OutboxRoundTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
