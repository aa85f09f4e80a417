using Portal.Core.Access;
using Portal.Core.Text;
using Portal.Web.Features.Management.Documents;
using Portal.Web.Features.Management.Users;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Backoffice.Users;

/// <summary>The group form as posted: what <see cref="UserGroupRequest"/> carries, in form fields.</summary>
public sealed class GroupForm
{
    /// <summary>Only when creating: the alias never changes afterwards, as in Umbraco.</summary>
    public string? Alias { get; set; }
    public string? Name { get; set; }
    public List<string> Sections { get; set; } = [];

    /// <summary>Umbraco's verbs (<c>Umb.Document.Read</c>, …), as the API takes them.</summary>
    public List<string> Permissions { get; set; } = [];
    public bool RootAccess { get; set; }
    public List<Guid> StartNodes { get; set; } = [];
    public List<GranularForm> Granular { get; set; } = [];

    /// <summary>A page to give the group its own permissions on, with <see cref="NewVerbs"/>.</summary>
    public Guid? NewDocument { get; set; }
    public List<string> NewVerbs { get; set; } = [];

    internal static GroupForm From(UserGroupResponse group) => new()
    {
        Alias = group.Alias,
        Name = group.Name,
        Sections = [.. group.Sections],
        Permissions = [.. group.FallbackPermissions],
        RootAccess = group.DocumentRootAccess,
        StartNodes = [.. group.StartNodeKeys],
        Granular = group.Permissions.Where(p => p.Document is not null)
            .Select(p => new GranularForm { Document = p.Document!.Id, Verbs = [.. p.Verbs ?? []] }).ToList(),
    };

    /// <summary>Every list is sent, so a box left unticked clears what the group had.</summary>
    internal UserGroupRequest ToRequest()
    {
        var granular = Granular.Where(g => !g.Remove)
            .Select(g => new DocumentPermissionModel(DocumentPermissionModel.TypeName, new ReferenceById(g.Document), g.Verbs))
            .ToList();
        if (NewDocument is { } document)
        {
            granular.Add(new DocumentPermissionModel(DocumentPermissionModel.TypeName, new ReferenceById(document), NewVerbs));
        }

        return new UserGroupRequest(null, Alias, Name, Sections, Permissions, RootAccess, null, StartNodes, granular);
    }
}

public sealed class GranularForm
{
    public Guid Document { get; set; }
    public List<string> Verbs { get; set; } = [];
    public bool Remove { get; set; }
}

internal sealed record GroupListPage(IReadOnlyList<UserGroupResponse> Groups, IReadOnlyDictionary<Guid, int> Members,
    IReadOnlyDictionary<Guid, string> PageNames, string? Notice);

/// <param name="Id">Null for a new group.</param>
/// <param name="Refusal">Why the reader may only look at this group, when they may not change it.</param>
internal sealed record GroupPage(Guid? Id, GroupForm Form, IReadOnlyList<NodeChoice> Pages, IReadOnlyList<FormError> Errors, string? Notice,
    string? Refusal)
{
    public string Action => Id is { } id ? UsersPaths.Group(id) : UsersPaths.NewGroup;

    public string NameOf(Guid page) => Pages.FirstOrDefault(p => p.Key == page)?.Name ?? page.ToString();
}

/// <summary>A page a group may start at or hold its own permissions on.</summary>
/// <param name="Depth">0 for the top of the tree; pages found only because the group already names them are 0 too.</param>
internal sealed record NodeChoice(Guid Key, string Name, int Depth);

/// <summary>
/// The pages the group form offers, kept short enough to tick through: the top two levels of the content tree and every
/// unit's page (units are where groups usually start), plus any deeper page the group already names, so nothing it has
/// is lost by saving.
/// </summary>
internal static class NodeChoices
{
    private const string UnitsRoot = "unitsRoot";

    public static async Task<IReadOnlyList<NodeChoice>> ListAsync(DocumentQueries queries, IEnumerable<Guid> named, CancellationToken cancellationToken)
    {
        var choices = new List<NodeChoice>();
        foreach (var root in await queries.ChildrenAsync(null, cancellationToken))
        {
            choices.Add(new NodeChoice(root.Key, root.Name, 0));
            foreach (var child in await queries.ChildrenAsync(root.Key, cancellationToken))
            {
                choices.Add(new NodeChoice(child.Key, child.Name, 1));
                if (child.ContentTypeAlias == UnitsRoot)
                {
                    choices.AddRange((await queries.ChildrenAsync(child.Key, cancellationToken))
                        .OrderBy(u => u.Name, VietnameseText.Order).Select(u => new NodeChoice(u.Key, u.Name, 2)));
                }
            }
        }

        var missing = named.Where(k => choices.TrueForAll(c => c.Key != k)).Distinct().ToList();
        choices.AddRange((await queries.NodesAsync(missing, cancellationToken)).Select(n => new NodeChoice(n.Key, n.Name, 0)));
        return choices;
    }
}

/// <summary>Where the group form's refusals belong, and their words.</summary>
internal static class GroupFields
{
    public static FormError Error(UserAdministrationStatus status, string? detail) => status switch
    {
        UserAdministrationStatus.InvalidAlias or UserAdministrationStatus.DuplicateAlias or UserAdministrationStatus.IdInUse =>
            new FormError("alias", status.ToVietnamese()),
        UserAdministrationStatus.UnknownSection => new FormError(SectionId(Section.All[0]), $"{status.ToVietnamese()} {detail}"),
        UserAdministrationStatus.UnknownPermission => new FormError(PermissionId(PermissionNames.Each[0]), $"{status.ToVietnamese()} {detail}"),
        UserAdministrationStatus.UnknownDocument => new FormError("startNodes", $"{status.ToVietnamese()} {detail}"),
        _ => UsersFields.Error(status, detail, ("name", "Nhập tên nhóm, tối đa 200 ký tự."), string.Empty),
    };

    public static string SectionId(string section) => "section-" + section;

    public static string PermissionId(Permission permission) => "permission-" + permission;

    public static string StartNodeId(Guid page) => "start-" + page.ToString("N");

    public static string Refusal(UserAdministrationStatus status) => status switch
    {
        UserAdministrationStatus.AdministratorsOnly => "Chỉ quản trị hệ thống mới sửa được nhóm Quản trị hệ thống.",
        UserAdministrationStatus.OwnGroup => "Bạn là thành viên của nhóm này nên không được tự sửa quyền của nó.",
        _ => status.ToVietnamese(),
    };
}
