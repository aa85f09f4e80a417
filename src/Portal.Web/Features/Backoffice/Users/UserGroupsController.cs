using Microsoft.AspNetCore.Mvc;
using Portal.Core.Access;
using Portal.Web.Features.Backoffice.Shell;
using Portal.Web.Features.Management.Documents;
using Portal.Web.Features.Management.Users;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Backoffice.Users;

/// <summary>
/// User groups: the list, a new group, and one group's name, sections, default permissions, reach (whole tree or start
/// pages) and its own permissions on chosen pages. Saving goes through <see cref="UserGroupAdministration"/>, as the
/// Management API's <c>PUT /user-group/{id}</c> does, so its rules and audit entries hold here too.
/// </summary>
[BackofficeSection(Section.Users)]
public sealed class UserGroupsController : BackofficeController
{
    private const string Views = "~/Features/Backoffice/Users/Views/";

    [HttpGet(UsersPaths.Groups)]
    public async Task<IActionResult> Index([FromQuery(Name = "thong-bao")] string? notice, CancellationToken cancellationToken)
    {
        var administration = Service<UserGroupAdministration>();
        var groups = (await GroupNames.LoadAsync(administration, cancellationToken)).All;
        var pages = await Service<DocumentQueries>().NodesAsync(groups.SelectMany(g => g.StartNodeKeys).Distinct().ToList(), cancellationToken);
        return View(Views + "Groups.cshtml", new GroupListPage(groups, await administration.MemberCountsAsync(cancellationToken),
            pages.ToDictionary(p => p.Key, p => p.Name), UsersNotices.Text(notice)));
    }

    [HttpGet(UsersPaths.NewGroup)]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View(Views + "Group.cshtml", await PageAsync(null, new GroupForm(), [], null, cancellationToken));

    [HttpPost(UsersPaths.NewGroup)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Create([FromForm] GroupForm form, CancellationToken cancellationToken)
    {
        var (status, id, detail) = await Service<UserGroupAdministration>().CreateAsync(form.ToRequest(), Actor, cancellationToken);
        return status == UserAdministrationStatus.Success
            ? Redirect(BackofficeNotices.Link(UsersPaths.Group(id), UsersNotices.GroupCreated))
            : await RefusedAsync(null, form, status, detail, cancellationToken);
    }

    [HttpGet(UsersPaths.Groups + "/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, [FromQuery(Name = "thong-bao")] string? notice, CancellationToken cancellationToken)
    {
        if (await Service<UserGroupAdministration>().FindAsync(id, cancellationToken) is not { } group)
        {
            return BackofficeResults.Missing();
        }

        return View(Views + "Group.cshtml", await PageAsync(group, GroupForm.From(group), [], UsersNotices.Text(notice), cancellationToken));
    }

    [HttpPost(UsersPaths.Groups + "/{id:guid}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Save(Guid id, [FromForm] GroupForm form, CancellationToken cancellationToken)
    {
        var administration = Service<UserGroupAdministration>();
        if (await administration.FindAsync(id, cancellationToken) is not { } group)
        {
            return BackofficeResults.Missing();
        }

        form.Alias = group.Alias;
        var (status, detail) = await administration.UpdateAsync(id, form.ToRequest(), Actor, cancellationToken);
        return status == UserAdministrationStatus.Success
            ? Redirect(BackofficeNotices.Link(UsersPaths.Group(id), UsersNotices.GroupSaved))
            : await RefusedAsync(group, form, status, detail, cancellationToken);
    }

    private async Task<ViewResult> RefusedAsync(UserGroupResponse? group, GroupForm form, UserAdministrationStatus status, string? detail,
        CancellationToken cancellationToken)
    {
        var result = View(Views + "Group.cshtml", await PageAsync(group, form, [GroupFields.Error(status, detail)], null, cancellationToken));
        result.StatusCode = status.StatusCode();
        return result;
    }

    private async Task<GroupPage> PageAsync(UserGroupResponse? group, GroupForm form, IReadOnlyList<FormError> errors, string? notice,
        CancellationToken cancellationToken)
    {
        var named = form.StartNodes.Concat(form.Granular.Select(g => g.Document));
        if (form.NewDocument is { } chosen)
        {
            named = named.Append(chosen);
        }

        var pages = await NodeChoices.ListAsync(Service<DocumentQueries>(), named.ToList(), cancellationToken);
        var refusal = group is null
            ? UserAdministrationStatus.Success
            : UserGroupAdministration.MayChange(group.Id, group.Alias == UserGroup.AdministratorsAlias, Actor);
        return new GroupPage(group?.Id, form, pages, errors, notice,
            refusal == UserAdministrationStatus.Success ? null : GroupFields.Refusal(refusal));
    }
}
