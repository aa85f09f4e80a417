using MimeKit;

namespace Portal.Infrastructure.Mail;

/// <summary>Builds the MIME message and writes messages as .eml files, the format every mail client and MimeKit open.</summary>
internal static class MailFolder
{
    public static MimeMessage Build(OutgoingMail mail, MailSettings settings, DateTimeOffset now)
    {
        if (mail.To.Count == 0)
        {
            throw new ArgumentException("A message needs at least one recipient.", nameof(mail));
        }

        var message = new MimeMessage { Subject = mail.Subject, Date = now };
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        foreach (var recipient in mail.To)
        {
            message.To.Add(new MailboxAddress(recipient.DisplayName ?? string.Empty, recipient.Address));
        }

        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();

        // UTF-8 throughout, and 7-bit on the wire (RFC 2047 headers, quoted-printable or base64 bodies): whatever relay
        // or pickup service forwards the file, it cannot garble the Vietnamese.
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    /// <summary>Writes under a temporary name and renames, so whoever watches the folder never opens half a message.</summary>
    public static async Task<string> WriteAsync(string folder, MimeMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            throw new InvalidOperationException("Portal:Mail:PickupDirectory is not resolved; the host sets it under its data directory.");
        }

        Directory.CreateDirectory(folder);
        var name = $"{now.UtcDateTime:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}";
        var temporary = Path.Combine(folder, name + ".tmp");
        var final = Path.Combine(folder, name + ".eml");
        await using (var stream = File.Create(temporary))
        {
            await message.WriteToAsync(stream, cancellationToken);
        }

        File.Move(temporary, final);
        return final;
    }
}
