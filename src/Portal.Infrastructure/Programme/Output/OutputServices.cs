using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Programme;

namespace Portal.Infrastructure.Programme.Output;

internal static class OutputServices
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProgrammeOptions>(configuration.GetSection(ProgrammeOptions.SectionName));
        services.AddSingleton<ProgrammeQueries>();
        services.AddSingleton<UnitOutputReporter>();
        services.AddSingleton<OutputReminders>();
        services.AddSingleton<OutputReminderMail>();
        services.AddSingleton<YearlyReporter>();
        services.AddHostedService<OutputReminderService>();
    }
}
