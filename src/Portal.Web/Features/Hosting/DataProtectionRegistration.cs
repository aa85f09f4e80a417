using Microsoft.AspNetCore.DataProtection;
using Portal.Infrastructure.Caching;
using StackExchange.Redis;

namespace Portal.Web.Features.Hosting;

internal static class DataProtectionRegistration
{
    /// <summary>
    /// The key ring that protects sign-in cookies, anti-forgery tokens and Management API tokens. It survives restarts
    /// in the data directory; with Redis it lives there instead, so every node reads what another node sealed (a token
    /// issued by one node works on all, a form rendered by one posts to another).
    /// </summary>
    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration, PortalPaths paths)
    {
        var protection = services.AddDataProtection().SetApplicationName("Portal");
        if (configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            var options = ConfigurationOptions.Parse(redis);
            options.AbortOnConnectFail = false;
            var connection = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));
            protection.PersistKeysToStackExchangeRedis(() => connection.Value.GetDatabase(), $"portal:dataprotection:{SiteDigest.Of(configuration)}");
        }
        else
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(paths.DataDirectory, "keys")));
        }

        return services;
    }
}
