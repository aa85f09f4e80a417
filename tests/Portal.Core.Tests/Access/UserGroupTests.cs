using Portal.Core.Access;

namespace Portal.Core.Tests.Access;

public sealed class UserGroupTests
{
    private const Permission Editor = AccessTree.EditorPermissions;

    // ---- start nodes and root ----

    [Fact]
    public void On_RootWithoutRootAccess_None()
    {
        var tree = new AccessTree();
        var editors = AccessTree.Group("unit-so-noi-vu-editors", Editor, false, tree.NoiVu);

        Assert.Equal(Permission.None, editors.On(null));
    }

    [Fact]
    public void On_RootWithRootAccess_GroupPermissions()
    {
        var homeAffairs = AccessTree.Group("homeAffairs", Permission.Browse, true);

        Assert.Equal(Permission.Browse, homeAffairs.On(null));
    }

    [Fact]
    public void On_StartNodeItself_GroupPermissions()
    {
        var tree = new AccessTree();
        var editors = AccessTree.Group("unit-so-noi-vu-editors", Editor, false, tree.NoiVu);

        Assert.Equal(Editor, editors.On(tree.NoiVu.Path));
    }

    [Fact]
    public void On_DeepBelowStartNode_GroupPermissions()
    {
        var tree = new AccessTree();
        var editors = AccessTree.Group("unit-so-noi-vu-editors", Editor, false, tree.NoiVu);

        Assert.Equal(Editor, editors.On(tree.NoiVuArticle.Path));
        Assert.Equal(Editor, editors.On(tree.NoiVuArticlePage.Path));
    }

    [Fact]
    public void On_AnotherUnitsSubtree_None()
    {
        var tree = new AccessTree();
        var editors = AccessTree.Group("unit-so-noi-vu-editors", Editor, false, tree.NoiVu);

        Assert.Equal(Permission.None, editors.On(tree.TuPhap.Path));
        Assert.Equal(Permission.None, editors.On(tree.TuPhapArticle.Path));
        Assert.Equal(Permission.None, editors.On(tree.Directive.Path));
    }

    [Fact]
    public void On_AncestorsOfStartNode_None()
    {
        var tree = new AccessTree();
        var editors = AccessTree.Group("unit-so-noi-vu-editors", Editor, false, tree.NoiVu);

        Assert.Equal(Permission.None, editors.On(tree.Units.Path));
        Assert.Equal(Permission.None, editors.On(tree.Home.Path));
    }

    [Fact]
    public void On_RootAccess_ReachesEveryNode()
    {
        var tree = new AccessTree();
        var administrators = AccessTree.Group(UserGroup.AdministratorsAlias, Permission.All, true);

        Assert.All([tree.Home, tree.NoiVuArticlePage, tree.TuPhapArticle, tree.Directive],
            d => Assert.Equal(Permission.All, administrators.On(d.Path)));
    }

    [Fact]
    public void On_TwoStartNodes_ReachesBothSubtreesOnly()
    {
        var tree = new AccessTree();
        var group = AccessTree.Group("two-units", Editor, false, tree.NoiVu, tree.TuPhap);

        Assert.Equal(Editor, group.On(tree.NoiVuArticle.Path));
        Assert.Equal(Editor, group.On(tree.TuPhapArticle.Path));
        Assert.Equal(Permission.None, group.On(tree.Directive.Path));
    }

    [Fact]
    public void On_NoStartNodeAndNoRootAccess_NoneEverywhere()
    {
        var tree = new AccessTree();
        var procedures = AccessTree.Group("procedures", Permission.All, false);

        Assert.All([null, tree.Home.Path, tree.NoiVuArticle.Path, tree.Directive.Path],
            path => Assert.Equal(Permission.None, procedures.On(path)));
    }

    // ---- granular permissions ----

    [Fact]
    public void On_GranularPermissionOnNode_ReplacesDefaultsForItsSubtree()
    {
        var tree = new AccessTree();
        var approvers = AccessTree.Group("unit-so-noi-vu-approvers", AccessTree.ApproverPermissions, false, tree.NoiVu);

        approvers.SetNodePermission(tree.NoiVuArticle.Key, Permission.Browse | Permission.Update);

        Assert.Equal(AccessTree.ApproverPermissions, approvers.On(tree.NoiVu.Path));
        Assert.Equal(Permission.Browse | Permission.Update, approvers.On(tree.NoiVuArticle.Path));
        Assert.Equal(Permission.Browse | Permission.Update, approvers.On(tree.NoiVuArticlePage.Path));
    }

    [Fact]
    public void On_DenyWithNoneBelowAnAllow_DeniedFromThatNodeDown()
    {
        var tree = new AccessTree();
        var group = AccessTree.Group("site-editors", Permission.All, true);
        group.SetNodePermission(tree.NoiVu.Key, Permission.All);

        group.SetNodePermission(tree.NoiVuArticle.Key, Permission.None);

        Assert.Equal(Permission.All, group.On(tree.NoiVu.Path));
        Assert.Equal(Permission.None, group.On(tree.NoiVuArticle.Path));
        Assert.Equal(Permission.None, group.On(tree.NoiVuArticlePage.Path));
        Assert.Equal(Permission.All, group.On(tree.TuPhapArticle.Path));
    }

