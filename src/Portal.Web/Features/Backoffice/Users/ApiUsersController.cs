using Microsoft.AspNetCore.Mvc;
using Portal.Core.Access;
using Portal.Web.Features.Backoffice.Shell;
using Portal.Web.Features.Management.ApiClients;
using Portal.Web.Features.Management.Tokens;
using Portal.Web.Features.Management.Users;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Backoffice.Users;

/// <summary>
/// API users (Umbraco's client-credentials clients): those of <c>Portal:ApiClients</c>, shown as configured, and those
/// made here, whose secret is shown once and which can be removed here. <see cref="ApiUserAdministration"/> does the work.
/// </summary>
[BackofficeSection(Section.Users)]
public sealed class ApiUsersController : BackofficeController
{
    private const string Views = "~/Features/Backoffice/Users/Views/";

    [HttpGet(UsersPaths.ApiUsers)]
    public async Task<IActionResult> Index([FromQuery(Name = "thong-bao")] string? notice, CancellationToken cancellationToken) =>
        View(Views + "ApiUsers.cshtml", await ListAsync([], UsersNotices.Text(notice), cancellationToken));

    [HttpGet(UsersPaths.NewApiUser)]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View(Views + "NewApiUser.cshtml", new CreateApiUserPage(new ApiUserForm { ClientId = ApiClientAccounts.ClientIdPrefix },
            (await GroupsAsync(cancellationToken)).GrantableBy(Actor), []));

    [HttpPost(UsersPaths.NewApiUser)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Create([FromForm] ApiUserForm form, CancellationToken cancellationToken)
    {
        var (status, _, secret) = await Service<ApiUserAdministration>().CreateAsync(form.ClientId, form.Group, Actor, cancellationToken);
        if (status != UserAdministrationStatus.Success)
        {
            var grantable = (await GroupsAsync(cancellationToken)).GrantableBy(Actor);
            var error = UsersFields.Error(status, null, ("clientId", status.ToVietnamese()), "group");
            var refused = View(Views + "NewApiUser.cshtml", new CreateApiUserPage(form, grantable, [error]));
            refused.StatusCode = status.StatusCode();
            return refused;
        }

        // The secret is in this answer only; a cache or the back button must not keep it.
        Response.Headers.CacheControl = "no-store";
        return View(Views + "ApiUserCreated.cshtml", new ApiUserCreatedPage(form.ClientId!.Trim(), secret!, ManagementTokens.Path));
    }

    [HttpPost(UsersPaths.ApiUsers + "/{id:guid}/go")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Remove(Guid id, CancellationToken cancellationToken)
    {
        var status = await Service<ApiUserAdministration>().RemoveAsync(id, Actor, cancellationToken);
        if (status == UserAdministrationStatus.Success)
        {
            return Redirect(BackofficeNotices.Link(UsersPaths.ApiUsers, UsersNotices.ApiUserRemoved));
        }

        var refused = View(Views + "ApiUsers.cshtml", await ListAsync([new FormError(string.Empty, status.ToVietnamese())], null, cancellationToken));
        refused.StatusCode = status.StatusCode();
        return refused;
    }

    private async Task<ApiUserListPage> ListAsync(IReadOnlyList<FormError> errors, string? notice, CancellationToken cancellationToken) =>
        new(await Service<ApiUserAdministration>().ListAsync(cancellationToken), await GroupsAsync(cancellationToken), errors, notice);

    private Task<GroupNames> GroupsAsync(CancellationToken cancellationToken) => GroupNames.LoadAsync(Service<UserGroupAdministration>(), cancellationToken);
}
