using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Events;
using Portal.Data.Leases;
using Portal.Data.Webhooks;
using Portal.Infrastructure.Leases;

namespace Portal.Infrastructure.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Webhooks (queue, firing job, log cleanup) and the database leases that keep cluster-wide jobs on one node
    /// (the outbox dispatcher and the scheduler use them too).
    /// </summary>
    public static IServiceCollection AddPortalWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<INodeIdentity>(NodeIdentity.Current);
        services.TryAddSingleton<LeaseStore>();
        services.TryAddSingleton<NodeLeases>();

        services.AddOptions<WebhookSettings>().Bind(configuration.GetSection(WebhookSettings.Section));
        // Binding the whole Portal section picks out its Webhooks array and ignores the other keys.
        services.AddOptions<PortalWebhookOptions>().Bind(configuration.GetSection("Portal"));
        services.AddOptions<WebhookFiringOptions>();
        services.AddHttpClient(WebhookSender.HttpClientName, client => client.Timeout = WebhookSender.RequestTimeout);

        services.AddSingleton<WebhookDefinitionStore>();
        services.AddSingleton<WebhookRegistry>();
        services.AddSingleton<WebhookDeliveryStore>();
        services.AddSingleton<WebhookPayloads>();
        services.AddSingleton<WebhookEnqueuer>();
        services.AddSingleton<IContentEventConsumer>(sp => sp.GetRequiredService<WebhookEnqueuer>());
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookFiringJob>();
        services.AddSingleton<WebhookFiring>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookFiring>());
        return services;
    }
}
