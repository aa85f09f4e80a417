using Portal.Core.Access;

namespace Portal.Core.Forum;

public enum QuestionAction
{
    Asked = 0,
    Confirmed = 1,
    Published = 2,
    Rejected = 3,
    Redacted = 4,
    Assigned = 5,
    Transferred = 6,
    AnswerDrafted = 7,
    AnswerSubmitted = 8,
    AnswerReturned = 9,
    Answered = 10,
    Reopened = 11,
    Closed = 12,
    Hidden = 13,
    Restored = 14,
    Removed = 15,
    ReminderSent = 16,
    ContactErased = 17,
}

/// <summary>
/// The question's own timeline: append-only, who did what and when. Steps marked <see cref="IsPublic"/> are shown on
/// the public thread (without who did them when that was a citizen); the rest only in the backoffice.
/// </summary>
public sealed class QuestionTimelineEntry
{
    private QuestionTimelineEntry()
    {
        Actor = string.Empty;
    }

    internal QuestionTimelineEntry(QuestionAction action, Actor actor, DateTime at, string? note)
    {
        Action = action;
        Actor = actor.Name;
        ActorKey = actor.UserKey;
        IpAddress = actor.IpAddress;
        At = at;
        Note = note;
    }

    public long Id { get; private set; }
    public long QuestionId { get; private set; }
    public QuestionAction Action { get; private set; }
    public string Actor { get; private set; }
    public Guid? ActorKey { get; private set; }
    public string? IpAddress { get; private set; }
    public DateTime At { get; private set; }
    public string? Note { get; private set; }

    public bool IsPublic => Action.IsPublicStep();

    /// <summary>Erasing personal data also clears the asker's address from their own steps.</summary>
    internal void ForgetAddress() => IpAddress = null;
}

public static class QuestionActionNames
{
    /// <summary>The steps the public thread shows.</summary>
    public static bool IsPublicStep(this QuestionAction action) => action is QuestionAction.Published or QuestionAction.Assigned
        or QuestionAction.Transferred or QuestionAction.Answered or QuestionAction.Reopened or QuestionAction.Closed;

    public static string ToVietnamese(this QuestionAction action) => action switch
    {
        QuestionAction.Asked => "Gửi câu hỏi",
        QuestionAction.Confirmed => "Xác nhận e-mail",
        QuestionAction.Published => "Đăng công khai",
        QuestionAction.Rejected => "Không đăng",
        QuestionAction.Redacted => "Ẩn thông tin cá nhân",
        QuestionAction.Assigned => "Chuyển đơn vị trả lời",
        QuestionAction.Transferred => "Chuyển xử lý",
        QuestionAction.AnswerDrafted => "Soạn câu trả lời",
        QuestionAction.AnswerSubmitted => "Gửi duyệt câu trả lời",
        QuestionAction.AnswerReturned => "Trả lại câu trả lời",
        QuestionAction.Answered => "Công bố câu trả lời",
        QuestionAction.Reopened => "Người hỏi mở lại",
        QuestionAction.Closed => "Đóng câu hỏi",
        QuestionAction.Hidden => "Tạm ẩn do bị báo cáo",
        QuestionAction.Restored => "Hiện lại sau kiểm tra",
        QuestionAction.Removed => "Gỡ bỏ nội dung vi phạm",
        QuestionAction.ReminderSent => "Nhắc hạn trả lời",
        QuestionAction.ContactErased => "Xóa thông tin liên hệ",
        _ => action.ToString(),
    };
}
