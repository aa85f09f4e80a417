namespace Portal.Core.Events;

public enum ConsumerScope
{
    /// <summary>State held in this process (route tree, memory caches): rebuilt from the database at start, then follows new events.</summary>
    Node = 0,

    /// <summary>Effects outside the process (an index on disk, a webhook): the cursor is stored, so no event is ever skipped, even after a crash.</summary>
    Durable = 1,
}

/// <summary>Receives committed content events in outbox order. Handlers must be idempotent: after a crash an event may come twice.</summary>
public interface IContentEventConsumer
{
    string Name { get; }

    ConsumerScope Scope { get; }

    Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken);
}
