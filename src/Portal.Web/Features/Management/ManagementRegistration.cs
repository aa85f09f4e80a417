using Portal.Web.Features.Access;
using Portal.Web.Features.Management.ApiClients;
using Portal.Web.Features.Management.AuditLog;
using Portal.Web.Features.Management.Documents;
using Portal.Web.Features.Management.Media;
using Portal.Web.Features.Management.Notifications;
using Portal.Web.Features.Management.Procedures;
using Portal.Web.Features.Management.Tokens;
using Portal.Web.Features.Management.Users;

namespace Portal.Web.Features.Management;

internal static class ManagementRegistration
{
    public static IServiceCollection AddManagementApi(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddSingleton<ActorResolver>();
        services.AddAuthentication();
        services.AddManagementTokens();
        services.AddManagementAuthorization();
        services.AddManagementOpenApi();
        services.AddDocumentManagement();

        // Registered after the start-up service (inserted first), so the groups exist when the API users join them.
        services.AddSingleton<ApiClientProvisioning>();
        services.AddHostedService<ApiClientStartup>();
        return services;
    }

    public static WebApplication MapManagementApi(this WebApplication app)
    {
        app.MapManagementTokens();
        var group = app.MapGroup(ManagementApi.BasePath)
            .RequireAuthorization(ManagementApi.Policy)
            .AddEndpointFilter(ManagementAuthorization.RequireActor)
            .WithGroupName(ManagementOpenApi.DocumentName);
        group.MapDocumentEndpoints();
        group.MapUserEndpoints();
        group.MapAuditLogEndpoints();
        group.MapNotificationEndpoints();
        group.MapMediaEndpoints();
        group.MapProcedureImportEndpoints();
        return app;
    }
}
