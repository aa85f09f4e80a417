using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Data.Outbox;
using Portal.Infrastructure.Caching;
using StackExchange.Redis;

namespace Portal.Infrastructure.Outbox;

/// <summary>
/// After a commit, this node applies its own events at once; with Redis configured it also tells the other
/// nodes, which then read the outbox immediately instead of at their next poll. The message carries nothing but
/// "look now": the database stays the only source of events and order, and a lost message costs one poll interval.
/// </summary>
public sealed partial class OutboxChannel(OutboxDispatcher dispatcher, IConfiguration configuration, ILogger<OutboxChannel> logger)
    : IOutboxSignal, IHostedService, IAsyncDisposable
{
    private readonly RedisChannel channel = RedisChannel.Literal($"portal:outbox:{SiteDigest.Of(configuration)}");
    private ConnectionMultiplexer? redis;
    private CancellationTokenSource? stopping;
    private Lazy<Task>? shutdown;

    public async Task CommittedAsync(CancellationToken cancellationToken)
    {
        await dispatcher.DispatchPendingAsync(cancellationToken);
        if (redis is { IsConnected: true } connected)
        {
            try
            {
                await connected.GetSubscriber().PublishAsync(channel, RedisValue.EmptyString);
            }
            catch (RedisException ex)
            {
                LogPublishFailed(logger, ex);
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetConnectionString("Redis") is not { Length: > 0 } connection)
        {
            return;
        }

        stopping = new CancellationTokenSource();
        var options = ConfigurationOptions.Parse(connection);
        options.AbortOnConnectFail = false;
        redis = await ConnectionMultiplexer.ConnectAsync(options);
        await redis.GetSubscriber().SubscribeAsync(channel, (_, _) => _ = DispatchAsync(stopping.Token));
    }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        try
        {
            await dispatcher.DispatchPendingAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The poller retries from the same place.
            LogDispatchFailed(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => ShutDownOnceAsync();

    public async ValueTask DisposeAsync()
    {
        await ShutDownOnceAsync();
        stopping?.Dispose();
        if (redis is not null)
        {
            await redis.DisposeAsync();
        }
    }

    // The generic host may stop a hosted service from two threads (the factory and the host's own run loop), and
    // may dispose it while a stop is still running; every caller awaits the one shutdown before anything is disposed.
    private Task ShutDownOnceAsync()
    {
        var started = new Lazy<Task>(ShutDownAsync);
        return (Interlocked.CompareExchange(ref shutdown, started, null) ?? started).Value;
    }

    private async Task ShutDownAsync()
    {
        if (stopping is not null)
        {
            await stopping.CancelAsync();
        }

        if (redis is not null)
        {
            await redis.GetSubscriber().UnsubscribeAllAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling other nodes about new outbox rows failed; they see them at their next poll")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying outbox rows announced by another node failed; the poller retries")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}
