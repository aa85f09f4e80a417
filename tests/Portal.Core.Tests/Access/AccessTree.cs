using Portal.Core.Access;
using Portal.Core.Content;

namespace Portal.Core.Tests.Access;

/// <summary>
/// A small content tree shaped like the portal's, built fresh for each test:
/// home / unitsRoot / {so-noi-vu / (article / page), so-tu-phap / article}, and home / chi-dao-dieu-hanh / directive.
/// </summary>
internal sealed class AccessTree
{
    private static readonly DateTime T0 = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    public AccessTree()
    {
        Home = Node("home", null);
        Units = Node("unitsRoot", Home);
        NoiVu = Node("unit", Units);
        NoiVuArticle = Node("article", NoiVu);
        NoiVuArticlePage = Node("page", NoiVuArticle);
        TuPhap = Node("unit", Units);
        TuPhapArticle = Node("article", TuPhap);
        Directives = Node("directiveList", Home);
        Directive = Node("directive", Directives);
    }

    public Document Home { get; }
    public Document Units { get; }
    public Document NoiVu { get; }
    public Document NoiVuArticle { get; }
    public Document NoiVuArticlePage { get; }
    public Document TuPhap { get; }
    public Document TuPhapArticle { get; }
    public Document Directives { get; }
    public Document Directive { get; }

    public const Permission EditorPermissions = Permission.Browse | Permission.Create | Permission.Update | Permission.SendForApproval;
    public const Permission ApproverPermissions = EditorPermissions | Permission.Publish | Permission.Unpublish | Permission.Rollback;

    public static UserGroup Group(string alias, Permission permissions, bool hasRootAccess, params Document[] startNodes) =>
        new(Guid.NewGuid(), alias, alias, [Section.Content], permissions, hasRootAccess, startNodes.Select(d => d.Key));

    public static UserGroup Group(string alias, IEnumerable<string> sections) =>
        new(Guid.NewGuid(), alias, alias, sections, Permission.Browse, hasRootAccess: true, []);

    public static Actor User(string name, params UserGroup[] groups) => Actor.User(Guid.NewGuid(), name, groups, "203.0.113.5");

    private static Document Node(string contentTypeAlias, Document? parent) =>
        Document.Create(Guid.NewGuid(), contentTypeAlias, parent, 0, contentTypeAlias, contentTypeAlias.ToLowerInvariant(),
            new Dictionary<string, string>(StringComparer.Ordinal), "test", T0);
}
