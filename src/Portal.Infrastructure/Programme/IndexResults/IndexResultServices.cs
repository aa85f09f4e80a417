using Microsoft.Extensions.DependencyInjection;

namespace Portal.Infrastructure.Programme.IndexResults;

internal static class IndexResultServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<IndexResultBook>();
        services.AddSingleton<IndexResultDemoSeeder>();
    }
}
