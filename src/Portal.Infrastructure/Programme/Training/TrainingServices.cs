using Microsoft.Extensions.DependencyInjection;

namespace Portal.Infrastructure.Programme.Training;

internal static class TrainingServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<TrainingDesk>();
    }
}
