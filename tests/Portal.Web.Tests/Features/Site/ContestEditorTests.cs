using System.Net;
using Portal.Web.Tests.Features.Backoffice;
using Portal.Web.Tests.Features.SignIn;

namespace Portal.Web.Tests.Features.Site;

/// <summary>
/// The contest types in the backoffice editor, which is driven by the schema: Sở Nội vụ (browse only) sees the seeded
/// contest's timeline blocks; an administrator's form for a new results page offers prize blocks. One host for the class;
/// the tests only read.
/// </summary>
public sealed class ContestEditorTests(BackofficeSiteFixture fixture) : IClassFixture<BackofficeSiteFixture>
{
    private const string SeededContest = "b000753a-c403-5ba1-94a9-c85dbab9a365";

    [Fact]
    public async Task Editor_SeededContest_ShowsItsTimelineStageAsABlock()
    {
        using var homeAffairs = await fixture.Site.SignedInAsync(BackofficeSiteFixture.HomeAffairs, "Chuyên viên Sở Nội vụ");

        var (response, html) = await homeAffairs.GetAsync($"/umbraco/noi-dung/{SeededContest}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<legend>Thời gian tổ chức", html, StringComparison.Ordinal);
        Assert.Contains("<legend>Giai đoạn cuộc thi 1</legend>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Tổ chức cuộc thi\"", html, StringComparison.Ordinal);
        Assert.Contains("Thêm khối «Giai đoạn cuộc thi»", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_NewResultsUnderTheContest_OffersPrizeBlocks()
    {
        using var admin = await fixture.Site.SignedInAsync(BackofficeAccounts.Administrators, "Quản trị viên");

        var (response, html) = await admin.GetAsync($"/umbraco/noi-dung/tao-moi?cha={SeededContest}&loai=contestResults");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thêm khối «Giải thưởng»", html, StringComparison.Ordinal);
        Assert.Contains("Ngày công bố", html, StringComparison.Ordinal);
    }
}
