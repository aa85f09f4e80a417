namespace Portal.Core.Workflow;

/// <summary>Expected outcomes of workflow verbs. Hosts map these once to messages and ProblemDetails.</summary>
public enum ContentOperationStatus
{
    Success = 0,
    NotFound,
    Conflict,
    ValidationFailed,
    ContentTypeNotFound,
    ContentTypeNotAllowedHere,
    ParentNotFound,
    ParentNotPublished,
    ParentTrashed,
    NothingToPublish,
    NotPublished,
    InvalidSchedule,
    NothingToDiscard,
    DraftIsOnlyEdition,
    EditionNotFound,
    CannotRollbackToDraft,
    MoveIntoOwnSubtree,
    UrlSegmentTaken,
    DocumentTrashed,
    NotTrashed,
    SortSetMismatch,
    DuplicateKey,
}

public static class ContentOperationStatusMessages
{
    public static string ToVietnamese(this ContentOperationStatus status) => status switch
    {
        ContentOperationStatus.Success => "Thao tác thành công.",
        ContentOperationStatus.NotFound => "Không tìm thấy trang.",
        ContentOperationStatus.Conflict => "Trang đã được người khác thay đổi sau khi bạn mở. Hãy tải lại để xem phiên bản mới nhất; nội dung của bạn chưa bị ghi đè.",
        ContentOperationStatus.ValidationFailed => "Dữ liệu chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.",
        ContentOperationStatus.ContentTypeNotFound => "Không tìm thấy loại nội dung.",
        ContentOperationStatus.ContentTypeNotAllowedHere => "Loại nội dung này không được phép đặt ở vị trí đã chọn.",
        ContentOperationStatus.ParentNotFound => "Không tìm thấy trang cha.",
        ContentOperationStatus.ParentNotPublished => "Trang cha chưa được xuất bản, nên chưa thể xuất bản trang này.",
        ContentOperationStatus.ParentTrashed => "Trang cha đang ở thùng rác. Hãy khôi phục trang cha trước.",
        ContentOperationStatus.NothingToPublish => "Không có bản nháp nào để xuất bản.",
        ContentOperationStatus.NotPublished => "Trang chưa được xuất bản.",
        ContentOperationStatus.InvalidSchedule => "Lịch không hợp lệ: thời điểm phải ở tương lai và ngày gỡ phải sau ngày xuất bản.",
        ContentOperationStatus.NothingToDiscard => "Không có bản nháp nào để hủy.",
        ContentOperationStatus.DraftIsOnlyEdition => "Đây là phiên bản duy nhất của trang; hãy chuyển trang vào thùng rác thay vì hủy bản nháp.",
        ContentOperationStatus.EditionNotFound => "Không tìm thấy phiên bản.",
        ContentOperationStatus.CannotRollbackToDraft => "Không thể khôi phục từ chính bản nháp đang soạn.",
        ContentOperationStatus.MoveIntoOwnSubtree => "Không thể chuyển trang vào chính nó hoặc trang con của nó.",
        ContentOperationStatus.UrlSegmentTaken => "Đã có trang cùng địa chỉ ở vị trí này. Hãy đổi tên trang trước.",
        ContentOperationStatus.DocumentTrashed => "Trang đang ở thùng rác.",
        ContentOperationStatus.NotTrashed => "Trang không ở thùng rác.",
        ContentOperationStatus.SortSetMismatch => "Danh sách sắp xếp phải gồm đúng các trang con hiện có.",
        ContentOperationStatus.DuplicateKey => "Đã có trang với mã định danh này.",
        _ => status.ToString(),
    };
}
