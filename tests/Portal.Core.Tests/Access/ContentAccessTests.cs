using Portal.Core.Access;

namespace Portal.Core.Tests.Access;

public sealed class ContentAccessTests
{
    private const Permission Editor = AccessTree.EditorPermissions;
    private const Permission Approver = AccessTree.ApproverPermissions;

    // ---- system actor ----

    [Fact]
    public void On_SystemActor_EveryPermissionEverywhereIncludingTheRoot()
    {
        var tree = new AccessTree();
        var importer = Actor.System("usync-import");

        Assert.Equal(Permission.All, ContentAccess.On(importer, null));
        Assert.Equal(Permission.All, ContentAccess.On(importer, tree.NoiVuArticlePage.Path));
        Assert.True(ContentAccess.PermitsCreateUnder(importer, null));
        Assert.True(importer.IsAdministrator);
    }

    [Fact]
    public void StartNodes_SystemActor_WholeTree()
    {
        var nodes = ContentAccess.StartNodes(Actor.System("scheduler"), out var wholeTree);

        Assert.True(wholeTree);
        Assert.Empty(nodes);
    }

    // ---- users ----

    [Fact]
    public void On_UserWithoutGroups_NothingAnywhere()
    {
        var tree = new AccessTree();
        var nobody = AccessTree.User("khach");

        Assert.Equal(Permission.None, ContentAccess.On(nobody, null));
        Assert.Equal(Permission.None, ContentAccess.On(nobody, tree.NoiVu.Path));
        Assert.False(nobody.IsAdministrator);
    }

    [Fact]
    public void On_UnitEditor_EditorPermissionsInsideNothingOutside()
    {
        var tree = new AccessTree();
        var editor = AccessTree.User("bientap.noivu", AccessTree.Group("unit-so-noi-vu-editors", Editor, false, tree.NoiVu));

        Assert.Equal(Editor, ContentAccess.On(editor, tree.NoiVuArticle.Path));
        Assert.Equal(Permission.None, ContentAccess.On(editor, tree.TuPhapArticle.Path));
        Assert.False(ContentAccess.Permits(editor, Permission.Publish, tree.NoiVuArticle));
        Assert.True(ContentAccess.Permits(editor, Permission.SendForApproval, tree.NoiVuArticle));
    }

    [Fact]
    public void On_MemberOfTwoGroups_UnionOfBoth()
    {
        var tree = new AccessTree();
        var user = AccessTree.User("nguoi.hai.nhom",
            AccessTree.Group("unit-so-noi-vu-editors", Editor, false, tree.NoiVu),
            AccessTree.Group("unit-so-tu-phap-approvers", Approver, false, tree.TuPhap),
            AccessTree.Group("homeAffairs", Permission.Browse, true));

        Assert.Equal(Editor, ContentAccess.On(user, tree.NoiVuArticle.Path));
        Assert.Equal(Approver, ContentAccess.On(user, tree.TuPhapArticle.Path));
        Assert.Equal(Permission.Browse, ContentAccess.On(user, tree.Directive.Path));
        Assert.Equal(Permission.Browse, ContentAccess.On(user, null));
    }

    [Fact]
    public void On_EditorAndApproverGroupsOfOneUnit_ApproverPermissions()
    {
        var tree = new AccessTree();
        var user = AccessTree.User("lanhdao.noivu",
            AccessTree.Group("unit-so-noi-vu-editors", Editor, false, tree.NoiVu),
            AccessTree.Group("unit-so-noi-vu-approvers", Approver, false, tree.NoiVu));

        Assert.Equal(Approver, ContentAccess.On(user, tree.NoiVuArticlePage.Path));
    }

    [Fact]
    public void On_OneGroupDeniesAnotherAllows_UnionAllows()
    {
        var tree = new AccessTree();
        var restricted = AccessTree.Group("unit-so-noi-vu-editors", Editor, false, tree.NoiVu);
        restricted.SetNodePermission(tree.NoiVuArticle.Key, Permission.None);
        var user = AccessTree.User("bientap.noivu", restricted, AccessTree.Group("homeAffairs", Permission.Browse, true));

        Assert.Equal(Permission.Browse, ContentAccess.On(user, tree.NoiVuArticle.Path));
        Assert.Equal(Editor, ContentAccess.On(user, tree.NoiVu.Path));
    }

