namespace Portal.Core.Media;

/// <summary>Expected outcomes of the media library's verbs. Hosts map these once to messages and ProblemDetails.</summary>
public enum MediaOperationStatus
{
    Success = 0,
    NotFound,
    Forbidden,
    Conflict,
    NameRequired,
    NameTooLong,
    AltTextRequired,
    AltTextTooLong,
    InvalidFocalPoint,
    ExtensionNotAllowed,
    FileEmpty,
    FileTooLarge,
    ContentMismatch,
    ParentNotFound,
    ParentNotFolder,
    NotAFile,
    FileKindMismatch,
    FolderNotEmpty,

    /// <summary>The image has more pixels than <see cref="MediaLibraryOptions.MaxImagePixels"/> (a decompression bomb, or simply too big).</summary>
    ImageTooLarge,

    /// <summary>The header is an image's, but the pixels do not decode (a truncated or corrupted file).</summary>
    ImageDamaged,
}

public sealed record MediaOperationResult(MediaOperationStatus Status, Guid? Key = null)
{
    public bool Succeeded => Status == MediaOperationStatus.Success;

    public static MediaOperationResult Fail(MediaOperationStatus status, Guid? key = null) => new(status, key);

    public static MediaOperationResult Done(Guid key) => new(MediaOperationStatus.Success, key);
}

public static class MediaOperationStatusMessages
{
    public static string ToVietnamese(this MediaOperationStatus status) => status switch
    {
        MediaOperationStatus.Success => "Đã lưu thư viện media.",
        MediaOperationStatus.NotFound => "Không tìm thấy tệp hoặc thư mục media.",
        MediaOperationStatus.Forbidden => "Bạn không có quyền sử dụng phân hệ Media.",
        MediaOperationStatus.Conflict => "Tệp đã được người khác thay đổi sau khi bạn mở. Hãy tải lại để xem thông tin mới nhất.",
        MediaOperationStatus.NameRequired => "Vui lòng nhập tên.",
        MediaOperationStatus.NameTooLong => $"Tên không được dài quá {MediaFileRules.NameMaxLength} ký tự.",
        MediaOperationStatus.AltTextRequired =>
            "Ảnh phải có văn bản thay thế (mô tả nội dung ảnh cho người khiếm thị) theo Thông tư 26/2020/TT-BTTTT.",
        MediaOperationStatus.AltTextTooLong => $"Văn bản thay thế không được dài quá {MediaFileRules.AltTextMaxLength} ký tự.",
        MediaOperationStatus.InvalidFocalPoint => "Tiêu điểm ảnh không hợp lệ: cần hai số từ 0 đến 1, cách nhau bằng dấu phẩy, ví dụ 0.5,0.5.",
        MediaOperationStatus.ExtensionNotAllowed =>
            "Loại tệp này không được phép tải lên. Chỉ nhận ảnh (jpg, jpeg, png, gif, webp) và tài liệu (pdf, doc, docx, xls, xlsx, ppt, pptx, odt, ods, zip).",
        MediaOperationStatus.FileEmpty => "Tệp tải lên không có nội dung.",
        MediaOperationStatus.FileTooLarge => "Tệp vượt quá dung lượng tối đa được phép tải lên.",
        MediaOperationStatus.ContentMismatch =>
            "Nội dung tệp không khớp với phần mở rộng của tên tệp (ví dụ tệp .jpg nhưng không phải ảnh JPEG).",
        MediaOperationStatus.ParentNotFound => "Không tìm thấy thư mục chứa.",
        MediaOperationStatus.ParentNotFolder => "Chỉ có thể đặt tệp và thư mục vào trong một thư mục.",
        MediaOperationStatus.NotAFile => "Thư mục không có tệp để thay thế.",
        MediaOperationStatus.FileKindMismatch => "Tệp thay thế phải cùng loại với tệp cũ: ảnh thay bằng ảnh, tài liệu thay bằng tài liệu.",
        MediaOperationStatus.FolderNotEmpty => "Thư mục còn chứa tệp hoặc thư mục con; hãy xóa chúng trước.",
        MediaOperationStatus.ImageTooLarge =>
            "Ảnh có quá nhiều điểm ảnh (chiều rộng × chiều cao) để xử lý an toàn. Hãy thu nhỏ ảnh, ví dụ còn 6000 × 4000 điểm ảnh, rồi tải lên lại.",
        MediaOperationStatus.ImageDamaged => "Không đọc được ảnh: tệp bị hỏng hoặc không đầy đủ. Hãy lưu (xuất) lại ảnh rồi tải lên lại.",
        _ => status.ToString(),
    };
}
