using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Portal.Infrastructure.Mail;

namespace Portal.Infrastructure.Tests.Mail;

/// <summary>The default mail without SMTP: each message is an .eml file any mail client opens, Vietnamese intact.</summary>
public sealed class PickupMailSenderTests : IDisposable
{
    private const string Subject = "Bài chờ duyệt: Hướng dẫn thực hiện thủ tục đăng ký hộ kinh doanh tại Đắk Hà";

    private readonly string folder = Directory.CreateTempSubdirectory("portal-pickup-").FullName;

    [Fact]
    public async Task Send_VietnameseMessageToTwoPeople_OneParseableEmlWithBothRecipientsAndSubjectIntact()
    {
        var sender = Sender(new MailSettings { PickupDirectory = folder });

        await sender.SendAsync(new OutgoingMail(
            [new MailRecipient("lanhdao.sonoivu@kontum.gov.vn", "Trần Thị Bình"), new MailRecipient("pho.sonoivu@kontum.gov.vn")],
            Subject,
            "Kính gửi chị Bình,\n\nNguyễn Văn An đã gửi bài để duyệt lúc 02/03/2026 08:05.",
            "<p>Kính gửi chị Bình,</p><p>Nguyễn Văn An đã gửi bài để duyệt.</p>"), CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        using var message = await MimeMessage.LoadAsync(file);
        Assert.Equal(Subject, message.Subject);
        Assert.Equal(["lanhdao.sonoivu@kontum.gov.vn", "pho.sonoivu@kontum.gov.vn"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Trần Thị Bình", message.To.Mailboxes.First().Name);
        var from = Assert.Single(message.From.Mailboxes);
        Assert.Equal(("Cổng CCHC tỉnh Kon Tum", "no-reply@cchc.kontum.gov.vn"), (from.Name, from.Address));
        Assert.Contains("Nguyễn Văn An đã gửi bài để duyệt lúc 02/03/2026 08:05.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>Nguyễn Văn An đã gửi bài để duyệt.</p>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 1, 5, 0, TimeSpan.Zero), message.Date);

        // The file itself is 7-bit, so a relay that is not 8-bit clean cannot garble the Vietnamese on the way.
        Assert.True(Ascii.IsValid(await File.ReadAllBytesAsync(file)), "the .eml is not 7-bit ASCII");
    }

    [Fact]
    public async Task Send_TwoMessages_TwoFilesAndNoHalfWrittenOnes()
    {
        var sender = Sender(new MailSettings { PickupDirectory = folder });
        var mail = new OutgoingMail([new MailRecipient("bientap.sonoivu@kontum.gov.vn")], "Bài bị trả lại: Tin tập huấn", "Lý do: thiếu ảnh.");

        await sender.SendAsync(mail, CancellationToken.None);
        await sender.SendAsync(mail, CancellationToken.None);

        Assert.Equal(2, Directory.GetFiles(folder, "*.eml").Length);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public void ResolvePickupDirectory_NotConfigured_MailUnderTheDataDirectory()
    {
        var data = Path.Combine(folder, "App_Data");

        Assert.Equal(Path.Combine(data, "mail"), MailSettings.ResolvePickupDirectory("", data));
        Assert.Equal(Path.Combine(data, "thu-di"), MailSettings.ResolvePickupDirectory("thu-di", data));
    }

    private static PickupMailSender Sender(MailSettings settings) =>
        new(Options.Create(settings), new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 5, 0, TimeSpan.Zero)));

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
