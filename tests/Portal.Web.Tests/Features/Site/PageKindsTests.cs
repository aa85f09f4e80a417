using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Tests.TestHost;

namespace Portal.Web.Tests.Features.Site;

/// <summary>Every public page kind, as a citizen's browser receives it (one seeded host shared by these read-only tests).</summary>
public sealed class PageKindsTests : IClassFixture<SeededSite>
{
    private readonly SeededSite site;

    /// <summary>Children of the seeded column: 20 articles, a training course and the contest (plan II.4).</summary>
    private const int ColumnChildren = 22;

    private static readonly Guid[] SeededPlacements =
    [
        Guid.Parse("68af8ad7-612c-51ff-9dc8-2f25f6328e5d"), Guid.Parse("4a3fd940-9963-5e37-bd12-474cc4e5ca28"),
        Guid.Parse("4c46c7ab-9d39-58cc-98c7-bc3664d6c7d7"),
    ];

    public PageKindsTests(SeededSite site) => this.site = site;

    /// <summary>The seeded column's placements (uSync/v17/Content/chuyen-trang-cchc.config) in curated order; the first is featured.</summary>
    private List<string> SeededPlacementUrls()
    {
        var tree = site.Services.GetRequiredService<PublishedRouteTree>();
        return SeededPlacements.Select(k => tree.UrlOf(k)!).ToList();
    }

