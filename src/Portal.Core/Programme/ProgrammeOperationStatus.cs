namespace Portal.Core.Programme;

/// <summary>Expected outcomes of programme-tracking verbs; mapped once to messages (UI) and ProblemDetails (API).</summary>
public enum ProgrammeOperationStatus
{
    Success = 0,
    NotAllowed,
    CourseNotFound,
    UnitNotFound,
    UnitLevelUnknown,
    LevelNotInvited,
    QuotaFull,
    NameRequired,
    TextTooLong,
    DuplicateParticipant,
    CourseEnded,
    RegistrationNotFound,
    YearOutOfRange,
    ScoreOutOfRange,
    RankOutOfRange,
    DuplicateResult,
    ResultNotFound,
    Stale,
}

public static class ProgrammeOperationMessages
{
    public static string ToVietnamese(this ProgrammeOperationStatus status) => status switch
    {
        ProgrammeOperationStatus.Success => "Đã lưu.",
        ProgrammeOperationStatus.NotAllowed => "Bạn không có quyền thực hiện thao tác này cho đơn vị đã chọn.",
        ProgrammeOperationStatus.CourseNotFound => "Không tìm thấy lớp tập huấn.",
        ProgrammeOperationStatus.UnitNotFound => "Không tìm thấy đơn vị.",
        ProgrammeOperationStatus.UnitLevelUnknown => "Đơn vị chưa được xác định cấp (sở, ban, ngành; huyện; xã): hãy chọn «Loại đơn vị» trên trang đơn vị.",
        ProgrammeOperationStatus.LevelNotInvited => "Lớp tập huấn này không dành cho đơn vị cấp này.",
        ProgrammeOperationStatus.QuotaFull => "Đơn vị đã đăng ký đủ số học viên được phân bổ cho lớp này; không thể đăng ký thêm.",
        ProgrammeOperationStatus.NameRequired => "Vui lòng nhập họ và tên học viên.",
        ProgrammeOperationStatus.TextTooLong => "Nội dung nhập quá dài.",
        ProgrammeOperationStatus.DuplicateParticipant => "Học viên này đã được đơn vị đăng ký vào lớp.",
        ProgrammeOperationStatus.CourseEnded => "Lớp tập huấn đã kết thúc; không thể thay đổi danh sách học viên.",
        ProgrammeOperationStatus.RegistrationNotFound => "Không tìm thấy đăng ký này (có thể đã được hủy).",
        ProgrammeOperationStatus.YearOutOfRange => "Năm không hợp lệ.",
        ProgrammeOperationStatus.ScoreOutOfRange => "Điểm phải từ 0 đến điểm tối đa, và điểm tối đa phải lớn hơn 0.",
        ProgrammeOperationStatus.RankOutOfRange => "Thứ hạng phải từ 1 đến tổng số được xếp hạng.",
        ProgrammeOperationStatus.DuplicateResult => "Đã có kết quả của chỉ số này cho năm và phạm vi đã chọn; hãy sửa kết quả đó.",
        ProgrammeOperationStatus.ResultNotFound => "Không tìm thấy kết quả chỉ số.",
        ProgrammeOperationStatus.Stale => "Dữ liệu đã được người khác thay đổi; hãy tải lại trang và thử lại.",
        _ => status.ToString(),
    };
}
