using Microsoft.Extensions.Logging;
using Portal.Core.Events;
using Portal.Data.Outbox;
using Portal.Infrastructure.Leases;

namespace Portal.Infrastructure.Outbox;

/// <summary>
/// Hands committed outbox rows to consumers in order. Node consumers keep their place in memory (their
/// state is rebuilt at start); durable consumers keep it in the database, so an event committed just
/// before a crash is delivered after the restart. Durable consumers act outside the process (a webhook, an index), so
/// only the node holding the <see cref="DurableLease"/> lease runs them; node consumers run on every node.
/// </summary>
public sealed partial class OutboxDispatcher(OutboxStore store, IEnumerable<IContentEventConsumer> consumers, NodeLeases leases,
    ILogger<OutboxDispatcher> logger) : IOutboxSignal, IDisposable
{
    public const string DurableLease = "outbox-durable";
    public static readonly TimeSpan DurableLeaseDuration = TimeSpan.FromSeconds(30);

    private const int BatchSize = 500;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, long> nodeCursors = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<IContentEventConsumer> all = consumers.ToList();
    private bool nodeConsumersStarted;

    /// <summary>Node consumers start after <paramref name="lastAppliedId"/>: everything up to it is already in the state they loaded.</summary>
    public void StartNodeConsumers(long lastAppliedId)
    {
        lock (nodeCursors)
        {
            foreach (var consumer in all.Where(c => c.Scope == ConsumerScope.Node))
            {
                nodeCursors[consumer.Name] = consumer is IResumableConsumer { ResumeAfter: { } saved } && saved < lastAppliedId ? saved : lastAppliedId;
            }

            nodeConsumersStarted = true;
        }
    }

    public Task CommittedAsync(CancellationToken cancellationToken) => DispatchPendingAsync(cancellationToken);

    public async Task DispatchPendingAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Asked at every dispatch (the answer is reused for a second), which also renews the lease at each poll.
            var durable = all.Any(c => c.Scope == ConsumerScope.Durable) && await HoldsDurableLeaseAsync(cancellationToken);
            // Every consumer of this round stops at the same row, and none passes a row a node consumer before it
            // could not apply: otherwise a commit landing mid-round reaches the output-cache evictor before the route
            // tree, and a page rendered from the old tree in between would be stored after its eviction.
            var upTo = await store.LastIdAsync(cancellationToken);
            foreach (var consumer in all)
            {
                if (consumer.Scope == ConsumerScope.Durable && !durable)
                {
                    continue;
                }

                var reached = await DispatchToAsync(consumer, upTo, cancellationToken);
                if (consumer.Scope == ConsumerScope.Node && reached is { } position && position < upTo)
                {
                    upTo = position;
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<bool> HoldsDurableLeaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await leases.HoldAsync(DurableLease, DurableLeaseDuration, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Node consumers must still follow this node's own commits; the durable ones wait for the next poll.
            LogLeaseCheckFailed(logger, ex);
            return false;
        }
    }

    /// <summary>Hands the consumer the rows after its cursor up to <paramref name="upTo"/>; returns its new position, null when it did not run.</summary>
    private async Task<long?> DispatchToAsync(IContentEventConsumer consumer, long upTo, CancellationToken cancellationToken)
    {
        long cursor;
        if (consumer.Scope == ConsumerScope.Node)
        {
            if (!nodeConsumersStarted)
            {
                return null;
            }

            cursor = nodeCursors[consumer.Name];
        }
        else
        {
            cursor = await store.CursorAsync(consumer.Name, cancellationToken) ?? 0;
        }

        var start = cursor;
        while (cursor < upTo)
        {
            var batch = await store.ReadAfterAsync(cursor, BatchSize, cancellationToken);
            var failed = false;
            foreach (var message in batch.TakeWhile(m => m.Id <= upTo))
            {
                if (OutboxSerializer.FromMessage(message) is { } contentEvent)
                {
                    try
                    {
                        await consumer.HandleAsync(contentEvent, cancellationToken);
                    }
                    catch (ConsumerNotReadyException ex)
                    {
                        LogConsumerNotReady(logger, consumer.Name, message.Id, ex.Message);
                        failed = true;
                        break;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // Stop at the failed event; the poller retries from here, so order is kept.
                        LogConsumerFailed(logger, ex, consumer.Name, message.Id);
                        failed = true;
                        break;
                    }
                }

                cursor = message.Id;
            }

            if (failed || batch.Count < BatchSize)
            {
                break;
            }
        }

        if (cursor == start)
        {
            return cursor;
        }

        if (consumer.Scope == ConsumerScope.Node)
        {
            nodeCursors[consumer.Name] = cursor;
            (consumer as IResumableConsumer)?.Reached(cursor);
        }
        else
        {
            await store.SaveCursorAsync(consumer.Name, cursor, cancellationToken);
        }

        return cursor;
    }

    public void Dispose() => gate.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox consumer {Consumer} failed on message {MessageId}; it will be retried")]
    private static partial void LogConsumerFailed(ILogger logger, Exception exception, string consumer, long messageId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox consumer {Consumer} is not ready for message {MessageId} ({Reason}); it will be offered again")]
    private static partial void LogConsumerNotReady(ILogger logger, string consumer, long messageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the durable-outbox lease failed; durable consumers wait for the next poll")]
    private static partial void LogLeaseCheckFailed(ILogger logger, Exception exception);
}
