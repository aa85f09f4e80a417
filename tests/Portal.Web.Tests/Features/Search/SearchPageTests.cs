using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Web.Tests.Features.Search.Relevance;
using static Portal.Web.Tests.Features.Search.SearchPageKit;

namespace Portal.Web.Tests.Features.Search;

/// <summary>
/// <c>/tim-kiem</c> as a citizen's browser receives it, without JavaScript: highlighted results, filters with counts, paging,
/// order, and answers to anything typed. Tests that need their own results publish items carrying a made-up word of their own.
/// </summary>
[Collection(SearchPagesCollection.Name)]
public sealed class SearchPageTests(SeededSearchSite site) : IDisposable
{
    private readonly HttpClient client = site.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private WebApplicationFactory<Program> Factory => site.Factory;

    public void Dispose() => client.Dispose();

    [Theory]
    [InlineData("sân khấu hóa")]
    [InlineData("san khau hoa")]
    [InlineData("SÂN KHẤU HOÁ")]
    [InlineData("decomposed")]
    public async Task SeededArticle_WithOrWithoutDiacritics_IsFirstAndHighlighted(string typed)
    {
        var text = typed == "decomposed" ? "sân khấu hóa".Normalize(NormalizationForm.FormD) : typed;

        var html = await SearchAsync(client, Q(text));

        Assert.NotEmpty(Hits(html));
        var first = Hits(html)[0];
        Assert.Equal(SeededUrl(Factory), first.Url);
        Assert.Equal(SeededTitle, first.Title);
        Assert.Contains("<mark>", first.TitleHtml, StringComparison.Ordinal);
        Assert.StartsWith("Tin bài · ", first.Meta, StringComparison.Ordinal);
        Assert.Matches(@"\d{2}/\d{2}/\d{4}", first.Meta);
        Assert.True(Total(html) >= 1);
        Assert.Contains("kết quả cho «" + Html.Encode(text.Normalize(NormalizationForm.FormC)) + "»", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_EachChoice_ShowsAsManyResultsAsItsCount()
    {
        const string word = "zqloctest";
        var unit = Resolve(Factory, "/don-vi/so-tu-phap/");
        var older = await PublishDirectiveAsync(Factory, "Chỉ đạo " + word + " về một cửa", new DateOnly(2019, 5, 10));
        await PublishDirectiveAsync(Factory, "Chỉ đạo " + word + " về dịch vụ công", new DateOnly(2023, 3, 1));
        await PublishArticleAsync(Factory, "Tin " + word + " của Sở Tư pháp", unit);
        await PublishArticleAsync(Factory, "Tin " + word + " chung của tỉnh");

        var all = await PollAsync(client, SearchUrl(Q(word)), h => Total(h) == 4);

        Assert.Equal(4, Total(all));
        Assert.Equal(2, Options(all, "loai").Single(o => o.Label == "Tin bài").Count);
        Assert.Equal(2, Options(all, "loai").Single(o => o.Label == "Tin chỉ đạo điều hành").Count);
        Assert.Equal(1, Options(all, "don-vi").Single(o => o.Label == "Sở Tư pháp").Count);
        Assert.Equal(1, Options(all, "nam").Single(o => o.Label == "2019").Count);
        foreach (var key in new[] { "loai", "don-vi", "nam" })
        {
            foreach (var option in Options(all, key))
            {
                var narrowed = await SearchAsync(client, Q(word) + "&" + key + "=" + Uri.EscapeDataString(option.Value));
                Assert.True(option.Count == Total(narrowed), $"{key}={option.Value} ({option.Label}) counts {option.Count}, shows {Total(narrowed)}");
                Assert.True(Options(narrowed, key).Single(o => o.Value == option.Value).Selected, $"{key}={option.Value} is shown as chosen");
            }
        }

        // Two filters combine.
        var both = await SearchAsync(client, Q(word) + "&loai=directive&nam=2019");
        Assert.Equal([UrlOf(Factory, older)], Hits(both).Select(h => h.Url));
    }

    [Fact]
    public async Task Paging_NextAndPrevious_KeepEveryFilter()
    {
        const string word = "zqtrangtest";
        for (var i = 0; i < 12; i++)
        {
            await PublishArticleAsync(Factory, $"Tin {word} số {i:00}");
        }

        await PublishDirectiveAsync(Factory, "Chỉ đạo " + word, new DateOnly(2024, 1, 2));
        var filters = Q(word) + "&loai=article&sap-xep=moi-nhat";
        var first = await PollAsync(client, SearchUrl(filters), h => Total(h) == 12);

        var next = Rel(first, "next");
        Assert.Equal(SearchUrl(filters + "&trang=2"), next);
        var second = await GetHtmlAsync(next!);
        Assert.Equal(SearchUrl(filters), Rel(second, "prev"));
        Assert.Null(Rel(second, "next"));
        Assert.Contains("Trang 2/2", second, StringComparison.Ordinal);

        var shown = Hits(first).Concat(Hits(second)).ToList();
        Assert.Equal(12, shown.Select(h => h.Url).Distinct().Count());
        Assert.All(shown, h => Assert.StartsWith("Tin bài · ", h.Meta, StringComparison.Ordinal));
        Assert.Equal(2, Hits(second).Count);
    }

    [Fact]
    public async Task NewestFirst_OrdersByDateAndIsRememberedInTheForm()
    {
        const string word = "zqxeptest";
        await PublishDirectiveAsync(Factory, "Chỉ đạo " + word + " năm 2019", new DateOnly(2019, 4, 1));
        await PublishDirectiveAsync(Factory, "Chỉ đạo " + word + " năm 2023", new DateOnly(2023, 8, 15));
        await PublishDirectiveAsync(Factory, "Chỉ đạo " + word + " năm 2021", new DateOnly(2021, 12, 31));
        await PollAsync(client, SearchUrl(Q(word)), h => Total(h) == 3);

        var newest = await SearchAsync(client, Q(word) + "&sap-xep=moi-nhat");

        Assert.Equal(["Chỉ đạo zqxeptest năm 2023", "Chỉ đạo zqxeptest năm 2021", "Chỉ đạo zqxeptest năm 2019"], Hits(newest).Select(h => h.Title));
        Assert.Equal([new DateOnly(2023, 8, 15), new DateOnly(2021, 12, 31), new DateOnly(2019, 4, 1)], Hits(newest).Select(h => h.Date));
        Assert.Contains("<option value=\"moi-nhat\" selected=\"selected\">", newest, StringComparison.Ordinal);
    }

    public static TheoryData<string> HostileNames => [.. Hostile.Keys];

    private static readonly Dictionary<string, string> Hostile = new(StringComparer.Ordinal)
    {
        ["field syntax"] = "title:x AND *",
        ["unclosed quote"] = "\"unclosed",
        ["backslash"] = "\\",
        ["parentheses"] = "((((",
        ["range"] = "[a TO z]",
        ["fuzzy and boost"] = "a~2^3",
        ["script"] = "<script>alert(1)</script>",
        ["5,000 characters"] = string.Concat(Enumerable.Repeat("khai sinh ", 500)).TrimEnd(),
        ["attribute breakout"] = "\" onfocus=\"alert(1)\" autofocus x=\"",
        ["ampersand and entities"] = "A & B &lt;b&gt; &#x3C;",
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task HostileText_Answers200WithTheTextEncoded(string name)
    {
        var text = Hostile[name];
        var baseline = Count(await SearchAsync(client, Q("khai sinh")), "<script");

        var html = await SearchAsync(client, Q(text));

        Assert.Contains("value=\"" + Html.Encode(text) + "\"", html, StringComparison.Ordinal);
        Assert.Contains("kết quả cho «" + Html.Encode(text) + "»", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onfocus=\"alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(baseline, Count(html, "<script"));
    }

    [Fact]
    public async Task ControlCharacters_AreDroppedFromTheEcho()
    {
        var html = await SearchAsync(client, "q=%00khai%01%1b%20sinh%7f%0d%0a");

        Assert.Contains("value=\"khai sinh\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(html, c => c is '\0' or '\u0001' or '\u001b' or '\u007f');
        Assert.True(Total(html) > 0);
    }

    [Theory]
    [InlineData("don-vi=khong-phai-ma")]
    [InlineData("don-vi=00000000000000000000000000000000")]
    [InlineData("don-vi=zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData("nam=1800")]
    [InlineData("nam=99999")]
    [InlineData("nam=99999999999999")]
    [InlineData("nam=hai-nghin")]
    [InlineData("loai=khong-co-loai-nay")]
    [InlineData("loai=%3Cscript%3E")]
    [InlineData("sap-xep=ngau-nhien")]
    [InlineData("trang=-3")]
    [InlineData("trang=99999999999")]
    public async Task InvalidFilter_IsIgnored(string filter)
    {
        var plain = await SearchAsync(client, Q("khai sinh"));

        var html = await SearchAsync(client, Q("khai sinh") + "&" + filter);

        Assert.True(Total(plain) > 0);
        Assert.Equal(Total(plain), Total(html));
        Assert.Equal(Hits(plain).Select(h => h.Url), Hits(html).Select(h => h.Url));
    }

    [Fact]
    public async Task NothingFound_AdvisesRemovingFiltersAndTypingWithoutDiacritics()
    {
        var unit = Resolve(Factory, "/don-vi/so-tu-phap/").ToString("N");

        var html = await SearchAsync(client, Q("zqkhongcogi") + "&don-vi=" + unit);

        Assert.Equal(0, Total(html));
        Assert.Contains("<a href=\"/tim-kiem/?q=zqkhongcogi\">bỏ các bộ lọc đang chọn</a>", html, StringComparison.Ordinal);
        Assert.Contains("gõ không dấu cũng được", html, StringComparison.Ordinal);
        Assert.Empty(Hits(html));
    }

    [Fact]
    public async Task WithoutText_ShowsTheFormAndNoResults()
    {
        var html = await GetHtmlAsync(SearchPath);

        Assert.Contains("role=\"search\"", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"q\">Từ khóa</label>", html, StringComparison.Ordinal);
        Assert.Contains("<button class=\"button\" type=\"submit\">Tìm kiếm</button>", html, StringComparison.Ordinal);
        Assert.Null(Total(html));
    }

    [Fact]
    public async Task Results_AreNeverStoredOrRevalidatedAgainstTheTree()
    {
        using var response = await client.GetAsync(new Uri(SearchUrl(Q("khai sinh")), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.True(response.Headers.CacheControl?.NoCache, response.Headers.CacheControl?.ToString());
    }

    private Task<string> GetHtmlAsync(string url) => Procedures.ProcedureTestKit.GetHtmlAsync(client, url);

    private static int Count(string html, string part)
    {
        var count = 0;
        for (var at = html.IndexOf(part, StringComparison.OrdinalIgnoreCase); at >= 0; at = html.IndexOf(part, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }
}
