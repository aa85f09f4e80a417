namespace Portal.Core.Forum;

/// <summary>Expected outcomes of forum verbs. Hosts map these once to messages and ProblemDetails.</summary>
public enum ForumOperationStatus
{
    Success = 0,
    NotFound,
    Forbidden,
    ValidationFailed,
    NotConfirmed,
    WrongStatus,
    ReasonRequired,
    UnitRequired,
    AnswerNotFound,
    AnswerNotEditable,
    AnswerNotPending,
    ReopenWindowPassed,
    AlreadyReported,
    Conflict,
}

public static class ForumOperationStatusMessages
{
    public static string ToVietnamese(this ForumOperationStatus status) => status switch
    {
        ForumOperationStatus.Success => "Thao tác thành công.",
        ForumOperationStatus.NotFound => "Không tìm thấy câu hỏi.",
        ForumOperationStatus.Forbidden => "Bạn không có quyền thực hiện thao tác này với câu hỏi này.",
        ForumOperationStatus.ValidationFailed => "Thông tin chưa hợp lệ, vui lòng kiểm tra lại.",
        ForumOperationStatus.NotConfirmed => "Người hỏi chưa xác nhận địa chỉ e-mail.",
        ForumOperationStatus.WrongStatus => "Câu hỏi đang ở trạng thái không cho phép thao tác này.",
        ForumOperationStatus.ReasonRequired => "Vui lòng ghi rõ lý do.",
        ForumOperationStatus.UnitRequired => "Vui lòng chọn đơn vị hoặc ghi tên cơ quan nhận.",
        ForumOperationStatus.AnswerNotFound => "Không tìm thấy câu trả lời.",
        ForumOperationStatus.AnswerNotEditable => "Câu trả lời đang chờ duyệt hoặc đã công bố nên không sửa được.",
        ForumOperationStatus.AnswerNotPending => "Câu trả lời không ở trạng thái chờ duyệt.",
        ForumOperationStatus.ReopenWindowPassed => "Đã quá thời hạn mở lại câu hỏi.",
        ForumOperationStatus.AlreadyReported => "Bạn đã báo cáo nội dung này.",
        ForumOperationStatus.Conflict => "Câu hỏi vừa được người khác thay đổi; vui lòng tải lại trang.",
        _ => status.ToString(),
    };
}

/// <summary>A verb's outcome; <see cref="Errors"/> holds field messages when validation failed.</summary>
public sealed record ForumOperationResult(ForumOperationStatus Status, IReadOnlyDictionary<string, string>? Errors = null)
{
    public static readonly ForumOperationResult Ok = new(ForumOperationStatus.Success);

    public bool Succeeded => Status == ForumOperationStatus.Success;

    public static implicit operator ForumOperationResult(ForumOperationStatus status) =>
        status == ForumOperationStatus.Success ? Ok : new ForumOperationResult(status);

    public static ForumOperationResult Invalid(IReadOnlyDictionary<string, string> errors) => new(ForumOperationStatus.ValidationFailed, errors);
}
