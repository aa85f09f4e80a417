using Microsoft.AspNetCore.Mvc;
using Portal.Core.Access;
using Portal.Web.Features.Backoffice.Shell;
using Portal.Web.Features.Management.Documents;
using Portal.Web.Features.Management.Users;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Backoffice.Users;

/// <summary>
/// People and API users of the backoffice: the list, a new person, a user's groups, ending a lock-out and signing a
/// person out everywhere. Every change is <see cref="UserAdministration"/>'s, the Management API's own, so the same
/// rules hold and each lands in the audit log. Accounts are neither deleted nor disabled here, because the API has no
/// such verb: taking every group away leaves a person nothing to open, and revoking their sessions signs them out.
/// </summary>
[BackofficeSection(Section.Users)]
public sealed class UsersController : BackofficeController
{
    private const string Views = "~/Features/Backoffice/Users/Views/";
    private static readonly (string, string) PersonName = ("name", "Nhập họ và tên, tối đa 200 ký tự.");

    [HttpGet(UsersPaths.Root)]
    public async Task<IActionResult> Index([FromQuery(Name = "nhom")] Guid? group, [FromQuery(Name = "tu")] int skip,
        [FromQuery(Name = "thong-bao")] string? notice, CancellationToken cancellationToken)
    {
        skip = Math.Max(0, skip);
        var page = await Service<UserAdministration>().PageAsync(skip, UserListPage.Take, group, cancellationToken);
        return View(Views + "Index.cshtml",
            new UserListPage(page.Items, page.Total, skip, group, await GroupsAsync(cancellationToken), UsersNotices.Text(notice)));
    }

    [HttpGet(UsersPaths.New)]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View(Views + "New.cshtml", new CreateUserPage(new CreateUserForm(), (await GroupsAsync(cancellationToken)).GrantableBy(Actor), []));

    [HttpPost(UsersPaths.New)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Create([FromForm] CreateUserForm form, CancellationToken cancellationToken)
    {
        var request = new CreateUserRequest(null, form.Email, null, form.Name, form.Groups.Select(g => new ReferenceById(g)).ToList(), null);
        var (status, id, password, detail) = await Service<UserAdministration>().CreateAsync(request, Actor, cancellationToken);
        if (status != UserAdministrationStatus.Success)
        {
            var grantable = (await GroupsAsync(cancellationToken)).GrantableBy(Actor);
            var page = new CreateUserPage(form, grantable, [UsersFields.Error(status, detail, PersonName, GroupChoices.FirstId(grantable))]);
            return Refused(Views + "New.cshtml", page, status);
        }

        // The password is in this answer only; a cache or the back button must not keep it.
        Response.Headers.CacheControl = "no-store";
        return View(Views + "Created.cshtml", new UserCreatedPage(id, form.Name!.Trim(), form.Email!.Trim(), password!));
    }

    [HttpGet(UsersPaths.Root + "/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, [FromQuery(Name = "thong-bao")] string? notice, CancellationToken cancellationToken) =>
        await PageAsync(id, null, [], UsersNotices.Text(notice), cancellationToken) is { } page
            ? View(Views + "User.cshtml", page)
            : BackofficeResults.Missing();

    [HttpPost(UsersPaths.Root + "/{id:guid}/nhom")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> SetGroups(Guid id, [FromForm] UserGroupsForm form, CancellationToken cancellationToken)
    {
        var status = await Service<UserAdministration>().SetGroupsAsync([id], form.Groups.Distinct().ToList(), Actor, cancellationToken);
        return await AfterAsync(id, status, UsersNotices.GroupsSaved, form.Groups, cancellationToken);
    }

    [HttpPost(UsersPaths.Root + "/{id:guid}/mo-khoa")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Unlock(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await Service<UserAdministration>().UnlockAsync([id], Actor, cancellationToken), UsersNotices.Unlocked, null,
            cancellationToken);

    [HttpPost(UsersPaths.Root + "/{id:guid}/thu-hoi-phien")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> RevokeSessions(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await Service<UserAdministration>().RevokeSessionsAsync(id, Actor, cancellationToken), UsersNotices.SessionsRevoked,
            null, cancellationToken);

    /// <summary>Back to the user with a notice, or the user's page again with the refusal and, for groups, the boxes as ticked.</summary>
    private async Task<IActionResult> AfterAsync(Guid id, UserAdministrationStatus status, string notice, IReadOnlyList<Guid>? chosen,
        CancellationToken cancellationToken)
    {
        if (status == UserAdministrationStatus.Success)
        {
            return Redirect(BackofficeNotices.Link(UsersPaths.Of(id), notice));
        }

        var error = UsersFields.Error(status, null, PersonName, GroupChoices.FirstId((await GroupsAsync(cancellationToken)).GrantableBy(Actor)));
        return await PageAsync(id, chosen, [error], null, cancellationToken) is { } page
            ? Refused(Views + "User.cshtml", page, status)
            : BackofficeResults.Missing();
    }

    private async Task<UserPage?> PageAsync(Guid id, IReadOnlyList<Guid>? chosen, IReadOnlyList<FormError> errors, string? notice,
        CancellationToken cancellationToken)
    {
        if (await Service<UserAdministration>().FindAsync(id, cancellationToken) is not { } user)
        {
            return null;
        }

        var groups = await GroupsAsync(cancellationToken);
        return new UserPage(user, groups, groups.GrantableBy(Actor), chosen ?? user.UserGroupIds.Select(g => g.Id).ToList(), errors, notice);
    }

    private Task<GroupNames> GroupsAsync(CancellationToken cancellationToken) => GroupNames.LoadAsync(Service<UserGroupAdministration>(), cancellationToken);

    private ViewResult Refused<T>(string view, T page, UserAdministrationStatus status)
    {
        var result = View(view, page);
        result.StatusCode = status.StatusCode();
        return result;
    }
}
