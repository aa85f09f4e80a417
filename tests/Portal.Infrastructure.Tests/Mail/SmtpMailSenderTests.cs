using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Portal.Infrastructure.Mail;

namespace Portal.Infrastructure.Tests.Mail;

/// <summary>SMTP delivery against a minimal SMTP server on loopback (the e-mail fake), and what happens when there is none.</summary>
public sealed class SmtpMailSenderTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly string folder = Directory.CreateTempSubdirectory("portal-smtp-").FullName;

    [Fact]
    public async Task Send_ServerUp_ServerReceivesTheVietnameseMessageForEachRecipient()
    {
        using var server = new SmtpReceiver();
        using var sender = Sender(server.Port);
        await sender.StartAsync(CancellationToken.None);

        await sender.SendAsync(new OutgoingMail(
            [new MailRecipient("lanhdao.sonoivu@kontum.gov.vn", "Trần Thị Bình"), new MailRecipient("pho.sonoivu@kontum.gov.vn")],
            "Bài bị trả lại: Kết quả giải quyết hồ sơ quý I", "Lý do: số liệu chưa khớp."), CancellationToken.None);

        var received = await server.Received.Task.WaitAsync(Deadline);
        await sender.StopAsync(CancellationToken.None);
        Assert.Equal(["lanhdao.sonoivu@kontum.gov.vn", "pho.sonoivu@kontum.gov.vn"], received.Recipients);
        Assert.Equal("Bài bị trả lại: Kết quả giải quyết hồ sơ quý I", received.Message.Subject);
        Assert.Contains("Lý do: số liệu chưa khớp.", received.Message.TextBody, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "unsent")));
    }

    [Fact]
    public async Task Send_NoServerListening_MessageKeptInUnsentFolder()
    {
        int closedPort;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var sender = Sender(closedPort);
        await sender.StartAsync(CancellationToken.None);

        await sender.SendAsync(new OutgoingMail([new MailRecipient("bientap.sonoivu@kontum.gov.vn")], "Bài chờ duyệt: Tin tập huấn", "Nội dung."),
            CancellationToken.None);

        var unsent = Path.Combine(folder, "unsent");
        var file = await UntilAsync(() => Directory.Exists(unsent) ? Directory.GetFiles(unsent, "*.eml").SingleOrDefault() : null);
        await sender.StopAsync(CancellationToken.None);
        Assert.True(file is not null, "the message was neither sent nor kept in unsent/");
        using var kept = await MimeMessage.LoadAsync(file);
        Assert.Equal("Bài chờ duyệt: Tin tập huấn", kept.Subject);
    }

    private SmtpMailSender Sender(int port) => new(
        Options.Create(new MailSettings
        {
            PickupDirectory = folder,
            Smtp = new MailSettings.SmtpSettings { Host = "127.0.0.1", Port = port, UseStartTls = false, Timeout = TimeSpan.FromSeconds(10) },
        }),
        TimeProvider.System,
        NullLogger<SmtpMailSender>.Instance);

    private static async Task<string?> UntilAsync(Func<string?> probe)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (!deadline.IsCancellationRequested)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(50, CancellationToken.None);
        }

        return probe();
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private sealed record Delivery(IReadOnlyList<string> Recipients, MimeMessage Message);

    /// <summary>Just enough of RFC 5321 for one client: greets, accepts every command, and keeps the first message.</summary>
    private sealed class SmtpReceiver : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stopping = new();

        public SmtpReceiver()
        {
            listener.Start();
            _ = Task.Run(() => ServeAsync(stopping.Token));
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public TaskCompletionSource<Delivery> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private async Task ServeAsync(CancellationToken cancellationToken)
        {
            try
            {
                using var connection = await listener.AcceptTcpClientAsync(cancellationToken);
                await using var stream = connection.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 localhost ESMTP");
                var recipients = new List<string>();
                Delivery? delivered = null;
                while (await reader.ReadLineAsync(cancellationToken) is { } line)
                {
                    var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                    switch (command)
                    {
                        case "EHLO" or "HELO":
                            await writer.WriteLineAsync("250 localhost");
                            break;
                        case "RCPT":
                            recipients.Add(line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)]);
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync(cancellationToken) is { } dataLine && dataLine != ".")
                            {
                                data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                            }

                            using (var content = new MemoryStream(Encoding.ASCII.GetBytes(data.ToString())))
                            {
                                delivered = new Delivery(recipients.ToList(), await MimeMessage.LoadAsync(content, cancellationToken));
                            }

                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "QUIT":
                            // Reported only when the client ends its session: before that, it has not yet taken the 250
                            // as a delivery, and stopping it then would rightly keep the message as unsent.
                            await writer.WriteLineAsync("221 Bye");
                            if (delivered is not null)
                            {
                                Received.TrySetResult(delivered);
                            }

                            return;
                        default:
                            await writer.WriteLineAsync("250 OK");
                            break;
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
            {
                Received.TrySetException(ex);
            }
        }

        public void Dispose()
        {
            stopping.Cancel();
            listener.Stop();
            stopping.Dispose();
        }
    }
}
