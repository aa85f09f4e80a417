using Portal.Core.Content;

namespace Portal.Data.Audit;

/// <summary>
/// What an <see cref="AuditEntry"/> records, as stable codes (the <c>logType</c> API clients filter on), and how the
/// audit log names them to people. Document entries use the timeline's own actions.
/// </summary>
public static class AuditActions
{
    public const string SignedIn = "SignedIn";
    public const string SignInFailed = "SignInFailed";
    public const string LockedOut = "LockedOut";
    public const string SignedOut = "SignedOut";
    public const string TwoFactorEnabled = "TwoFactorEnabled";
    public const string TwoFactorDisabled = "TwoFactorDisabled";
    public const string UserCreated = "UserCreated";
    public const string UserGroupsSet = "UserGroupsSet";
    public const string UserUnlocked = "UserUnlocked";
    public const string SessionsRevoked = "SessionsRevoked";
    public const string UserGroupCreated = "UserGroupCreated";
    public const string UserGroupChanged = "UserGroupChanged";
    public const string ApiClientConfigured = "ApiClientConfigured";
    public const string ApiClientCreated = "ApiClientCreated";
    public const string ApiClientRemoved = "ApiClientRemoved";
    public const string WebhookCreated = "WebhookCreated";
    public const string WebhookChanged = "WebhookChanged";
    public const string WebhookDeleted = "WebhookDeleted";
    public const string IndexResultCreated = "IndexResultCreated";
    public const string IndexResultChanged = "IndexResultChanged";
    public const string IndexResultDeleted = "IndexResultDeleted";
    public const string TrainingRegistered = "TrainingRegistered";
    public const string TrainingWithdrawn = "TrainingWithdrawn";
    public const string SearchRebuildStarted = "SearchRebuildStarted";

    private static readonly HashSet<string> TimelineNames = [.. Enum.GetNames<TimelineAction>()];

    public static string ToVietnamese(string action) => action switch
    {
        SignedIn => "Đăng nhập",
        SignInFailed => "Đăng nhập không thành công",
        LockedOut => "Tạm khóa do đăng nhập sai nhiều lần",
        SignedOut => "Đăng xuất",
        TwoFactorEnabled => "Bật xác thực hai bước",
        TwoFactorDisabled => "Tắt xác thực hai bước",
        UserCreated => "Tạo người dùng",
        UserGroupsSet => "Đặt nhóm người dùng",
        UserUnlocked => "Mở khóa tài khoản",
        SessionsRevoked => "Thu hồi phiên đăng nhập",
        UserGroupCreated => "Tạo nhóm người dùng",
        UserGroupChanged => "Sửa nhóm người dùng",
        ApiClientConfigured => "Cấu hình người dùng API",
        ApiClientCreated => "Tạo người dùng API",
        ApiClientRemoved => "Gỡ người dùng API",
        WebhookCreated => "Tạo webhook",
        WebhookChanged => "Sửa webhook",
        WebhookDeleted => "Xóa webhook",
        IndexResultCreated => "Nhập kết quả chỉ số",
        IndexResultChanged => "Sửa kết quả chỉ số",
        IndexResultDeleted => "Xóa kết quả chỉ số",
        TrainingRegistered => "Đăng ký học viên tập huấn",
        TrainingWithdrawn => "Hủy đăng ký học viên tập huấn",
        SearchRebuildStarted => "Dựng lại chỉ mục tìm kiếm",
        _ when TimelineNames.Contains(action) => Enum.Parse<TimelineAction>(action).ToVietnamese(),
        _ => action,
    };

    public static string EntityTypeToVietnamese(string entityType) => entityType switch
    {
        AuditEntityTypes.Document => "Trang",
        AuditEntityTypes.User => "Người dùng",
        AuditEntityTypes.UserGroup => "Nhóm người dùng",
        AuditEntityTypes.Webhook => "Webhook",
        AuditEntityTypes.IndexResult => "Kết quả chỉ số",
        AuditEntityTypes.TrainingRegistration => "Đăng ký tập huấn",
        AuditEntityTypes.SearchIndex => "Chỉ mục tìm kiếm",
        _ => entityType,
    };
}
