namespace Portal.Infrastructure.Mail;

/// <summary>
/// Hands a message over for delivery: to the SMTP server when one is configured, otherwise to the pickup folder.
/// Returning means the message is in Portal's keeping (queued or written), not that it reached the mailbox.
/// </summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>One message; callers never touch MimeKit. <paramref name="HtmlBody"/> is the optional alternative to the plain text.</summary>
public sealed record OutgoingMail(IReadOnlyList<MailRecipient> To, string Subject, string TextBody, string? HtmlBody = null);

public sealed record MailRecipient(string Address, string? DisplayName = null);
