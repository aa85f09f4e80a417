using System.Threading.Channels;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Portal.Infrastructure.Mail;

/// <summary>
/// Sends through the configured SMTP server from a queue in the background. Callers run inside the outbox dispatch
/// round, which also keeps this node's caches current, so they must not wait on a slow or unreachable server.
/// A message the server refuses or cannot take is written to <c>{pickup}/unsent/</c> as .eml: not retried, but not
/// lost either; an operator can resend it from there. Messages still queued at shutdown go there too.
/// </summary>
public sealed partial class SmtpMailSender(IOptions<MailSettings> settings, TimeProvider clock, ILogger<SmtpMailSender> logger)
    : BackgroundService, IMailSender
{
    private readonly Channel<MimeMessage> queue = Channel.CreateUnbounded<MimeMessage>(new UnboundedChannelOptions { SingleReader = true });

    private string UnsentFolder => Path.Combine(settings.Value.PickupDirectory, "unsent");

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var message = MailFolder.Build(mail, settings.Value, clock.GetUtcNow());
        if (!queue.Writer.TryWrite(message))
        {
            // The host is stopping and the queue is closed.
            await KeepUnsentAsync([message], "stopping", CancellationToken.None);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<MimeMessage>();
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (queue.Reader.TryRead(out var message))
                {
                    batch.Add(message);
                }

                await DeliverAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            queue.Writer.TryComplete();
            while (queue.Reader.TryRead(out var message))
            {
                batch.Add(message);
            }

            await KeepUnsentAsync(batch, "stopping", CancellationToken.None);
        }
    }

    /// <summary>One connection for everything queued so far; <paramref name="batch"/> is emptied as messages are sent or set aside.</summary>
    private async Task DeliverAsync(List<MimeMessage> batch, CancellationToken cancellationToken)
    {
        var smtp = settings.Value.Smtp;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            var security = smtp.UseStartTls ? SecureSocketOptions.StartTls : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None;
            await client.ConnectAsync(smtp.Host, smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogServerUnavailable(logger, ex, smtp.Host, smtp.Port, batch.Count, UnsentFolder);
            await KeepUnsentAsync(batch, ex.GetType().Name, cancellationToken);
            return;
        }

        while (batch.Count > 0)
        {
            var message = batch[0];
            try
            {
                await client.SendAsync(message, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogMessageRefused(logger, ex, message.Subject ?? string.Empty, UnsentFolder);
                await KeepUnsentAsync([message], ex.GetType().Name, cancellationToken);
                if (!client.IsConnected)
                {
                    batch.RemoveAt(0);
                    await KeepUnsentAsync(batch, "disconnected", cancellationToken);
                    return;
                }
            }

            batch.RemoveAt(0);
        }

        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Everything was accepted already; a failed QUIT loses nothing.
            LogDisconnectFailed(logger, ex);
        }
    }

    /// <summary>Writes the messages to the unsent folder and empties the list; a failure here is logged, as nothing else can hold them.</summary>
    private async Task KeepUnsentAsync(List<MimeMessage> messages, string reason, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            try
            {
                await MailFolder.WriteAsync(UnsentFolder, message, clock.GetUtcNow(), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogMessageLost(logger, ex, message.Subject ?? string.Empty, reason);
            }
        }

        messages.Clear();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP server {Host}:{Port} unavailable; {Count} message(s) kept in {Folder}")]
    private static partial void LogServerUnavailable(ILogger logger, Exception exception, string host, int port, int count, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP server refused the message \"{Subject}\"; kept in {Folder}")]
    private static partial void LogMessageRefused(ILogger logger, Exception exception, string subject, string folder);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing the SMTP connection failed after every message was accepted")]
    private static partial void LogDisconnectFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The message \"{Subject}\" could not be sent ({Reason}) nor kept in the unsent folder; it is lost")]
    private static partial void LogMessageLost(ILogger logger, Exception exception, string subject, string reason);
}
