namespace Portal.Data.Outbox;

/// <summary>Told after every commit that wrote outbox rows, so consumers see the change before the request returns.</summary>
public interface IOutboxSignal
{
    Task CommittedAsync(CancellationToken cancellationToken);
}
