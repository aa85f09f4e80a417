using System.Net;
using Portal.Web.Tests.TestHost;
using static Portal.Web.Tests.Features.Procedures.ProcedureTestKit;

namespace Portal.Web.Tests.Features.Procedures;

/// <summary>
/// The finder at /thu-tuc-hanh-chinh: facets with counts, the default view, free text, paging. Each test publishes its own
/// procedures with its own keyword and searches for it, so the counts are those of its own data.
/// </summary>
[Collection(ProcedureSiteCollection.Name)]
public sealed class ProcedureFinderTests(ProcedureSite site)
{
    private PortalFactory Factory => site.Factory;

    private HttpClient Client => site.Client;

    private async Task PublishThreeAsync(string marker, int series)
    {
        await PublishProcedureAsync(Factory, new TestProcedure(Code(series, 1), "Đăng ký khai sinh")
        {
            Field = "Hộ tịch", Levels = ["Cấp xã"], OnlineLevel = "Toàn trình", Postal = true, Keywords = [marker, "khai sinh"],
        });
        await PublishProcedureAsync(Factory, new TestProcedure(Code(series, 2), "Đăng ký kết hôn")
        {
            Field = "Hộ tịch", Levels = ["Cấp xã", "Cấp huyện"], OnlineLevel = "Một phần", Keywords = [marker],
        });
        await PublishProcedureAsync(Factory, new TestProcedure(Code(series, 3), "Cấp giấy chứng nhận quyền sử dụng đất")
        {
            // Mentions the second code among its keywords: a whole code match must still rank first.
            Field = "Đất đai", Levels = ["Cấp tỉnh"], OnlineLevel = "Toàn trình", Keywords = [marker, Code(series, 2)],
        });
    }

    private static string Code(int series, int n) => $"9.{series}0000{n}";

    [Fact]
    public async Task Finder_Facets_CountResultsAndNarrowWhenChosen()
    {
        await PublishThreeAsync("kiemthufacet", 1);

        var html = await GetHtmlAsync(Client, "/thu-tuc-hanh-chinh/?q=kiemthufacet");

        Assert.Equal(3, ResultNames(html).Count);
        Assert.Equal(2, Facet(html, "Hộ tịch")!.Value.Count);
        Assert.Equal(1, Facet(html, "Đất đai")!.Value.Count);
        Assert.Equal(2, Facet(html, "Cấp xã")!.Value.Count);
        Assert.Equal(2, Facet(html, "Toàn trình")!.Value.Count);
        Assert.Equal(1, Facet(html, "Có tiếp nhận, trả kết quả qua bưu chính")!.Value.Count);
        Assert.Equal(3, Facet(html, "Đang có hiệu lực")!.Value.Count);

        // Choosing a field narrows the results and every other facet, but not the field facet itself.
        var field = Facet(html, "Hộ tịch")!.Value.Href;
        Assert.Contains("linh-vuc=H%E1%BB%99%20t%E1%BB%8Bch", field, StringComparison.Ordinal);
        var narrowed = await GetHtmlAsync(Client, field);

        // Both match the keyword alike, so their order is the index's; the facet decides which are shown.
        Assert.Equal(["Đăng ký khai sinh", "Đăng ký kết hôn"], ResultNames(narrowed).Order(StringComparer.Ordinal));
        Assert.Equal(1, Facet(narrowed, "Đất đai")!.Value.Count);
        Assert.Equal(1, Facet(narrowed, "Toàn trình")!.Value.Count);
        Assert.Equal(1, Facet(narrowed, "Cấp huyện")!.Value.Count);
        Assert.Null(Facet(narrowed, "Cấp tỉnh"));
        Assert.Contains("aria-current=\"true\"", narrowed, StringComparison.Ordinal);

        // A second facet combines with the first.
        var both = await GetHtmlAsync(Client, Facet(narrowed, "Toàn trình")!.Value.Href);
        Assert.Equal(["Đăng ký khai sinh"], ResultNames(both));
    }

    [Fact]
    public async Task Finder_DefaultView_HidesAbolishedUntilThatStatusIsChosen()
    {
        await PublishThreeAsync("kiemthubaibo", 2);
        await PublishProcedureAsync(Factory, new TestProcedure(Code(2, 4), "Cấp bản sao trích lục hộ tịch") { Field = "Hộ tịch", Keywords = ["kiemthubaibo"] });
        await PublishDecisionAsync(Factory, "77/QĐ-UBND", VietnamToday.AddDays(-3), new TestEntry(Code(2, 4), "Bãi bỏ"));

        var html = await GetHtmlAsync(Client, "/thu-tuc-hanh-chinh/?q=kiemthubaibo");

        Assert.Equal(3, ResultNames(html).Count);
        Assert.DoesNotContain("Cấp bản sao trích lục hộ tịch", ResultNames(html));
        var abolished = Facet(html, "Đã bãi bỏ")!.Value;
        Assert.Equal(1, abolished.Count);
        var chosen = await GetHtmlAsync(Client, abolished.Href);
        Assert.Equal(["Cấp bản sao trích lục hộ tịch"], ResultNames(chosen));
        Assert.Contains("status-da-bai-bo", chosen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finder_FreeTextWithoutDiacritics_FindsByNameAndWholeCodeRanksFirst()
    {
        await PublishThreeAsync("kiemthukhongdau", 3);

        var folded = await GetHtmlAsync(Client, "/thu-tuc-hanh-chinh/?q=dang+ky+khai+sinh+kiemthukhongdau");
        var byField = await GetHtmlAsync(Client, "/thu-tuc-hanh-chinh/?q=dat+dai+kiemthukhongdau");
        var byCode = await GetHtmlAsync(Client, "/thu-tuc-hanh-chinh/?q=" + Code(3, 2));

        Assert.Equal(["Đăng ký khai sinh"], ResultNames(folded));
        Assert.Equal(["Cấp giấy chứng nhận quyền sử dụng đất"], ResultNames(byField));
        Assert.Equal(["Đăng ký kết hôn", "Cấp giấy chứng nhận quyền sử dụng đất"], ResultNames(byCode));
    }

    [Fact]
    public async Task Finder_ManyResults_PagesWithRelPrevNext()
    {
        for (var i = 0; i < 21; i++)
        {
            await PublishProcedureAsync(Factory, new TestProcedure($"9.4000{i:00}", $"Thủ tục phân trang {i:00}") { Keywords = ["kiemthutrang"] });
        }

        var first = await GetHtmlAsync(Client, "/thu-tuc-hanh-chinh/?q=kiemthutrang");
        var second = await GetHtmlAsync(Client, "/thu-tuc-hanh-chinh/?q=kiemthutrang&trang=2");

        Assert.Equal(20, ResultNames(first).Count);
        Assert.Contains("<link rel=\"next\" href=\"/thu-tuc-hanh-chinh/?q=kiemthutrang&amp;trang=2\">", first, StringComparison.Ordinal);
        Assert.Equal(["Thủ tục phân trang 20"], ResultNames(second));
        Assert.Contains("<link rel=\"prev\" href=\"/thu-tuc-hanh-chinh/?q=kiemthutrang\">", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finder_WithoutFilters_RendersTheSearchFormInsteadOfThePlaceholder()
    {
        using var response = await Client.GetAsync(new Uri("/thu-tuc-hanh-chinh/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<form class=\"filters\" method=\"get\" action=\"/thu-tuc-hanh-chinh/\" role=\"search\">", html, StringComparison.Ordinal);
        Assert.Contains("Kết quả tra cứu", html, StringComparison.Ordinal);
    }
}
