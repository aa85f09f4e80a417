using Portal.Core.Access;
using Portal.Core.Text;
using Portal.Web.Features.Management.ApiClients;
using Portal.Web.Features.Management.Users;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Backoffice.Users;

// Forms posted by the Users section's pages (public: MVC binds action parameters) and the models of their views.

public sealed class CreateUserForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public List<Guid> Groups { get; set; } = [];
}

public sealed class UserGroupsForm
{
    public List<Guid> Groups { get; set; } = [];
}

public sealed class ApiUserForm
{
    public string? ClientId { get; set; }
    public Guid? Group { get; set; }
}

internal sealed record UserListPage(IReadOnlyList<UserResponse> Users, int Total, int Skip, Guid? GroupFilter, GroupNames Groups, string? Notice)
{
    public const int Take = 50;
}

internal sealed record CreateUserPage(CreateUserForm Form, IReadOnlyList<UserGroupResponse> Grantable, IReadOnlyList<FormError> Errors);

/// <summary>Shown once, in answer to the post that made the account: the password is nowhere else to be read.</summary>
internal sealed record UserCreatedPage(Guid Id, string Name, string Email, string Password);

internal sealed record UserPage(UserResponse User, GroupNames Groups, IReadOnlyList<UserGroupResponse> Grantable, IReadOnlyList<Guid> Chosen,
    IReadOnlyList<FormError> Errors, string? Notice);

internal sealed record ApiUserListPage(IReadOnlyList<ApiUserRow> Users, GroupNames Groups, IReadOnlyList<FormError> Errors, string? Notice);

internal sealed record CreateApiUserPage(ApiUserForm Form, IReadOnlyList<UserGroupResponse> Grantable, IReadOnlyList<FormError> Errors);

/// <summary>Shown once, in answer to the post that made the client: only the secret's hash is kept.</summary>
internal sealed record ApiUserCreatedPage(string ClientId, string Secret, string TokenPath);

/// <summary>Every group by key, in Vietnamese order of their names, for lists that show a user's groups.</summary>
internal sealed class GroupNames(IReadOnlyList<UserGroupResponse> groups)
{
    public IReadOnlyList<UserGroupResponse> All { get; } = groups.OrderBy(g => g.Name, VietnameseText.Order).ToList();

    public static async Task<GroupNames> LoadAsync(UserGroupAdministration groups, CancellationToken cancellationToken) =>
        new((await groups.PageAsync(0, GroupChoices.All, cancellationToken)).Items);

    public string Of(IEnumerable<Guid> keys) =>
        string.Join(", ", keys.Select(k => All.FirstOrDefault(g => g.Id == k)?.Name ?? k.ToString()).Order(VietnameseText.Order));

    /// <summary>The groups the actor may hand out: every group for an administrator, otherwise their own.</summary>
    public IReadOnlyList<UserGroupResponse> GrantableBy(Actor actor) =>
        actor.IsAdministrator ? All : All.Where(g => actor.Groups.Any(own => own.Key == g.Id)).ToList();
}

/// <summary>The group check boxes of the user forms.</summary>
internal static class GroupChoices
{
    /// <summary>More groups than a province will ever have (two per unit): the forms list them all on one page.</summary>
    public const int All = 10_000;

    public static string IdOf(Guid groupKey) => "group-" + groupKey.ToString("N");

    /// <summary>Where the error summary sends the reader for a refusal about groups: the first box.</summary>
    public static string FirstId(IReadOnlyList<UserGroupResponse> grantable) => grantable.Count > 0 ? IdOf(grantable[0].Id) : string.Empty;
}

/// <summary>Where the section's pages and forms live.</summary>
internal static class UsersPaths
{
    public const string Root = "/umbraco/nguoi-dung";
    public const string New = Root + "/tao-moi";
    public const string Groups = Root + "/nhom";
    public const string NewGroup = Groups + "/tao-moi";
    public const string ApiUsers = Root + "/api";
    public const string NewApiUser = ApiUsers + "/tao-moi";

    public static string Of(Guid id) => $"{Root}/{id}";

    public static string SetGroups(Guid id) => $"{Root}/{id}/nhom";

    public static string Unlock(Guid id) => $"{Root}/{id}/mo-khoa";

    public static string RevokeSessions(Guid id) => $"{Root}/{id}/thu-hoi-phien";

    public static string Group(Guid id) => $"{Groups}/{id}";

    public static string RemoveApiUser(Guid id) => $"{ApiUsers}/{id}/go";

    public static string MembersOf(Guid groupKey) => $"{Root}?nhom={groupKey}";
}

/// <summary>The section's notice codes (<see cref="Shell.BackofficeNotices"/>) and their text.</summary>
internal static class UsersNotices
{
    public const string GroupsSaved = "da-luu-nhom";
    public const string Unlocked = "da-mo-khoa";
    public const string SessionsRevoked = "da-thu-hoi-phien";
    public const string GroupSaved = "da-luu";
    public const string GroupCreated = "da-tao-nhom";
    public const string ApiUserRemoved = "da-go";

    public static string? Text(string? code) => code switch
    {
        GroupsSaved => "Đã lưu nhóm của người dùng.",
        Unlocked => "Đã mở khóa tài khoản; người dùng có thể đăng nhập lại ngay.",
        SessionsRevoked => "Đã thu hồi mọi phiên đăng nhập của người dùng; họ sẽ phải đăng nhập lại.",
        GroupSaved => "Đã lưu nhóm người dùng.",
        GroupCreated => "Đã tạo nhóm người dùng.",
        ApiUserRemoved => "Đã gỡ người dùng API; mã truy cập đã cấp cho ứng dụng không còn dùng được.",
        _ => null,
    };
}

/// <summary>Which input a refusal of the user administration belongs beside, and what it says there.</summary>
internal static class UsersFields
{
    /// <param name="nameMessage">The form's own words for a missing name: the API's speak of its JSON field.</param>
    public static FormError Error(UserAdministrationStatus status, string? detail, (string Id, string Message) name, string groupsField,
        string otherField = "") =>
        status == UserAdministrationStatus.NameRequired
            ? new FormError(name.Id, name.Message)
            : new FormError(status switch
            {
                UserAdministrationStatus.InvalidEmail or UserAdministrationStatus.DuplicateEmail or UserAdministrationStatus.DuplicateUserName
                    or UserAdministrationStatus.InvalidUserName => "email",
                UserAdministrationStatus.InvalidClientId or UserAdministrationStatus.DuplicateClientId => "clientId",
                UserAdministrationStatus.UserGroupRequired or UserAdministrationStatus.UnknownUserGroup or UserAdministrationStatus.NotYourGroup
                    or UserAdministrationStatus.LastAdministrator => groupsField,
                _ => otherField,
            }, detail is null ? status.ToVietnamese() : $"{status.ToVietnamese()} {detail}");
}
