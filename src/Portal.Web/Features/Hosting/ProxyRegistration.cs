using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Portal.Web.Features.Hosting;

/// <summary>
/// Behind the province's reverse proxy, links in feeds, sitemaps and canonical tags must use the address the
/// citizen typed (https, public host), which only the proxy knows. Its <c>X-Forwarded-*</c> headers are trusted
/// from loopback and from the addresses listed in <c>Portal:Proxy:KnownProxies</c>, never from anyone else.
/// </summary>
internal static class ProxyRegistration
{
    public const string KnownProxiesKey = "Portal:Proxy:KnownProxies";

    public static IServiceCollection AddPortalProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection(KnownProxiesKey).Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in proxies)
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    options.KnownProxies.Add(address);
                }
                else if (System.Net.IPNetwork.TryParse(proxy, out var network))
                {
                    options.KnownIPNetworks.Add(network);
                }
            }
        });
        return services;
    }
}
