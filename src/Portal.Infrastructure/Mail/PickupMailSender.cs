using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Mail;

/// <summary>
/// The default without an SMTP server: each message becomes an .eml file in the pickup folder, so on a fresh clone or
/// a closed network no mail is lost and every one can be opened and checked.
/// </summary>
public sealed class PickupMailSender(IOptions<MailSettings> settings, TimeProvider clock) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await MailFolder.WriteAsync(settings.Value.PickupDirectory, MailFolder.Build(mail, settings.Value, now), now, cancellationToken);
    }
}
