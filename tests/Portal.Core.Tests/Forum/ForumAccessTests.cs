using Portal.Core.Access;
using Portal.Core.Forum;

namespace Portal.Core.Tests.Forum;

public sealed class ForumAccessTests
{
    private static readonly Guid SoXayDung = new("6b1f3d2e-0000-4000-8000-000000000001");
    private static readonly Guid SoTaiChinh = new("6b1f3d2e-0000-4000-8000-000000000002");

    private static UserGroup Group(string alias, string name, string[] sections, Permission permissions, Guid? unitKey) =>
        new(Guid.NewGuid(), alias, name, sections, permissions, hasRootAccess: false, [], unitKey);

    private static Actor ActorFor(string kind) => Actor.User(Guid.NewGuid(), kind, kind switch
    {
        "administrator" => [Group(UserGroup.AdministratorsAlias, "Quản trị hệ thống", [], Permission.None, null)],
        "moderator" => [Group("so-noi-vu-forum", "Sở Nội vụ – kiểm duyệt diễn đàn", [Section.Forum], Permission.Browse, null)],
        "content-editor" => [Group("bien-tap-tin-bai", "Biên tập tin bài", [Section.Content], Permission.All, null)],
        "unit-editor" => [Group("unit-so-xay-dung-editors", "Sở Xây dựng – biên tập", [Section.Content, Section.Forum],
            Permission.Browse | Permission.Create | Permission.Update | Permission.SendForApproval, SoXayDung)],
        "unit-approver" => [Group("unit-so-xay-dung-approvers", "Sở Xây dựng – phê duyệt", [Section.Content, Section.Forum],
            Permission.All, SoXayDung)],
        "unit-no-forum" => [Group("unit-so-xay-dung-content", "Sở Xây dựng – tin bài", [Section.Content], Permission.All, SoXayDung)],
        _ => [],
    }, "10.0.0.7");

    [Theory]
    //          actor             moderator writes approves transfers
    [InlineData("administrator", true, true, true, true)]
    [InlineData("moderator", true, false, false, true)]
    [InlineData("unit-editor", false, true, false, false)]
    [InlineData("unit-approver", false, true, true, true)]
    [InlineData("unit-no-forum", false, false, false, false)]
    [InlineData("content-editor", false, false, false, false)]
    [InlineData("nobody", false, false, false, false)]
    public void Access_ByGroup_GivesTheExpectedRights(string kind, bool moderates, bool writes, bool approves, bool transfers)
    {
        var actor = ActorFor(kind);

        Assert.Equal(moderates, ForumAccess.IsModerator(actor));
        Assert.Equal(writes, ForumAccess.CanWriteAnswer(actor, SoXayDung));
        Assert.Equal(approves, ForumAccess.CanApproveAnswer(actor, SoXayDung));
        Assert.Equal(transfers, ForumAccess.CanTransfer(actor, SoXayDung));
    }

    [Theory]
    [InlineData("unit-editor")]
    [InlineData("unit-approver")]
    public void Access_UnitUser_HasNoRightsOnAnotherUnit(string kind)
    {
        var actor = ActorFor(kind);

        Assert.False(ForumAccess.CanWriteAnswer(actor, SoTaiChinh));
        Assert.False(ForumAccess.CanApproveAnswer(actor, SoTaiChinh));
        Assert.False(ForumAccess.CanTransfer(actor, SoTaiChinh));
        Assert.False(ForumAccess.CanWriteAnswer(actor, null));
        Assert.False(ForumAccess.CanApproveAnswer(actor, null));
    }

    [Fact]
    public void UnitsOf_OnlyGroupsWithUnitAndForumSection()
    {
        var actor = Actor.User(Guid.NewGuid(), "nhieu.nhom", [
            Group("unit-so-xay-dung-editors", "Sở Xây dựng – biên tập", [Section.Forum], Permission.Browse, SoXayDung),
            Group("unit-so-tai-chinh-content", "Sở Tài chính – tin bài", [Section.Content], Permission.All, SoTaiChinh),
            Group("so-noi-vu-forum", "Sở Nội vụ – kiểm duyệt diễn đàn", [Section.Forum], Permission.Browse, null),
        ], null);

        Assert.Equal([SoXayDung], ForumAccess.UnitsOf(actor));
        Assert.Empty(ForumAccess.UnitsOf(ActorFor("moderator")));
        Assert.Empty(ForumAccess.UnitsOf(ActorFor("unit-no-forum")));
    }

    [Fact]
    public void IsModerator_SystemYes_AnonymousNo()
    {
        Assert.True(ForumAccess.IsModerator(Actor.System("forum-reminders")));
        Assert.True(ForumAccess.CanApproveAnswer(Actor.System("forum-reminders"), SoXayDung));
        Assert.False(ForumAccess.IsModerator(Actor.Anonymous("203.113.1.5")));
        Assert.False(ForumAccess.CanWriteAnswer(Actor.Anonymous("203.113.1.5"), SoXayDung));
    }
}