    [Fact]
    public void On_GranularDenyInOnlyGroup_NothingBelowThatNode()
    {
        var tree = new AccessTree();
        var approvers = AccessTree.Group("unit-so-noi-vu-approvers", Approver, false, tree.NoiVu);
        approvers.SetNodePermission(tree.NoiVuArticle.Key, Permission.None);
        var approver = AccessTree.User("lanhdao.noivu", approvers);

        Assert.False(ContentAccess.Permits(approver, Permission.Browse, tree.NoiVuArticle));
        Assert.False(ContentAccess.Permits(approver, Permission.Publish, tree.NoiVuArticlePage));
        Assert.True(ContentAccess.Permits(approver, Permission.Publish, tree.NoiVu));
    }

    [Fact]
    public void Permits_SeveralPermissionsAtOnce_NeedsEveryOne()
    {
        var tree = new AccessTree();
        var editor = AccessTree.User("bientap.noivu", AccessTree.Group("unit-so-noi-vu-editors", Editor, false, tree.NoiVu));
        var approver = AccessTree.User("lanhdao.noivu", AccessTree.Group("unit-so-noi-vu-approvers", Approver, false, tree.NoiVu));

        Assert.False(ContentAccess.Permits(editor, Permission.Publish | Permission.Unpublish, tree.NoiVuArticle));
        Assert.True(ContentAccess.Permits(approver, Permission.Publish | Permission.Unpublish, tree.NoiVuArticle));
        Assert.False(ContentAccess.Permits(approver, Permission.Publish | Permission.Delete, tree.NoiVuArticle));
    }

    [Fact]
    public void Permits_DocumentAndItsPath_SameAnswer()
    {
        var tree = new AccessTree();
        var editor = AccessTree.User("bientap.noivu", AccessTree.Group("unit-so-noi-vu-editors", Editor, false, tree.NoiVu));

        foreach (var document in new[] { tree.Home, tree.NoiVu, tree.NoiVuArticle, tree.TuPhapArticle })
        {
            foreach (var permission in PermissionNames.Each)
            {
                Assert.Equal(ContentAccess.Permits(editor, permission, document.Path), ContentAccess.Permits(editor, permission, document));
            }
        }
    }

    // ---- create ----

    [Fact]
    public void PermitsCreateUnder_RootForGroupWithStartNodeOnly_Refused()
    {
        var tree = new AccessTree();
        var office = AccessTree.User("vanphong", AccessTree.Group("provincialOffice", Permission.All, false, tree.Directives));

        Assert.False(ContentAccess.PermitsCreateUnder(office, null));
        Assert.True(ContentAccess.PermitsCreateUnder(office, tree.Directives));
    }

    [Fact]
    public void PermitsCreateUnder_RootForRootGroupWithCreate_Allowed()
    {
        var administrator = AccessTree.User("quantri", AccessTree.Group(UserGroup.AdministratorsAlias, Permission.All, true));

        Assert.True(ContentAccess.PermitsCreateUnder(administrator, null));
    }

    [Fact]
    public void PermitsCreateUnder_RootForRootGroupWithoutCreate_Refused()
    {
        var homeAffairs = AccessTree.User("sonoivu", AccessTree.Group("homeAffairs", Permission.Browse, true));

        Assert.False(ContentAccess.PermitsCreateUnder(homeAffairs, null));
    }

    [Fact]
    public void PermitsCreateUnder_ParentInsideOrOutsideStartNode_FollowsTheParent()
    {
        var tree = new AccessTree();
        var editor = AccessTree.User("bientap.noivu", AccessTree.Group("unit-so-noi-vu-editors", Editor, false, tree.NoiVu));

        Assert.True(ContentAccess.PermitsCreateUnder(editor, tree.NoiVu));
        Assert.True(ContentAccess.PermitsCreateUnder(editor, tree.NoiVuArticle));
        Assert.False(ContentAccess.PermitsCreateUnder(editor, tree.TuPhap));
        Assert.False(ContentAccess.PermitsCreateUnder(editor, tree.Units));
    }

