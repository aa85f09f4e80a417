using Portal.Core.Events;

namespace Portal.Data.Tests.TestHost;

/// <summary>A durable consumer that keeps what it was handed; optionally throws the first time it sees one event type.</summary>
internal sealed class RecordingConsumer(string name, Type? failFirstDeliveryOf = null) : IContentEventConsumer
{
    private readonly Lock sync = new();
    private readonly List<ContentEvent> received = [];
    private readonly List<ContentEvent> attempts = [];
    private bool failed;

    public string Name => name;

    public ConsumerScope Scope => ConsumerScope.Durable;

    /// <summary>Events handled without throwing, in delivery order.</summary>
    public IReadOnlyList<ContentEvent> Received
    {
        get
        {
            lock (sync)
            {
                return received.ToList();
            }
        }
    }

    /// <summary>Every call, including the one that threw.</summary>
    public IReadOnlyList<ContentEvent> Attempts
    {
        get
        {
            lock (sync)
            {
                return attempts.ToList();
            }
        }
    }

    public Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            attempts.Add(contentEvent);
            if (!failed && failFirstDeliveryOf is not null && contentEvent.GetType() == failFirstDeliveryOf)
            {
                failed = true;
                throw new InvalidOperationException($"{name}: simulated failure on the first {failFirstDeliveryOf.Name}.");
            }

            received.Add(contentEvent);
        }

        return Task.CompletedTask;
    }
}
