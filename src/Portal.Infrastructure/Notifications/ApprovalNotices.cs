using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Portal.Core.Text;
using Portal.Data.Notifications;
using Portal.Infrastructure.Mail;

namespace Portal.Infrastructure.Notifications;

/// <summary>
/// The Vietnamese text of one notice, rendered once for the notification list and once as an e-mail to each recipient.
/// Its lines name the moment of the action, which is what lets a replayed event be recognised (see <see cref="ApprovalNotifier"/>).
/// </summary>
internal sealed record ApprovalNotice(Guid DocumentKey, string Title, IReadOnlyList<string> Lines, string Link)
{
    private const int TitleMax = 300;
    private const int BodyMax = 4000;

    public static ApprovalNotice SentForApproval(ApprovalSubject subject, string sender, DateTime? at, string? note, string link) =>
        new(subject.DocumentKey, $"Bài chờ duyệt: {subject.Name}",
        [
            $"{sender} đã gửi bài «{subject.Name}» để duyệt{When(at)}.",
            .. note is null ? Array.Empty<string>() : [$"Lời nhắn: {note}"],
        ], link);

    public static ApprovalNotice Rejected(ApprovalSubject subject, string rejecter, DateTime? at, string reason, string link) =>
        new(subject.DocumentKey, $"Bài bị trả lại: {subject.Name}",
        [
            $"{rejecter} đã trả lại bài «{subject.Name}»{When(at)}.",
            $"Lý do: {reason}",
            "Bài đã trở về bản nháp: sửa theo góp ý rồi gửi duyệt lại.",
        ], link);

    public static ApprovalNotice ForcePublished(ApprovalSubject subject, string publisher, DateTime? at, string reason, string link) =>
        new(subject.DocumentKey, $"Cần xem xét lại: bài được xuất bản không qua duyệt – {subject.Name}",
        [
            $"{publisher} đã xuất bản bài «{subject.Name}» không qua duyệt{When(at)}.",
            $"Lý do: {reason}",
            "Mời anh/chị xem lại bài và xác nhận đã xem xét trong trang quản trị.",
        ], link);

    public string ShortTitle => Cut(Title, TitleMax);

    /// <summary>The notification's body: the lines and the link to the page in the backoffice.</summary>
    public string Body => Cut(string.Join('\n', [.. Lines, $"Mở bài: {Link}"]), BodyMax);

    public OutgoingMail ToMail(Recipient recipient)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Kính gửi {recipient.Greeting},\n\n")
            .AppendJoin('\n', Lines)
            .Append(CultureInfo.InvariantCulture, $"\n\nMở bài trong trang quản trị: {Link}\n\n")
            .Append(Footer)
            .ToString();

        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<p>Kính gửi {Encode(recipient.Greeting)},</p>\n")
            .AppendJoin('\n', Lines.Select(l => $"<p>{Encode(l)}</p>"))
            .Append(CultureInfo.InvariantCulture, $"\n<p><a href=\"{Encode(Link)}\">Mở bài trong trang quản trị</a></p>\n")
            .Append(CultureInfo.InvariantCulture, $"<p style=\"color:#555\">{Encode(Footer).Replace("\n", "<br>", StringComparison.Ordinal)}</p>")
            .ToString();

        return new OutgoingMail([new MailRecipient(recipient.Email!, recipient.Greeting)], ShortTitle, text, html);
    }

    private const string Footer = "Cổng thông tin cải cách hành chính tỉnh Kon Tum\nThư gửi tự động, xin đừng trả lời thư này.";

    private static string When(DateTime? at) =>
        at is { } utc ? " lúc " + VietnamTime.FromUtc(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : string.Empty;

    // Letters stay letters: the default encoders would write half the Vietnamese alphabet as numeric entities.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string text) => Html.Encode(text);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
