using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Programme;
using Portal.Data;
using Portal.Data.Audit;
using Portal.Infrastructure.Programme.IndexResults;
using Portal.Web.Tests.Features.SignIn;

namespace Portal.Web.Tests.Features.Backoffice.IndexResults;

/// <summary>One host for the index-results tests; each test works on its own unit and year.</summary>
public sealed class IndexResultsSiteFixture : IAsyncLifetime
{
    internal BackofficeSite Site { get; private set; } = null!;

    public async Task InitializeAsync() => Site = await BackofficeSite.StartAsync([]);

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

public sealed class IndexResultsSectionTests(IndexResultsSiteFixture fixture) : IClassFixture<IndexResultsSiteFixture>
{
    private const string Root = "/umbraco/bao-cao/chi-so";
    private const string HomeAffairs = "homeAffairs";

    private BackofficeSite Site => fixture.Site;

    private IndexResultBook Book => Site.Services.GetRequiredService<IndexResultBook>();

    private IndexResultUnit Unit(string segment) =>
        Book.Units().Single(u => u.Url.TrimEnd('/').EndsWith("/" + segment, StringComparison.Ordinal));

    private static Dictionary<string, string> Form(string index, string year, string scope, string score, string rank = "", string rankOf = "") => new()
    {
        ["chi-so"] = index, ["nam"] = year, ["pham-vi"] = scope, ["diem"] = score, ["diem-toi-da"] = "", ["hang"] = rank, ["tong-so"] = rankOf,
        ["nguon"] = "Quyết định 125/QĐ-UBND", ["ghi-chu"] = "",
    };

    private async Task<string> PublicAsync(string url)
    {
        using var client = Site.Factory.CreateClient();
        return await client.GetStringAsync(new Uri(url, UriKind.Relative));
    }

    private async Task<string?> ETagAsync(string url)
    {
        using var client = Site.Factory.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return response.Headers.ETag?.Tag;
    }

