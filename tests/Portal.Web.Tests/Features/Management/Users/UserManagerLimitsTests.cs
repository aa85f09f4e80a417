using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Data.Access;
using Portal.Web.Tests.Features.SignIn;
using static Portal.Web.Tests.Features.Management.ManagementHttp;

namespace Portal.Web.Tests.Features.Management.Users;

/// <summary>Someone given the Users section who is not an administrator cannot use it to raise their own rights.</summary>
public sealed class UserManagerLimitsTests
{
    private const string Procedures = "procedures";

    [Fact]
    public async Task UserManagerWhoIsNotAdministrator_CannotGrantMoreThanTheirOwnGroupsOrTouchAdministrators()
    {
        await using var site = await BackofficeSite.StartAsync([Procedures]);
        var admin = await site.ApiAsync(BackofficeAccounts.Administrators);
        var groups = await site.Services.GetRequiredService<UserGroupStore>().AllAsync(CancellationToken.None);
        var procedures = groups.Single(g => g.Alias == Procedures);
        var administrators = groups.Single(g => g.Alias == BackofficeAccounts.Administrators);
        await AssertOkAsync(await PutJsonAsync(admin, $"user-group/{procedures.Key}", new
        {
            name = procedures.Name,
            sections = new List<string> { "procedures", "media", "users" },
        }), "PUT procedures");
        var manager = await site.ApiAsync(Procedures);
        var person = await BackofficeAccounts.CreatePersonAsync(site.Services, "nhan-vien@sotttt.kontum.gov.vn", "Cao Văn Viên", BackofficeAccounts.Newspaper);
        var adminPerson = (await BackofficeAccounts.FindAsync(site.Services, BackofficeAccounts.AdminEmail)).Id;

        var list = await manager.GetAsync(Url("user"));
        var intoAdministrators = await PostJsonAsync(manager, "user/set-user-groups",
            new { userIds = new[] { new { id = person } }, userGroupIds = new[] { new { id = administrators.Key } } });
        var ownGroup = await PutJsonAsync(manager, $"user-group/{procedures.Key}", new { name = procedures.Name, sections = Section.All });
        var administratorsGroup = await PutJsonAsync(manager, $"user-group/{administrators.Key}", new { name = "Đổi tên" });
        var revokeAdministrator = await PostJsonAsync(manager, $"user/{adminPerson}/revoke-sessions", null);
        var intoOwnGroup = await PostJsonAsync(manager, "user/set-user-groups",
            new { userIds = new[] { new { id = person } }, userGroupIds = new[] { new { id = procedures.Key } } });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("Chỉ được xếp người dùng vào những nhóm mà chính bạn là thành viên.",
            (await ProblemAsync(intoAdministrators, HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        Assert.Equal("Không được tự sửa quyền của nhóm mà chính bạn là thành viên.",
            (await ProblemAsync(ownGroup, HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        await ProblemAsync(administratorsGroup, HttpStatusCode.Forbidden);
        await ProblemAsync(revokeAdministrator, HttpStatusCode.Forbidden);
        await AssertOkAsync(intoOwnGroup, "set-user-groups into the manager's own group");
        Assert.Equal([procedures.Key],
            (await GetJsonAsync(admin, $"user/{person}")).GetProperty("userGroupIds").EnumerateArray().Select(g => g.GetProperty("id").GetGuid()));
    }
}
