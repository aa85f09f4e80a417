using Portal.Core.Access;
using Portal.Core.Forum;
using Portal.Core.Text;
using Portal.Data.Access;
using Portal.Infrastructure.Mail;

namespace Portal.Infrastructure.Forum;

/// <summary>
/// The forum's messages: to the asker (confirmation link, rejection reason, answer published) and to a unit's people
/// (new question, deadline reminders). Only addresses from the question and from backoffice accounts are used.
/// </summary>
public sealed class ForumMail(IMailSender mail, UserGroupStore groups)
{
    private const string Signature = "\n\n--\nCổng thông tin cải cách hành chính tỉnh Kon Tum\nThư này được gửi tự động, vui lòng không trả lời.";

    public Task ConfirmAsync(Question question, string confirmUrl, string trackUrl, CancellationToken cancellationToken) =>
        ToAskerAsync(question, $"Xác nhận câu hỏi {question.TrackingCode}",
            $"Kính gửi {question.AskerName},\n\nCổng đã nhận câu hỏi «{question.Title}».\n" +
            $"Mã theo dõi: {question.TrackingCode}\n\n" +
            $"Vui lòng xác nhận địa chỉ e-mail để câu hỏi được chuyển kiểm duyệt:\n{confirmUrl}\n\n" +
            $"Liên kết có hiệu lực trong 7 ngày. Theo dõi câu hỏi tại {trackUrl} bằng mã theo dõi và e-mail này.", cancellationToken);

    public Task RejectedAsync(Question question, string trackUrl, CancellationToken cancellationToken) =>
        ToAskerAsync(question, $"Câu hỏi {question.TrackingCode} không được đăng",
            $"Kính gửi {question.AskerName},\n\nCâu hỏi «{question.Title}» không được đăng trên diễn đàn.\n" +
            $"Lý do: {question.StatusReason}\n\nXem chi tiết tại {trackUrl} (mã {question.TrackingCode}).", cancellationToken);

    public Task AnsweredAsync(Question question, string threadUrl, string trackUrl, CancellationToken cancellationToken) =>
        ToAskerAsync(question, $"Câu hỏi {question.TrackingCode} đã được trả lời",
            $"Kính gửi {question.AskerName},\n\n{question.AssignedUnitName} đã trả lời câu hỏi «{question.Title}».\n" +
            $"Xem câu trả lời: {threadUrl}\n\n" +
            $"Nếu câu trả lời chưa giải quyết được vướng mắc, trong 30 ngày bạn có thể mở lại câu hỏi tại {trackUrl} " +
            $"bằng mã {question.TrackingCode}.", cancellationToken);

    public Task TransferredAsync(Question question, string trackUrl, CancellationToken cancellationToken) =>
        ToAskerAsync(question, $"Câu hỏi {question.TrackingCode} đã được chuyển xử lý",
            $"Kính gửi {question.AskerName},\n\nCâu hỏi «{question.Title}» đã được chuyển đến {question.TransferredTo ?? question.AssignedUnitName}.\n" +
            $"Lý do: {question.StatusReason}\n\nTheo dõi tại {trackUrl} (mã {question.TrackingCode}).", cancellationToken);

    /// <summary>Tells the people of the assigned unit; <paramref name="approversOnly"/> for an answer waiting for approval.</summary>
    public async Task ToUnitAsync(Question question, string subject, string text, bool approversOnly, CancellationToken cancellationToken)
    {
        if (question.AssignedUnitKey is not { } unit)
        {
            return;
        }

        var unitGroups = (await groups.AllAsync(cancellationToken))
            .Where(g => g.UnitKey == unit && g.AllowsSection(Section.Forum) && (!approversOnly || g.Permissions.HasFlag(Permission.Publish)))
            .Select(g => g.Key).ToList();
        if (unitGroups.Count == 0)
        {
            return;
        }

        var recipients = (await groups.MembersOfAsync(unitGroups, cancellationToken))
            .Where(m => !string.IsNullOrWhiteSpace(m.Email))
            .Select(m => new MailRecipient(m.Email!, m.DisplayName)).ToList();
        if (recipients.Count > 0)
        {
            await mail.SendAsync(new OutgoingMail(recipients, subject, text + Signature), cancellationToken);
        }
    }

    public static string DueText(Question question) =>
        question.DueOn is { } due ? due.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : "không có";

    private async Task ToAskerAsync(Question question, string subject, string text, CancellationToken cancellationToken)
    {
        if (question is { ContactIsEmail: true, Contact: { } address })
        {
            await mail.SendAsync(new OutgoingMail([new MailRecipient(address, question.AskerName)], subject, VietnameseText.Nfc(text + Signature)),
                cancellationToken);
        }
    }
}
