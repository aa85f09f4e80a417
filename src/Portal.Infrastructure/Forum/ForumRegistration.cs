using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Forum;
using Portal.Data.Forum;

namespace Portal.Infrastructure.Forum;

public static class ForumRegistration
{
    public const string Section = "Portal:Forum";

    public static IServiceCollection AddForum(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForumPolicy>(configuration.GetSection(Section));
        services.AddSingleton<ForumQueries>();
        services.AddSingleton<ForumStore>();
        services.AddSingleton<ForumUnits>();
        services.AddSingleton<ForumMail>();
        services.AddSingleton<ForumAsking>();
        services.AddSingleton<ForumModeration>();
        services.AddSingleton<ForumAnswering>();
        services.AddSingleton<ForumHousekeeping>();
        services.AddSingleton<ForumDemoSeeder>();
        services.AddHostedService<ForumHousekeepingService>();
        return services;
    }
}