    [Fact]
    public async Task AddUnitResult_ByHomeAffairs_ShowsOnTheUnitPageAndInTheBackofficeTable()
    {
        var unit = Unit("so-tu-phap");
        var before = await PublicAsync(unit.Url);
        var browser = await Site.SignedInAsync(HomeAffairs, "Chuyên viên Sở Nội vụ");

        var (response, _) = await browser.SubmitAsync(Root, Root, Form(nameof(ReformIndex.Par), "2024", unit.Key.ToString(), "91,25", "2", "20"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Root + "?thong-bao=da-them", response.Headers.Location?.OriginalString);
        Assert.DoesNotContain("<h2 id=\"ket-qua-chi-so\">", before, StringComparison.Ordinal);
        var page = await PublicAsync(unit.Url);
        Assert.Contains($"<caption>Chỉ số cải cách hành chính (PAR Index) của {unit.Name}, điểm (tối đa 100)</caption>", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">91,25</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">2/20</td>", page, StringComparison.Ordinal);
        var (_, backoffice) = await browser.GetAsync(response.Headers.Location!.OriginalString);
        var text = BackofficeBrowser.Text(backoffice);
        Assert.Contains("Đã thêm kết quả chỉ số.", text, StringComparison.Ordinal);
        Assert.Contains($"2024 {unit.Name} 91,25/100 2/20 Quyết định 125/QĐ-UBND", text, StringComparison.Ordinal);
        await using var db = await Site.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Contains(await db.AuditLog.Where(e => e.EntityType == AuditEntityTypes.IndexResult).Select(e => e.Note).ToListAsync(),
            note => note == $"PAR Index 2024 {unit.Name}: 91,25/100, hạng 2/20");
    }

    [Fact]
    public async Task AddResult_SameIndexYearAndUnitAgain_IsRefusedWithTheMessageAndTheInputKept()
    {
        var unit = Unit("so-xay-dung");
        var (first, _) = await Book.CreateAsync(Actor.System("kiem-thu"), ReformIndex.Sipas, unit.Key,
            new IndexResultFigures(2023, 80m, null, null, null, null, null), CancellationToken.None);
        Assert.Equal(ProgrammeOperationStatus.Success, first);
        var browser = await Site.SignedInAsync(HomeAffairs, "Chuyên viên Sở Nội vụ");

        var (response, html) = await browser.SubmitAsync(Root, Root, Form(nameof(ReformIndex.Sipas), "2023", unit.Key.ToString(), "77.5"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(ProgrammeOperationStatus.DuplicateResult.ToVietnamese(), BackofficeBrowser.Text(html), StringComparison.Ordinal);
        Assert.Contains("id=\"diem\" name=\"diem\" type=\"text\" value=\"77.5\"", html, StringComparison.Ordinal);
        Assert.Equal(80m, Assert.Single(await Book.ForUnitAsync(unit.Key, CancellationToken.None), r => r.Index == ReformIndex.Sipas).Score);
    }

    [Fact]
    public async Task AddResult_ByAUnitEditor_IsForbidden()
    {
        var unit = Unit("so-khoa-hoc-va-cong-nghe");
        var browser = await Site.SignedInAsync("unit-so-khoa-hoc-va-cong-nghe-editors", "Biên tập viên Sở Khoa học và Công nghệ");
        var (_, home) = await browser.GetAsync("/umbraco");

        var (response, _) = await browser.PostAsync(Root, Form(nameof(ReformIndex.Par), "2024", unit.Key.ToString(), "95"),
            BackofficeBrowser.TokenIn(home, "/umbraco/dang-xuat"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await Book.ForUnitAsync(unit.Key, CancellationToken.None));
    }

    [Fact]
    public async Task ChangeResult_WithTheVersionSeenBeforeSomeoneElseSaved_IsRefusedAsStale()
    {
        var unit = Unit("so-y-te");
        var (_, result) = await Book.CreateAsync(Actor.System("kiem-thu"), ReformIndex.Pci, unit.Key,
            new IndexResultFigures(2022, 60m, null, 5, 20, null, null), CancellationToken.None);
        var browser = await Site.SignedInAsync(HomeAffairs, "Chuyên viên Sở Nội vụ");
        var path = $"{Root}/{result!.Key}";
        var (_, editPage) = await browser.GetAsync(path);
        var token = BackofficeBrowser.TokenIn(editPage, path);
        var (other, _) = await Book.ChangeAsync(Actor.System("nguoi-khac"), result.Key, result.Version,
            new IndexResultFigures(2022, 61m, null, 4, 20, null, null), CancellationToken.None);
        Assert.Equal(ProgrammeOperationStatus.Success, other);

        var (response, html) = await browser.PostAsync(path, new Dictionary<string, string>
        {
            ["phien-ban"] = "0", ["nam"] = "2022", ["diem"] = "65,5", ["diem-toi-da"] = "", ["hang"] = "3", ["tong-so"] = "20", ["nguon"] = "", ["ghi-chu"] = "",
        }, token);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(ProgrammeOperationStatus.Stale.ToVietnamese(), BackofficeBrowser.Text(html), StringComparison.Ordinal);
        Assert.Equal(61m, (await Book.FindAsync(result.Key, CancellationToken.None))!.Score);
    }

    [Fact]
    public async Task ChangeThenDelete_UnitResult_UnitPageFollowsAndEmptiesAgain()
    {
        var unit = Unit("so-giao-thong-van-tai");
        var (_, result) = await Book.CreateAsync(Actor.System("kiem-thu"), ReformIndex.Par, unit.Key,
            new IndexResultFigures(2021, 70m, null, 9, 20, null, null), CancellationToken.None);
        var browser = await Site.SignedInAsync(HomeAffairs, "Chuyên viên Sở Nội vụ");
        var path = $"{Root}/{result!.Key}";
        Assert.Contains("<td class=\"num\">70</td>", await PublicAsync(unit.Url), StringComparison.Ordinal);
        var etagBefore = await ETagAsync(unit.Url);

        var (changed, _) = await browser.SubmitAsync(path, path, new Dictionary<string, string>
        {
            ["phien-ban"] = "0", ["nam"] = "2021", ["diem"] = "72.75", ["diem-toi-da"] = "", ["hang"] = "7", ["tong-so"] = "20", ["nguon"] = "", ["ghi-chu"] = "",
        });
        var afterChange = await PublicAsync(unit.Url);
        var etagAfter = await ETagAsync(unit.Url);
        var (unconfirmed, refusal) = await browser.SubmitAsync(path, path + "/xoa", new Dictionary<string, string> { ["phien-ban"] = "1" });
        var (deleted, _) = await browser.SubmitAsync(path, path + "/xoa", new Dictionary<string, string> { ["phien-ban"] = "1", ["xac-nhan"] = "co" });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("<td class=\"num\">72,75</td>", afterChange, StringComparison.Ordinal);
        // A browser revalidating its copy must not be told "not modified" after the figure changed.
        Assert.NotEqual(etagBefore, etagAfter);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("Hãy đánh dấu ô xác nhận trước khi xóa kết quả.", BackofficeBrowser.Text(refusal), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.DoesNotContain("<h2 id=\"ket-qua-chi-so\">", await PublicAsync(unit.Url), StringComparison.Ordinal);
        Assert.Null(await Book.FindAsync(result.Key, CancellationToken.None));
    }

    [Fact]
    public async Task IndexResultsPage_SeededProvinceFigures_ShowWithEmptyYearsLeftEmpty()
    {
        var html = await PublicAsync("/ket-qua-chi-so/");

        var par = Regex.Match(html, "<section aria-labelledby=\"h-par\">(.*?)</section>", RegexOptions.Singleline).Groups[1].Value;
        var pci = Regex.Match(html, "<section aria-labelledby=\"h-pci\">(.*?)</section>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Matches("<th scope=\"row\">2023</th>\\s*<td class=\"num\">86,14</td>\\s*<td class=\"num\">43/63</td>", par);
        Assert.Matches("<th scope=\"row\">2019</th>\\s*<td class=\"num\">Chưa có số liệu</td>", par);
        Assert.Matches("<th scope=\"row\">2021</th>\\s*<td class=\"num\">58,95</td>", pci);
        Assert.Contains("VCCI công bố năm 2021 giảm 3,07 điểm", pci, StringComparison.Ordinal);
    }
}