    [Fact]
    public async Task Home_Seeded_ShowsNewsDirectivesProcedureSearchIndexSummaryAndPortals()
    {
        var html = await site.Client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("Tin cải cách hành chính mới", html, StringComparison.Ordinal);
        Assert.Contains("Chỉ đạo, điều hành", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/thu-tuc-hanh-chinh/\"", html, StringComparison.Ordinal);
        Assert.Contains("Chỉ số cải cách hành chính (PAR Index) năm 2023: <strong>86,14</strong>, xếp thứ 43/63", html, StringComparison.Ordinal);
        Assert.Contains("https://dichvucong.kontum.gov.vn", html, StringComparison.Ordinal);
        Assert.Contains("http://nguoidan.chinhphu.vn", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Column_FirstPage_PutsCuratedItemsFirstThenNewestWithNextLink()
    {
        var html = await site.Client.GetStringAsync(new Uri("/chuyen-trang-cchc/", UriKind.Relative));

        var curated = html.IndexOf(CuratedPage.CuratedHeading, StringComparison.Ordinal);
        var newest = html.IndexOf(CuratedPage.NewestHeading, StringComparison.Ordinal);
        Assert.True(curated > 0 && newest > curated);
        Assert.Contains("<link rel=\"next\" href=\"/chuyen-trang-cchc/?trang=2\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Column_SecondPage_HasPreviousLinkAndNoCuratedBlock()
    {
        var html = await site.Client.GetStringAsync(new Uri("/chuyen-trang-cchc/?trang=2", UriKind.Relative));

        Assert.Contains("<link rel=\"prev\" href=\"/chuyen-trang-cchc/\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain(CuratedPage.CuratedHeading, html, StringComparison.Ordinal);
        Assert.Contains("Trang 2/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Column_SeededPlacements_HeadThePageFeaturedFirstAndMarked()
    {
        var urls = SeededPlacementUrls();

        var html = await site.Client.GetStringAsync(new Uri("/chuyen-trang-cchc/", UriKind.Relative));

        Assert.Equal([(urls[0], true), (urls[1], false), (urls[2], false)], CuratedPage.Curated(html));
        Assert.All(urls, url => Assert.DoesNotContain(url, CuratedPage.Newest(html)));
    }

    [Fact]
    public async Task Column_AnyPageOfTheUnfilteredList_RepeatsNoPlacedItem()
    {
        var urls = SeededPlacementUrls();

        var first = await site.Client.GetStringAsync(new Uri("/chuyen-trang-cchc/", UriKind.Relative));
        var second = await site.Client.GetStringAsync(new Uri("/chuyen-trang-cchc/?trang=2", UriKind.Relative));

        var listed = CuratedPage.Newest(first).Concat(CuratedPage.Newest(second)).ToList();
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.All(urls, url => Assert.DoesNotContain(url, listed));
        Assert.Contains($"<p class=\"meta\">Trang 2/2 · {ColumnChildren - urls.Count} tin bài</p>", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Column_CategoryFilter_ListsPlacedItemsOfThatCategoryWithoutCuratedBlock()
    {
        // The featured placement is the oldest of the fourteen "Tin tức" articles: the last page of that category.
        var featured = SeededPlacementUrls()[0];

        var first = await site.Client.GetStringAsync(new Uri("/chuyen-trang-cchc/?chuyen-muc=tin-tuc", UriKind.Relative));
        var last = await site.Client.GetStringAsync(new Uri("/chuyen-trang-cchc/?chuyen-muc=tin-tuc&trang=2", UriKind.Relative));

        Assert.DoesNotContain(CuratedPage.CuratedHeading, first, StringComparison.Ordinal);
        Assert.Contains("Trang 1/2 · 14 tin bài", first, StringComparison.Ordinal);
        Assert.Equal(featured, CuratedPage.Newest(last)[^1]);
    }

    [Fact]
    public async Task Home_SeededPlacements_ShowcaseListsOnlyTheFeaturedOne()
    {
        var urls = SeededPlacementUrls();

        var html = await site.Client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Equal([(urls[0], true)], CuratedPage.Showcase(html));
    }

    [Fact]
    public async Task Article_WithRelatedItems_ListsThemFirstThenSiblingsOfItsCategory()
    {
        var tree = site.Services.GetRequiredService<PublishedRouteTree>();
        var article = tree.UrlOf(Guid.Parse("68af8ad7-612c-51ff-9dc8-2f25f6328e5d"))!;
        var directive = tree.UrlOf(Guid.Parse("9c66a4c3-44d6-589e-9ec0-a62e67d8927f"))!;

        var html = await site.Client.GetStringAsync(new Uri(article, UriKind.Relative));

        var related = CuratedPage.Links(html[html.IndexOf("<h2 id=\"lien-quan\">", StringComparison.Ordinal)..]);
        Assert.Equal(directive, related[0]);
        Assert.Equal(5, related.Count);
        Assert.All(related.Skip(1), url => Assert.StartsWith("/chuyen-trang-cchc/", url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Column_CategoryFilter_ListsOnlyThatCategory()
    {
        var html = await site.Client.GetStringAsync(new Uri("/chuyen-trang-cchc/?chuyen-muc=hoi-dap", UriKind.Relative));

        var categories = Regex.Matches(html, @"</time> · ([^<]+)</span>").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(categories);
        Assert.All(categories, c => Assert.Equal("Hỏi đáp", c));
    }

    [Fact]
    public async Task Article_Seeded_HasMetaSharePrintAndRelatedItems()
    {
        var url = site.FirstChildUrl("/chuyen-trang-cchc/", "article");

        var html = await site.Client.GetStringAsync(new Uri(url, UriKind.Relative));
        var print = await site.Client.GetStringAsync(new Uri(url + "?ban-in=1", UriKind.Relative));

        Assert.Contains("https://www.facebook.com/sharer/sharer.php?u=", html, StringComparison.Ordinal);
        Assert.Contains("?ban-in=1\">Bản in</a>", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:type\" content=\"article\">", html, StringComparison.Ordinal);
        Assert.Contains("\"@type\":\"NewsArticle\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("site.js", print, StringComparison.Ordinal);
        Assert.DoesNotContain("Chuyên mục chính", print, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_ZaloAccountConfigured_LinksToZaloSharePageAndHasAHiddenShareButton()
    {
        var url = site.FirstChildUrl("/chuyen-trang-cchc/", "article");

        var html = await site.Client.GetStringAsync(new Uri(url, UriKind.Relative));

        var zalo = Regex.Match(html, "<a href=\"([^\"]+)\" aria-label=\"Chia sẻ qua Zalo\">Zalo</a>");
        Assert.True(zalo.Success, "no Zalo link");
        Assert.Equal($"https://sp.zalo.me/plugins/share?oaid={SeededSite.ZaloAccount}&href={Uri.EscapeDataString("http://localhost" + url)}"
            + "&layout=1&color=blue&customize=false", WebUtility.HtmlDecode(zalo.Groups[1].Value));
        Assert.Matches($"<button type=\"button\" class=\"button\" data-share-url=\"http://localhost{Regex.Escape(url)}\" data-share-title=\"[^\"]+\" hidden>Chia sẻ…</button>", html);
        Assert.DoesNotContain("zalo.me/sdk", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directive_Seeded_ShowsNumberDateSignerAndBody()
    {
        var html = await site.Client.GetStringAsync(new Uri("/chi-dao-dieu-hanh/", UriKind.Relative));
        var tree = site.Services.GetRequiredService<PublishedRouteTree>();
        var list = tree.Resolve("/chi-dao-dieu-hanh/")!;
        var plan = tree.ChildrenOf(list.Key).First(n => n.ContentTypeAlias == "directive");
        var directive = await site.Client.GetStringAsync(new Uri(tree.UrlOf(plan.Key)!, UriKind.Relative));

        Assert.Contains(plan.Name, html, StringComparison.Ordinal);
        Assert.Contains("<dt>Số hiệu văn bản</dt>", directive, StringComparison.Ordinal);
        Assert.Contains("<dt>Ngày ban hành</dt>", directive, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Units_Seeded_AreGroupedByKind()
    {
        var html = await site.Client.GetStringAsync(new Uri("/don-vi/", UriKind.Relative));

        var departments = html.IndexOf("<h2>Sở, ban, ngành</h2>", StringComparison.Ordinal);
        var districts = html.IndexOf("<h2>Huyện, thành phố</h2>", StringComparison.Ordinal);
        Assert.True(departments > 0 && districts > departments);
        Assert.True(html.IndexOf("Sở Nội vụ", StringComparison.Ordinal) < districts);
        Assert.True(html.IndexOf("Huyện Đăk Glei", StringComparison.Ordinal) > districts);
    }

    [Fact]
    public async Task Unit_Seeded_ListsItsColumnArticlesAndAMonthlyTable()
    {
        var html = await site.Client.GetStringAsync(new Uri("/don-vi/so-noi-vu/", UriKind.Relative));

        Assert.Contains("Tin bài cải cách hành chính", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/chuyen-trang-cchc/", html, StringComparison.Ordinal);
        Assert.Contains("Số tin bài cải cách hành chính theo tháng năm 2026", html, StringComparison.Ordinal);
        Assert.Equal(12, Regex.Count(html, "<td class=\"num\">"));
        Assert.Contains("\"@type\":\"GovernmentOrganization\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LegalDocuments_FilterByTypeAndYear_ListsOnlyMatchingDocuments()
    {
        var all = await site.Client.GetStringAsync(new Uri("/van-ban/", UriKind.Relative));
        var decrees = await site.Client.GetStringAsync(new Uri("/van-ban/?loai=" + Uri.EscapeDataString("Nghị định"), UriKind.Relative));
        var year2016 = await site.Client.GetStringAsync(new Uri("/van-ban/?nam=2016", UriKind.Relative));

        Assert.Contains("<p class=\"meta\">15 văn bản</p>", all, StringComparison.Ordinal);
        Assert.Contains("<td>92/2017/NĐ-CP</td>", decrees, StringComparison.Ordinal);
        Assert.Contains("<td>20/2008/NĐ-CP</td>", decrees, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>457/KH-UBND</td>", decrees, StringComparison.Ordinal);
        Assert.Contains("<td>35/NQ-CP</td>", year2016, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>457/KH-UBND</td>", year2016, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2016\" selected=\"selected\">2016</option>", year2016, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndexResults_Page_DrawsAChartAndATablePerIndexWithGapsLeftEmpty()
    {
        var html = await site.Client.GetStringAsync(new Uri("/ket-qua-chi-so/", UriKind.Relative));

        Assert.Equal(4, Regex.Count(html, "<svg "));
        Assert.Equal(4, Regex.Count(html, "<caption>"));
        Assert.Contains("<td class=\"num\">86,14</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">Chưa có số liệu</td>", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\" aria-labelledby=\"t-par\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("buu chinh")]
    [InlineData("bưu chính")]
    [InlineData("BƯU CHÍNH")]
    public async Task Search_WithOrWithoutDiacritics_FindsThePostalServiceArticle(string query)
    {
        var html = await site.Client.GetStringAsync(new Uri("/tim-kiem/?q=" + Uri.EscapeDataString(query), UriKind.Relative));

        Assert.Matches("Tìm thấy [1-9][0-9]* kết quả", html);
        // Matched words are highlighted one by one: <mark>bưu</mark> <mark>chính</mark>.
        Assert.Contains("bưu chính", html.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal),
            StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Page_RequestedAgainWithItsETag_Answers304()
    {
        var first = await site.Client.GetAsync(new Uri("/don-vi/", UriKind.Relative));
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/don-vi/", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var response = await site.Client.SendAsync(again);

        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/don-vi/so-noi-vu/")]
    public async Task Page_WithoutImages_TransfersAtMost60Kilobytes(string path)
    {
        var html = await site.Client.GetStringAsync(new Uri(path, UriKind.Relative));
        long total = System.Text.Encoding.UTF8.GetByteCount(html);
        foreach (Match asset in Regex.Matches(html, "(?:href|src)=\"(/theme/[^\"]+)\""))
        {
            total += (await site.Client.GetByteArrayAsync(new Uri(WebUtility.HtmlDecode(asset.Groups[1].Value), UriKind.Relative))).Length;
        }

        Assert.InRange(total, 1, 60 * 1024);
    }

    [Fact]
    public async Task Article_TransfersAtMost60KilobytesAndCarriesItsTextWithoutScripts()
    {
        var url = site.FirstChildUrl("/chuyen-trang-cchc/", "article");
        var html = await site.Client.GetStringAsync(new Uri(url, UriKind.Relative));
        var css = await site.Client.GetByteArrayAsync(new Uri(WebUtility.HtmlDecode(Regex.Match(html, "href=\"(/theme/site.css[^\"]*)\"").Groups[1].Value), UriKind.Relative));
        var js = await site.Client.GetByteArrayAsync(new Uri(WebUtility.HtmlDecode(Regex.Match(html, "src=\"(/theme/site.js[^\"]*)\"").Groups[1].Value), UriKind.Relative));

        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(html) + css.Length + js.Length, 1, 60 * 1024);
        Assert.True(js.Length <= 10 * 1024);
        Assert.Matches("<h1>[^<]+</h1>", html);
        Assert.Contains("<p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThemeAsset_Fingerprinted_IsCachedForAYear()
    {
        var html = await site.Client.GetStringAsync(new Uri("/", UriKind.Relative));
        var css = WebUtility.HtmlDecode(Regex.Match(html, "href=\"(/theme/site.css\\?v=[0-9a-f]{12})\"").Groups[1].Value);

        var response = await site.Client.GetAsync(new Uri(css, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl!.MaxAge);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
    }
}

/// <summary>One seeded host for read-only page tests.</summary>
public sealed class SeededSite : IAsyncLifetime
{
    /// <summary>The province's Zalo Official Account (made up): these pages offer Zalo sharing; <see cref="SiteControllerTests"/> has none.</summary>
    public const string ZaloAccount = "4318290145216379512";

    private readonly string folder = TestServices.NewDataDirectory();
    private PortalFactory factory = null!;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => factory.Services;

    public Task InitializeAsync()
    {
        factory = new PortalFactory(folder, new Dictionary<string, string?> { ["Portal:Site:ZaloOfficialAccountId"] = ZaloAccount });
        Client = factory.CreateClient();
        return Task.CompletedTask;
    }

    public string FirstChildUrl(string parentPath, string contentTypeAlias)
    {
        var tree = Services.GetRequiredService<PublishedRouteTree>();
        var parent = tree.Resolve(parentPath)!;
        return tree.UrlOf(tree.ChildrenOf(parent.Key).First(n => n.ContentTypeAlias == contentTypeAlias).Key)!;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await factory.DisposeAsync();
        TestServices.DeleteQuietly(folder);
    }
}
