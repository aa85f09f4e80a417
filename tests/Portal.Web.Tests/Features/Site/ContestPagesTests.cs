using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Schema;
using Portal.Core.Workflow;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Tests.TestHost;

namespace Portal.Web.Tests.Features.Site;

/// <summary>
/// The contest of plan II.4 (uSync/v17/Content/cuoc-thi-tim-hieu-…) as readers see it: announcement, rules, timeline,
/// results. One seeded host for the class: the only writing test adds its own results page and leaves the seeded ones alone.
/// </summary>
public sealed class ContestPagesTests : IClassFixture<SeededSite>
{
    private static readonly Actor HomeAffairs = Actor.System("sonoivu@cchc.kontum.gov.vn");
    private static readonly Guid SeededContest = Guid.Parse("b000753a-c403-5ba1-94a9-c85dbab9a365");
    private static readonly Guid SeededResults = Guid.Parse("219fc89e-4138-5cf1-a3a6-1e8cc2d0fb8c");

    private readonly SeededSite site;

    public ContestPagesTests(SeededSite site) => this.site = site;

    private PublishedRouteTree Tree => site.Services.GetRequiredService<PublishedRouteTree>();

    [Fact]
    public async Task Contest_Seeded_RendersInVietnameseWithRulesAndTimeline()
    {
        var html = await PageAsync(Tree.UrlOf(SeededContest)!);

        Assert.Contains("<html lang=\"vi\"", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Cuộc thi tìm hiểu về công tác cải cách hành chính tỉnh Kon Tum</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"the-le\">Thể lệ</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Sân khấu hóa và xây dựng các tiểu phẩm truyền thông về công tác cải cách hành chính.", html,
            StringComparison.Ordinal);
        var timeline = Regex.Match(html, "<ol class=\"timeline\">(.*?)</ol>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("<strong>Tổ chức cuộc thi</strong>", timeline, StringComparison.Ordinal);
        Assert.Contains("đến 30/09/2018", timeline, StringComparison.Ordinal);
        Assert.Contains("hoàn thành trong Quý III-2018", timeline, StringComparison.Ordinal);
        // The plan names no audience: the page says so instead of guessing one.
        Assert.Contains("<dt>Đối tượng dự thi</dt><dd>Sẽ thông báo sau</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Tree.UrlOf(SeededResults)}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_SeededWithoutPrizes_ShowsNotYetAnnouncedSummaryAndNoTable()
    {
        var html = await PageAsync(Tree.UrlOf(SeededResults)!);

        Assert.Contains("Kết quả cuộc thi chưa được công bố. Sẽ thông báo sau.", html, StringComparison.Ordinal);
        Assert.Contains("Ngày công bố: Sẽ thông báo sau", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Tree.UrlOf(SeededContest)}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Column_Seeded_LinksToTheContestResultsPageWhichAnswers200()
    {
        var html = await PageAsync("/chuyen-trang-cchc/");

        var box = Regex.Match(html, "<aside class=\"box\" aria-labelledby=\"ket-qua-cuoc-thi\">(.*?)</aside>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("Kết quả cuộc thi tìm hiểu", box, StringComparison.Ordinal);
        var link = Regex.Match(box, "href=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(Tree.UrlOf(SeededResults), link);
        using var response = await site.Client.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Results_PublishedWithAPrize_ShowsThePrizeRow()
    {
        var prizeType = site.Services.GetRequiredService<ISchemaCatalog>().FindContentType("contestPrize")!.Key;
        var prizes = BlockListValue.Write([new BlockItem(Guid.NewGuid(), prizeType, new Dictionary<string, string>
        {
            ["prizeName"] = "Giải Nhất", ["winnerName"] = "Đội tuyên truyền thử nghiệm", ["unitName"] = "Đơn vị thử nghiệm",
            ["score"] = "95.5",
        })]);
        var title = "Kết quả thử nghiệm có giải thưởng";
        var created = await site.Services.GetRequiredService<ContentEditing>().CreateAsync("contestResults", SeededContest, title,
            new Dictionary<string, string> { ["title"] = title, ["announcedOn"] = "2026-03-02", ["prizes"] = prizes }, HomeAffairs);
        Assert.True(created.Succeeded, created.Status.ToString());
        var published = await site.Services.GetRequiredService<ContentPublishing>().PublishAsync(created.DocumentKey!.Value, HomeAffairs);
        Assert.True(published.Succeeded, published.Status.ToString());

        var html = await PageAsync(Tree.UrlOf(created.DocumentKey.Value)!);

        const string row = "<tr><th scope=\"row\">Giải Nhất</th><td>Đội tuyên truyền thử nghiệm</td><td>Đơn vị thử nghiệm</td>"
            + "<td class=\"num\">95,5</td></tr>";
        Assert.Contains(row, html, StringComparison.Ordinal);
        Assert.Contains("Ngày công bố: 02/03/2026", html, StringComparison.Ordinal);
    }

    private async Task<string> PageAsync(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
