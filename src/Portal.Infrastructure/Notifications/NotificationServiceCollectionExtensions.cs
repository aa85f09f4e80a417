using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Events;
using Portal.Data.Notifications;
using Portal.Infrastructure.Mail;

namespace Portal.Infrastructure.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>Mail, and the approval notifier that writes in-app notifications and e-mails from the outbox.</summary>
    public static IServiceCollection AddPortalNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPortalMail(configuration);
        services.AddSingleton(new BackofficeLinks(configuration[BackofficeLinks.ApplicationUrlKey]));
        services.AddSingleton<NotificationStore>();
        services.AddSingleton<ApprovalQueries>();
        services.AddSingleton<ApprovalNotifier>();
        services.AddSingleton<IContentEventConsumer>(sp => sp.GetRequiredService<ApprovalNotifier>());
        return services;
    }
}