    [Fact]
    public void PermitsCreateUnder_ParentWithGranularWithoutCreate_Refused()
    {
        var tree = new AccessTree();
        var editors = AccessTree.Group("unit-so-noi-vu-editors", Editor, false, tree.NoiVu);
        editors.SetNodePermission(tree.NoiVuArticle.Key, Permission.Browse | Permission.Update);
        var editor = AccessTree.User("bientap.noivu", editors);

        Assert.False(ContentAccess.PermitsCreateUnder(editor, tree.NoiVuArticle));
        Assert.True(ContentAccess.PermitsCreateUnder(editor, tree.NoiVu));
    }

    // ---- start nodes ----

    [Fact]
    public void StartNodes_GroupsWithStartNodes_DistinctUnion()
    {
        var tree = new AccessTree();
        var user = AccessTree.User("nguoi.hai.nhom",
            AccessTree.Group("unit-so-noi-vu-editors", Editor, false, tree.NoiVu),
            AccessTree.Group("unit-so-noi-vu-approvers", Approver, false, tree.NoiVu),
            AccessTree.Group("provincialOffice", Permission.All, false, tree.Directives));

        var nodes = ContentAccess.StartNodes(user, out var wholeTree);

        Assert.False(wholeTree);
        Assert.Equal(new[] { tree.NoiVu.Key, tree.Directives.Key }.Order(), nodes.Order());
    }

    [Fact]
    public void StartNodes_OneGroupWithRootAccess_WholeTree()
    {
        var tree = new AccessTree();
        var user = AccessTree.User("sonoivu",
            AccessTree.Group("unit-so-noi-vu-editors", Editor, false, tree.NoiVu),
            AccessTree.Group("homeAffairs", Permission.Browse, true));

        var nodes = ContentAccess.StartNodes(user, out var wholeTree);

        Assert.True(wholeTree);
        Assert.Empty(nodes);
    }

    [Fact]
    public void StartNodes_GroupWithoutStartNodes_NothingAndNotWholeTree()
    {
        var procedures = AccessTree.User("thutuc", AccessTree.Group("procedures", Permission.All, false));

        var nodes = ContentAccess.StartNodes(procedures, out var wholeTree);

        Assert.False(wholeTree);
        Assert.Empty(nodes);
    }

    // ---- actor: administrators and sections ----

    [Fact]
    public void IsAdministrator_MemberOfAdministrators_True()
    {
        var user = AccessTree.User("quantri", AccessTree.Group("homeAffairs", Permission.Browse, true),
            AccessTree.Group(UserGroup.AdministratorsAlias, Permission.All, true));

        Assert.True(user.IsAdministrator);
    }

    [Fact]
    public void IsAdministrator_GroupWithEveryPermissionButAnotherAlias_False()
    {
        var office = AccessTree.User("vanphong", AccessTree.Group("provincialOffice", Permission.All, true));

        Assert.False(office.IsAdministrator);
    }

    [Fact]
    public void AllowsSection_UnionOverGroups()
    {
        var user = AccessTree.User("baokontum",
            AccessTree.Group("newspaper", [Section.Column, Section.Media]),
            AccessTree.Group("homeAffairs", [Section.Content, Section.Forum, Section.Reports]));

        Assert.True(user.AllowsSection(Section.Column));
        Assert.True(user.AllowsSection(Section.Reports));
        Assert.False(user.AllowsSection(Section.Users));
        Assert.False(user.AllowsSection(Section.Settings));
    }

    [Fact]
    public void AllowsSection_UserWithoutGroups_NoSection()
    {
        var nobody = AccessTree.User("khach");

        Assert.All(Section.All, s => Assert.False(nobody.AllowsSection(s)));
    }

    [Fact]
    public void AllowsSection_SystemAndAdministrator_EverySection()
    {
        var administrator = AccessTree.User("quantri", AccessTree.Group(UserGroup.AdministratorsAlias, []));

        Assert.All(Section.All, s => Assert.True(administrator.AllowsSection(s)));
        Assert.All(Section.All, s => Assert.True(Actor.System("usync-import").AllowsSection(s)));
    }

    [Fact]
    public void User_IpAddressAndKey_KeptForTheTimeline()
    {
        var key = Guid.NewGuid();

        var actor = Actor.User(key, "bientap.noivu", [], "203.0.113.5");

        Assert.Equal((key, "bientap.noivu", "203.0.113.5", false), (actor.UserKey!.Value, actor.Name, actor.IpAddress, actor.IsSystem));
    }
}
