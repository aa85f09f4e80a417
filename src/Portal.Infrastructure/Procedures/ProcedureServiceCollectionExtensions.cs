using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Events;

namespace Portal.Infrastructure.Procedures;

public static class ProcedureServiceCollectionExtensions
{
    /// <summary>
    /// The procedure catalog and finder. Call after the route tree is registered: consumers run in registration order,
    /// and the catalog reads the tree to know which procedures are reachable.
    /// </summary>
    public static IServiceCollection AddProcedureCatalog(this IServiceCollection services)
    {
        services.AddSingleton<ProcedureCatalog>();
        services.AddSingleton<IContentEventConsumer>(sp => sp.GetRequiredService<ProcedureCatalog>());
        services.AddSingleton<ProcedureFinder>();
        return services;
    }
}
