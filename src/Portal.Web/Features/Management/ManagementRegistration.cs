using Portal.Web.Features.Access;
using Portal.Web.Features.Management.AuditLog;
using Portal.Web.Features.Management.Documents;
using Portal.Web.Features.Management.Notifications;
using Portal.Web.Features.Management.Users;

namespace Portal.Web.Features.Management;

internal static class ManagementRegistration
{
    public static IServiceCollection AddManagementApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ActorResolver>();
        services.AddAuthentication();
        services.AddAuthorization();
        // TODO(helper A): OpenIddict server (token endpoint) and validation, the ManagementApi policy, API clients from configuration.
        _ = configuration;
        return services;
    }

    public static WebApplication MapManagementApi(this WebApplication app)
    {
        var group = app.MapGroup(ManagementApi.BasePath).RequireAuthorization(ManagementApi.Policy);
        group.MapDocumentEndpoints();
        group.MapUserEndpoints();
        group.MapAuditLogEndpoints();
        group.MapNotificationEndpoints();
        return app;
    }
}
