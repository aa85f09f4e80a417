namespace Portal.Web.Features.Management.Users;

/// <summary>Every expected outcome of the user and user-group endpoints.</summary>
internal enum UserAdministrationStatus
{
    Success,
    NotFound,
    UserGroupNotFound,
    NeedsUsersSection,
    AdministratorsOnly,
    NotYourGroup,
    OwnGroup,
    InvalidEmail,
    NameRequired,
    IdInUse,
    DuplicateEmail,
    DuplicateUserName,
    InvalidUserName,
    ApiUsersFromConfiguration,
    ApiUserHasNoSessions,
    UserGroupRequired,
    UnknownUserGroup,
    LastAdministrator,
    InvalidAlias,
    DuplicateAlias,
    UnknownSection,
    UnknownPermission,
    UnknownDocument,
    InvalidClientId,
    DuplicateClientId,
    ApiUserConfigured,
    NotAnApiUser,
}

internal static class UserAdministrationStatusNames
{
    /// <summary>The HTTP status of a refusal, for the Management API and the backoffice pages alike.</summary>
    public static int StatusCode(this UserAdministrationStatus status) => status switch
    {
        UserAdministrationStatus.NotFound or UserAdministrationStatus.UserGroupNotFound => StatusCodes.Status404NotFound,
        UserAdministrationStatus.NeedsUsersSection or UserAdministrationStatus.AdministratorsOnly
            or UserAdministrationStatus.NotYourGroup or UserAdministrationStatus.OwnGroup => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };

    public static string ToVietnamese(this UserAdministrationStatus status) => status switch
    {
        UserAdministrationStatus.NotFound => "Không tìm thấy người dùng.",
        UserAdministrationStatus.UserGroupNotFound => "Không tìm thấy nhóm người dùng.",
        UserAdministrationStatus.NeedsUsersSection => "Cần quyền vào phân hệ Người dùng.",
        UserAdministrationStatus.AdministratorsOnly => "Chỉ quản trị hệ thống mới làm được việc này với tài khoản hoặc nhóm quản trị.",
        UserAdministrationStatus.NotYourGroup => "Chỉ được xếp người dùng vào những nhóm mà chính bạn là thành viên.",
        UserAdministrationStatus.OwnGroup => "Không được tự sửa quyền của nhóm mà chính bạn là thành viên.",
        UserAdministrationStatus.InvalidEmail => "Thư điện tử không hợp lệ.",
        UserAdministrationStatus.NameRequired => "Cần nhập tên người dùng (name).",
        UserAdministrationStatus.IdInUse => "Mã định danh (id) này đã được dùng.",
        UserAdministrationStatus.DuplicateEmail => "Thư điện tử này đã có người dùng khác.",
        UserAdministrationStatus.DuplicateUserName => "Tên đăng nhập này đã có người dùng khác.",
        UserAdministrationStatus.InvalidUserName => "Tên đăng nhập chỉ gồm chữ cái không dấu, chữ số và các ký tự - . _ @ +.",
        UserAdministrationStatus.ApiUsersFromConfiguration =>
            "Người dùng API được khai báo trong cấu hình Portal:ApiClients, không tạo qua API.",
        UserAdministrationStatus.ApiUserHasNoSessions =>
            "Người dùng API không có phiên đăng nhập: mã truy cập đã cấp hết hạn sau 5 phút; để chặn hẳn, hãy gỡ ứng dụng khỏi cấu hình.",
        UserAdministrationStatus.UserGroupRequired => "Người dùng cần thuộc ít nhất một nhóm.",
        UserAdministrationStatus.UnknownUserGroup => "Có nhóm người dùng không tồn tại.",
        UserAdministrationStatus.LastAdministrator => "Phải còn ít nhất một người trong nhóm Quản trị hệ thống.",
        UserAdministrationStatus.InvalidAlias =>
            "Bí danh (alias) cần bắt đầu bằng chữ cái, chỉ gồm chữ cái không dấu, chữ số, '-' và '_', tối đa 200 ký tự.",
        UserAdministrationStatus.DuplicateAlias => "Đã có nhóm người dùng với bí danh này.",
        UserAdministrationStatus.UnknownSection => "Có phân hệ không tồn tại.",
        UserAdministrationStatus.UnknownPermission => "Có quyền không được hỗ trợ.",
        UserAdministrationStatus.UnknownDocument => "Có trang không tồn tại.",
        UserAdministrationStatus.InvalidClientId =>
            $"Mã ứng dụng cần bắt đầu bằng «{ApiClients.ApiClientAccounts.ClientIdPrefix}», tiếp theo là chữ thường không dấu, chữ số hoặc '-', tối đa 100 ký tự.",
        UserAdministrationStatus.DuplicateClientId => "Mã ứng dụng này đã có người dùng khác.",
        UserAdministrationStatus.ApiUserConfigured =>
            "Người dùng API này được khai báo trong cấu hình Portal:ApiClients; hãy gỡ nó khỏi cấu hình rồi khởi động lại.",
        UserAdministrationStatus.NotAnApiUser => "Đây không phải người dùng API.",
        _ => status.ToString(),
    };
}
