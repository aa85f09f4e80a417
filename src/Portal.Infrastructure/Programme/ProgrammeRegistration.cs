using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Infrastructure.Programme;

/// <summary>Programme tracking for Sở Nội vụ (plan II.1, II.2.2.c, II.4, III): training, index results, unit output and the yearly report.</summary>
public static class ProgrammeRegistration
{
    public static IServiceCollection AddProgramme(this IServiceCollection services, IConfiguration configuration)
    {
        Training.TrainingServices.Add(services);
        IndexResults.IndexResultServices.Add(services);
        Output.OutputServices.Add(services, configuration);
        return services;
    }
}
