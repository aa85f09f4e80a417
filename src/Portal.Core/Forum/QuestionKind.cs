namespace Portal.Core.Forum;

/// <summary>What a citizen sends: a question about a procedure or rule, or feedback on an administrative regulation (NĐ 20/2008/NĐ-CP).</summary>
public enum QuestionKind
{
    Inquiry = 1,
    Feedback = 2,
}

/// <summary>Where a question stands. Only <see cref="QuestionStatusRules.IsPublic"/> statuses are shown to everyone.</summary>
public enum QuestionStatus
{
    /// <summary>Sent; waits for the asker's e-mail confirmation (when an e-mail was given) and then for a moderator.</summary>
    Submitted = 0,
    Rejected = 1,
    Published = 2,
    Assigned = 3,
    Answered = 4,
    Closed = 5,

    /// <summary>Sent on to an agency outside the portal, with the reason.</summary>
    Transferred = 6,

    /// <summary>The asker said the answer did not resolve it; the unit answers again.</summary>
    Reopened = 7,
}

public static class QuestionStatusRules
{
    public static bool IsPublic(this QuestionStatus status) => status is not (QuestionStatus.Submitted or QuestionStatus.Rejected);

    /// <summary>The assigned unit owes an answer.</summary>
    public static bool AwaitsAnswer(this QuestionStatus status) => status is QuestionStatus.Assigned or QuestionStatus.Reopened;

    public static string ToVietnamese(this QuestionStatus status) => status switch
    {
        QuestionStatus.Submitted => "Chờ kiểm duyệt",
        QuestionStatus.Rejected => "Không đăng",
        QuestionStatus.Published => "Đã đăng, chờ phân công",
        QuestionStatus.Assigned => "Đang xử lý",
        QuestionStatus.Answered => "Đã trả lời",
        QuestionStatus.Closed => "Đã đóng",
        QuestionStatus.Transferred => "Đã chuyển cơ quan khác",
        QuestionStatus.Reopened => "Mở lại, chờ trả lời",
        _ => status.ToString(),
    };

    public static string ToVietnamese(this QuestionKind kind) => kind switch
    {
        QuestionKind.Inquiry => "Hỏi đáp",
        QuestionKind.Feedback => "Phản ánh, kiến nghị",
        _ => kind.ToString(),
    };

    /// <summary>The public URL word of a status or kind, for filters in the query string.</summary>
    public static string Slug(this QuestionStatus status) => status switch
    {
        QuestionStatus.Published => "da-dang",
        QuestionStatus.Assigned => "dang-xu-ly",
        QuestionStatus.Answered => "da-tra-loi",
        QuestionStatus.Closed => "da-dong",
        QuestionStatus.Transferred => "da-chuyen",
        QuestionStatus.Reopened => "mo-lai",
        QuestionStatus.Rejected => "khong-dang",
        _ => "cho-kiem-duyet",
    };

    public static string Slug(this QuestionKind kind) => kind == QuestionKind.Feedback ? "phan-anh-kien-nghi" : "hoi-dap";

    public static QuestionStatus? StatusFromSlug(string? slug) =>
        Enum.GetValues<QuestionStatus>().Cast<QuestionStatus?>().FirstOrDefault(s => s!.Value.Slug() == slug);

    public static QuestionKind? KindFromSlug(string? slug) =>
        Enum.GetValues<QuestionKind>().Cast<QuestionKind?>().FirstOrDefault(k => k!.Value.Slug() == slug);
}
