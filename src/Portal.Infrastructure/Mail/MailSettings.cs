namespace Portal.Infrastructure.Mail;

/// <summary><c>Portal:Mail</c>: the sender, and either an SMTP server or the pickup folder.</summary>
public sealed class MailSettings
{
    public const string Section = "Portal:Mail";
    public const string DefaultFromName = "Cổng CCHC tỉnh Kon Tum";

    public string From { get; set; } = "no-reply@cchc.kontum.gov.vn";

    public string FromName { get; set; } = DefaultFromName;

    /// <summary>
    /// Where messages are written when no SMTP server is set, and where SMTP keeps what it could not send (<c>unsent/</c>).
    /// The host resolves it under its data directory (<c>{DataDirectory}/mail</c> by default).
    /// </summary>
    public string PickupDirectory { get; set; } = string.Empty;

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>SMTP is used only when a host is given; otherwise mail goes to the pickup folder, so nothing is lost on a fresh clone.</summary>
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>The pickup folder, made absolute against the data directory; empty means <c>mail</c> there.</summary>
    public static string ResolvePickupDirectory(string configured, string dataDirectory) =>
        Path.GetFullPath(Path.Combine(dataDirectory, string.IsNullOrWhiteSpace(configured) ? "mail" : configured));

    public sealed class SmtpSettings
    {
        public string Host { get; set; } = string.Empty;

        public int Port { get; set; } = 587;

        public string UserName { get; set; } = string.Empty;

        public string Password { get; set; } = string.Empty;

        /// <summary>True: STARTTLS is required. False: plain SMTP, or TLS from the first byte on port 465.</summary>
        public bool UseStartTls { get; set; } = true;

        /// <summary>Per connect, authenticate and send; a server slower than this is treated as down.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
    }
}
