namespace Portal.Infrastructure.Outbox;

/// <summary>
/// Thrown by a consumer that cannot handle an event yet because state it reads lags behind the outbox (the route tree
/// before start-up has loaded it). The dispatcher stops at the event, as on a failure, and offers it again at the next
/// dispatch, but logs it quietly: it is expected, not a fault. The consumer contract has no result, hence an exception.
/// </summary>
public sealed class ConsumerNotReadyException : Exception
{
    public ConsumerNotReadyException()
    {
    }

    public ConsumerNotReadyException(string message)
        : base(message)
    {
    }

    public ConsumerNotReadyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