    [Fact]
    public void On_AllowBelowADeny_NearestGranularWins()
    {
        var tree = new AccessTree();
        var group = AccessTree.Group("units", Editor, true);
        group.SetNodePermission(tree.Units.Key, Permission.None);

        group.SetNodePermission(tree.NoiVuArticle.Key, Permission.Browse);

        Assert.Equal(Permission.None, group.On(tree.Units.Path));
        Assert.Equal(Permission.None, group.On(tree.NoiVu.Path));
        Assert.Equal(Permission.Browse, group.On(tree.NoiVuArticle.Path));
        Assert.Equal(Permission.Browse, group.On(tree.NoiVuArticlePage.Path));
        Assert.Equal(Permission.None, group.On(tree.TuPhapArticle.Path));
        Assert.Equal(Editor, group.On(tree.Directive.Path));
    }

    [Fact]
    public void On_GranularSetDeepFirstThenShallow_NearestStillWins()
    {
        var tree = new AccessTree();
        var group = AccessTree.Group("units", Permission.All, true);

        group.SetNodePermission(tree.NoiVuArticle.Key, Permission.None);
        group.SetNodePermission(tree.Home.Key, Permission.Browse);

        Assert.Equal(Permission.Browse, group.On(tree.Home.Path));
        Assert.Equal(Permission.Browse, group.On(tree.NoiVu.Path));
        Assert.Equal(Permission.None, group.On(tree.NoiVuArticle.Path));
        Assert.Equal(Permission.None, group.On(tree.NoiVuArticlePage.Path));
    }

    [Fact]
    public void On_GranularOnNodeOutsideStartNodes_GrantsNothingThere()
    {
        var tree = new AccessTree();
        var editors = AccessTree.Group("unit-so-noi-vu-editors", Editor, false, tree.NoiVu);

        editors.SetNodePermission(tree.TuPhap.Key, Permission.All);

        Assert.Equal(Permission.None, editors.On(tree.TuPhap.Path));
        Assert.Equal(Permission.None, editors.On(tree.TuPhapArticle.Path));
    }

    [Fact]
    public void On_GranularOnRootAccessGroup_DoesNotChangeTheRoot()
    {
        var tree = new AccessTree();
        var group = AccessTree.Group("site-editors", Permission.All, true);

        group.SetNodePermission(tree.Home.Key, Permission.None);

        Assert.Equal(Permission.All, group.On(null));
        Assert.Equal(Permission.None, group.On(tree.Home.Path));
    }

    [Fact]
    public void SetNodePermission_SameNodeTwice_LastValueStands()
    {
        var tree = new AccessTree();
        var group = AccessTree.Group("unit-so-noi-vu-editors", Editor, false, tree.NoiVu);

        group.SetNodePermission(tree.NoiVuArticle.Key, Permission.None);
        group.SetNodePermission(tree.NoiVuArticle.Key, Permission.Browse);

        Assert.Equal(Permission.Browse, group.On(tree.NoiVuArticle.Path));
        Assert.Single(group.NodePermissions);
    }

    [Fact]
    public void ClearNodePermission_AfterDeny_DefaultsReturn()
    {
        var tree = new AccessTree();
        var group = AccessTree.Group("unit-so-noi-vu-editors", Editor, false, tree.NoiVu);
        group.SetNodePermission(tree.NoiVuArticle.Key, Permission.None);

        group.ClearNodePermission(tree.NoiVuArticle.Key);

        Assert.Equal(Editor, group.On(tree.NoiVuArticle.Path));
        Assert.Empty(group.NodePermissions);
    }

    // ---- change ----

    [Fact]
    public void Change_NewStartNodeAndPermissions_ApplyAtOnce()
    {
        var tree = new AccessTree();
        var group = AccessTree.Group("unit-so-noi-vu-editors", Editor, false, tree.NoiVu);

        group.Change("Biên tập viên – Sở Tư pháp", [Section.Content], Permission.Browse, false, [tree.TuPhap.Key, tree.TuPhap.Key]);

        Assert.Equal(Permission.None, group.On(tree.NoiVuArticle.Path));
        Assert.Equal(Permission.Browse, group.On(tree.TuPhapArticle.Path));
        Assert.Equal([tree.TuPhap.Key], group.StartNodeKeys);
        Assert.Equal("Biên tập viên – Sở Tư pháp", group.Name);
    }

    // ---- sections ----

    [Fact]
    public void AllowsSection_ListedSection_True()
    {
        var newspaper = AccessTree.Group("newspaper", [Section.Column, Section.Media]);

        Assert.True(newspaper.AllowsSection(Section.Column));
        Assert.True(newspaper.AllowsSection(Section.Media));
    }

    [Fact]
    public void AllowsSection_UnlistedSection_False()
    {
        var newspaper = AccessTree.Group("newspaper", [Section.Column, Section.Media]);

        Assert.False(newspaper.AllowsSection(Section.Users));
        Assert.False(newspaper.AllowsSection(Section.Settings));
        Assert.False(newspaper.AllowsSection(Section.Content));
    }

    [Fact]
    public void AllowsSection_AliasInOtherCase_False()
    {
        var newspaper = AccessTree.Group("newspaper", [Section.Column]);

        Assert.False(newspaper.AllowsSection("Column"));
    }

    [Fact]
    public void AllowsSection_Administrators_EverySectionEvenUnlisted()
    {
        var administrators = AccessTree.Group(UserGroup.AdministratorsAlias, []);

        Assert.All(Section.All, s => Assert.True(administrators.AllowsSection(s)));
    }

    [Fact]
    public void Constructor_RepeatedSectionsAndStartNodes_KeptOnce()
    {
        var tree = new AccessTree();

        var group = new UserGroup(Guid.NewGuid(), "g", "G", [Section.Media, Section.Media], Permission.Browse, false, [tree.NoiVu.Key, tree.NoiVu.Key]);

        Assert.Equal([Section.Media], group.Sections);
        Assert.Equal([tree.NoiVu.Key], group.StartNodeKeys);
    }
}
