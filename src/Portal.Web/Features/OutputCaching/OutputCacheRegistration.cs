using Microsoft.AspNetCore.OutputCaching;
using Portal.Infrastructure.Caching;
using Portal.Core.Events;

namespace Portal.Web.Features.OutputCaching;

/// <summary>Options under <c>Portal:OutputCache</c>.</summary>
public sealed class PortalOutputCacheOptions
{
    public const string Section = "Portal:OutputCache";

    /// <summary>How long a stored response lives. Eviction on publish keeps it fresh; the expiry only bounds what an eviction missed.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The prefix of the output-cache keys in Redis. When empty it is <c>portal:output:</c> followed by a digest of the
    /// content database (its connection string, or the data folder of a SQLite node), so two sites on one Redis
    /// (production and staging, or parallel test hosts) never serve each other's pages, while nodes configured with the
    /// same database share one store. Nodes whose strings differ still stay correct: each evicts its own prefix.
    /// </summary>
    public string? RedisInstanceName { get; set; }

    internal string InstanceNameFor(IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(RedisInstanceName))
        {
            return RedisInstanceName;
        }

        return $"portal:output:{SiteDigest.Of(configuration)}:";
    }
}

public static class OutputCacheRegistration
{
    /// <summary>
    /// Output caching of public pages and Delivery API answers: in memory, or in Redis shared by every node when
    /// <c>ConnectionStrings:Redis</c> is set. Call after the content engine is added: the evictor's place among the
    /// outbox consumers (around the route tree) is what keeps stale pages out.
    /// </summary>
    public static IServiceCollection AddPortalOutputCache(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(PortalOutputCacheOptions.Section).Get<PortalOutputCacheOptions>() ?? new PortalOutputCacheOptions();
        var redis = configuration.GetConnectionString("Redis");
        if (!string.IsNullOrWhiteSpace(redis))
        {
            services.AddStackExchangeRedisOutputCache(o =>
            {
                o.Configuration = redis;
                o.InstanceName = options.InstanceNameFor(configuration);
            });
        }

        services.AddOutputCache(o =>
        {
            o.DefaultExpirationTimeSpan = options.Duration;
            o.AddPolicy(OutputCachePolicies.Pages, PortalOutputCachePolicy.Pages);
            o.AddPolicy(OutputCachePolicies.DeliveryApi, PortalOutputCachePolicy.DeliveryApi);
        });

        services.AddSingleton<ContentCacheEviction>();
        services.AddSingleton<OutputCacheEvictionSnapshots>();

        // The dispatcher runs consumers in registration order. The snapshot goes before the first consumer (the route
        // tree), the evictor after every consumer registered so far.
        var first = services.Select((d, i) => (d, i)).FirstOrDefault(p => p.d.ServiceType == typeof(IContentEventConsumer));
        if (first.d is null)
        {
            throw new InvalidOperationException("AddPortalOutputCache must follow AddPortalContentEngine: it orders itself around the route tree.");
        }

        services.Insert(first.i, ServiceDescriptor.Singleton<IContentEventConsumer>(sp =>
            new OutputCacheEvictionSnapshot(sp.GetRequiredService<ContentCacheEviction>(), sp.GetRequiredService<OutputCacheEvictionSnapshots>())));
        services.AddSingleton<IContentEventConsumer>(sp => new OutputCacheEvictor(sp.GetRequiredService<ContentCacheEviction>(),
            sp.GetRequiredService<IOutputCacheStore>(), sp.GetRequiredService<OutputCacheEvictionSnapshots>()));
        return services;
    }

    /// <summary>After routing: the middleware reads the endpoint's policy from its metadata.</summary>
    public static WebApplication UsePortalOutputCache(this WebApplication app)
    {
        app.UseOutputCache();
        return app;
    }
}
