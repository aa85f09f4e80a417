namespace Portal.Core.Access;

/// <summary>What a user group may do to documents, as Umbraco's document permissions (Umb.Document.*).</summary>
[Flags]
public enum Permission
{
    None = 0,
    Browse = 1,
    Create = 2,
    Update = 4,
    Delete = 8,
    SendForApproval = 16,
    Publish = 32,
    Unpublish = 64,
    Rollback = 128,
    Move = 256,
    Sort = 512,
    All = Browse | Create | Update | Delete | SendForApproval | Publish | Unpublish | Rollback | Move | Sort,
}

public static class PermissionNames
{
    public static readonly IReadOnlyList<Permission> Each =
    [
        Permission.Browse, Permission.Create, Permission.Update, Permission.Delete, Permission.SendForApproval,
        Permission.Publish, Permission.Unpublish, Permission.Rollback, Permission.Move, Permission.Sort,
    ];

    public static string ToVietnamese(this Permission permission) => permission switch
    {
        Permission.Browse => "Xem",
        Permission.Create => "Tạo mới",
        Permission.Update => "Sửa",
        Permission.Delete => "Xóa",
        Permission.SendForApproval => "Gửi duyệt",
        Permission.Publish => "Xuất bản",
        Permission.Unpublish => "Gỡ xuất bản",
        Permission.Rollback => "Khôi phục phiên bản",
        Permission.Move => "Di chuyển",
        Permission.Sort => "Sắp xếp",
        _ => string.Join(", ", Each.Where(p => permission.HasFlag(p)).Select(p => p.ToVietnamese())),
    };

    /// <summary>Umbraco's action ids, as the Management API and its clients name them.</summary>
    public static string ToUmbracoVerb(this Permission permission) => permission switch
    {
        Permission.Browse => "Umb.Document.Read",
        Permission.Create => "Umb.Document.Create",
        Permission.Update => "Umb.Document.Update",
        Permission.Delete => "Umb.Document.Delete",
        Permission.SendForApproval => "Umb.Document.SendForApproval",
        Permission.Publish => "Umb.Document.Publish",
        Permission.Unpublish => "Umb.Document.Unpublish",
        Permission.Rollback => "Umb.Document.Rollback",
        Permission.Move => "Umb.Document.Move",
        Permission.Sort => "Umb.Document.Sort",
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, "One permission at a time."),
    };

    public static IReadOnlyList<string> ToUmbracoVerbs(this Permission permissions) =>
        Each.Where(p => permissions.HasFlag(p)).Select(p => p.ToUmbracoVerb()).ToList();

    public static bool TryParseUmbracoVerbs(IEnumerable<string> verbs, out Permission permissions)
    {
        permissions = Permission.None;
        foreach (var verb in verbs)
        {
            var match = Each.FirstOrDefault(p => string.Equals(p.ToUmbracoVerb(), verb, StringComparison.Ordinal));
            if (match == Permission.None)
            {
                return false;
            }

            permissions |= match;
        }

        return true;
    }
}
