using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.Infrastructure.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="IMailSender"/>: SMTP when <c>Portal:Mail:Smtp:Host</c> is set, otherwise the pickup folder. The host
    /// must resolve <see cref="MailSettings.PickupDirectory"/> (see <see cref="MailSettings.ResolvePickupDirectory"/>).
    /// </summary>
    public static IServiceCollection AddPortalMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<MailSettings>().Bind(configuration.GetSection(MailSettings.Section));

        var smtp = new MailSettings();
        configuration.GetSection(MailSettings.Section).Bind(smtp);
        if (smtp.UsesSmtp)
        {
            services.TryAddSingleton<SmtpMailSender>();
            services.TryAddSingleton<IMailSender>(sp => sp.GetRequiredService<SmtpMailSender>());
            services.AddHostedService(sp => sp.GetRequiredService<SmtpMailSender>());
        }
        else
        {
            services.TryAddSingleton<IMailSender, PickupMailSender>();
        }

        return services;
    }
}
