using System.Net;
using Portal.Infrastructure.Search;
using static Portal.Web.Tests.Features.Feeds.FeedTestKit;

namespace Portal.Web.Tests.Features.Search.Relevance;

/// <summary>
/// Whatever is typed into the search box is words and "quoted phrases", never query syntax: no input makes a search fail,
/// syntax characters around real words do not change what they find, and syntax alone finds nothing (not everything).
/// Inputs are named so that test names stay readable and control characters or lone surrogates reach the engine unchanged.
/// </summary>
[Collection(SeededSearchSiteCollection.Name)]
public sealed class SearchHostileQueryTests(SeededSearchSite site)
{
    private const string KhaiSinh = "1.001193";

    /// <summary>Inputs that hold no word at all: a search for them finds nothing.</summary>
    private static readonly Dictionary<string, string?> Wordless = new(StringComparer.Ordinal)
    {
        ["null"] = null,
        ["empty"] = "",
        ["whitespace"] = " \t\r\n\u00a0\u3000 ",
        ["match all"] = "*:*",
        ["star"] = "*",
        ["question mark"] = "?",
        ["minus"] = "-",
        ["plus"] = "+",
        ["and operator"] = "&&",
        ["or operator"] = "||",
        ["not operator"] = "!",
        ["backslash"] = "\\",
        ["open parentheses"] = "((((",
        ["close parentheses"] = "))))",
        ["lone quote"] = "\"",
        ["empty phrase"] = "\"\"",
        ["braces"] = "{}",
        ["regex slashes"] = "//",
        ["colon"] = ":",
        ["control characters"] = "\u0000\u0001\u001b\u007f",
        ["lone high surrogate"] = "\ud800",
        ["lone low surrogate"] = "\udc00",
        ["emoji"] = "👶🏽🎉",
        ["direction marks"] = "\u200f\u200e\u202b\u202c",
        ["zero-width characters"] = "\u200b\u200c\u200d\ufeff",
        ["combining marks alone"] = "\u0300\u0301\u0323",
        ["long punctuation"] = new string('(', 5_000),
    };

    /// <summary>“khai sinh” wrapped in syntax, stray characters or noise: it still finds the khai sinh procedure.</summary>
    private static readonly Dictionary<string, string> AroundKhaiSinh = new(StringComparer.Ordinal)
    {
        ["parentheses"] = "(khai sinh)",
        ["plus and minus"] = "+khai -sinh",
        ["operators"] = "khai && sinh || !",
        ["unclosed quote"] = "\"khai sinh",
        ["wildcards"] = "khai* sinh?",
        ["regex"] = "/khai sinh/",
        ["backslashes"] = "khai\\ sinh\\",
        ["fuzzy and boost"] = "khai~ sinh^",
        ["braces"] = "{khai} [sinh]",
        ["escaped quote"] = "khai \\\"sinh",
        ["control character"] = "khai\u0000 sinh\u0007",
        ["lone surrogate"] = "khai \ud800 sinh",
        ["emoji"] = "khai sinh 👶",
        ["direction marks"] = "\u200fkhai sinh\u200e",
        ["repeated to 5,000 characters"] = string.Concat(Enumerable.Repeat("khai sinh ", 500)),
        ["smart quotes"] = "“khai sinh”",
    };

    /// <summary>Inputs mixing syntax with words that do not all occur: the search only has to answer.</summary>
    private static readonly Dictionary<string, string> Mixed = new(StringComparer.Ordinal)
    {
        ["field syntax"] = "title:khai sinh",
        ["boolean words"] = "a AND OR NOT",
        ["range"] = "[* TO *]",
        ["range with words"] = "[a TO z]",
        ["exclusive range"] = "{a TO b}",
        ["fuzzy"] = "a~2^3",
        ["regex"] = "/[a-z]+/",
        ["script"] = "<script>alert(1)</script>",
        ["sql"] = "'; DROP TABLE documents; --",
        ["long word"] = new string('a', 5_000),
        ["many words"] = string.Join(' ', Enumerable.Range(0, 1_000).Select(i => "w" + i)),
    };

    public static TheoryData<string> WordlessNames => [.. Wordless.Keys];

    public static TheoryData<string> AroundKhaiSinhNames => [.. AroundKhaiSinh.Keys];

    public static TheoryData<string> MixedNames => [.. Mixed.Keys];

    [Theory]
    [MemberData(nameof(WordlessNames))]
    public async Task SiteSearch_InputWithoutWords_AnswersWithNothing(string name)
    {
        var text = Wordless[name];

        var results = await site.SearchAsync(text);
        var suggestions = await site.Search.SuggestAsync(text, 5, CancellationToken.None);

        Assert.Equal(0, results.Total);
        Assert.Empty(results.Hits);
        Assert.Empty(suggestions);
    }

    [Theory]
    [MemberData(nameof(AroundKhaiSinhNames))]
    public async Task SiteSearch_SyntaxAroundWords_FindsTheWords(string name)
    {
        var text = AroundKhaiSinh[name];

        var results = await site.SearchAsync(text);

        var khaiSinh = results.Hits.Take(3).FirstOrDefault(h => h.Code == KhaiSinh);
        Assert.True(khaiSinh is not null,
            $"{name}: khai sinh should be within the first 3. Got:{Environment.NewLine}{SeededSearchSite.Describe(results)}");
        Assert.Contains(khaiSinh.Key, site.Search.MatchProcedures(text) ?? []);
        await site.Search.SuggestAsync(text, 5, CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(MixedNames))]
    public async Task SiteSearch_SyntaxWithUnknownWords_Answers(string name)
    {
        var text = Mixed[name];

        var results = await site.SearchAsync(text);
        await site.Search.SuggestAsync(text, 5, CancellationToken.None);
        site.Search.MatchProcedures(text);

        Assert.False(results.Degraded);
        Assert.InRange(results.Hits.Count, 0, 10);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(int.MinValue)]
    [InlineData(1_000)]
    [InlineData(int.MaxValue)]
    public async Task SiteSearch_PageOutOfRange_Answers(int page)
    {
        // The page comes from the address (?page=), so anyone can send any number.
        var results = await site.Search.SearchAsync(new SearchRequest("thủ tục", Page: page), CancellationToken.None);

        Assert.True(results.Total > 0, "“thủ tục” is in every procedure's name");
        Assert.True(results.Page >= 1, $"page {results.Page}");
    }

    [Theory]
    [InlineData("*:*", null, null)]
    [InlineData("\"", null, null)]
    [InlineData(null, "00000000-0000-0000-0000-000000000000", null)]
    [InlineData(null, null, -1)]
    [InlineData(null, null, int.MaxValue)]
    public async Task SiteSearch_FilterOutOfRange_FindsNothing(string? type, string? unit, int? year)
    {
        var request = new SearchRequest("khai sinh", Type: type, Unit: unit is null ? null : Guid.Parse(unit), Year: year);

        var results = await site.Search.SearchAsync(request, CancellationToken.None);

        Assert.Equal(0, results.Total);
    }

    [Fact]
    public async Task SiteSearch_TitleWithMarkup_HighlightsOnlyWithMarkTags()
    {
        const string title = "<b>Zqxhtml</b> & <script>alert(1)</script> \"Zqxquote\" <mark>zqxfake</mark>";
        await PublishArticleAsync(site.Factory, "/chuyen-trang-cchc/", title,
            summary: "<i>zqxhtml</i> & <img src=x onerror=alert(1)> <mark>zqxfake</mark> 'zqxquote'");

        var hit = await WaitForHitAsync("zqxhtml");

        Assert.Equal(title, hit.Title);
        AssertSafe(hit.TitleHtml, hit.Title);
        Assert.Contains("<mark>Zqxhtml</mark>", hit.TitleHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark>zqxfake", hit.TitleHtml, StringComparison.Ordinal);
        AssertSafe(hit.SnippetHtml, null);
        Assert.DoesNotContain("<mark>zqxfake", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("thôn văn hóa")]
    [InlineData("Tăng cường công tác thông tin")]
    [InlineData("Ia H'Drai")]
    [InlineData("phản ánh, kiến nghị")]
    public async Task SiteSearch_SeedTitlesWithQuotesAndPunctuation_AreEncoded(string query)
    {
        var results = await site.SearchAsync(query);

        Assert.NotEmpty(results.Hits);
        foreach (var hit in results.Hits)
        {
            AssertSafe(hit.TitleHtml, hit.Title);
            AssertSafe(hit.SnippetHtml, null);
        }
    }

    /// <summary>
    /// Rendered with Html.Raw, the fragment may only open &lt;mark&gt; elements; without them it is the encoded text, so it
    /// decodes back to the plain title.
    /// </summary>
    private static void AssertSafe(string html, string? plain)
    {
        var unmarked = html.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);
        Assert.DoesNotContain("<", unmarked, StringComparison.Ordinal);
        Assert.DoesNotContain(">", unmarked, StringComparison.Ordinal);
        if (plain is not null)
        {
            Assert.Equal(plain, WebUtility.HtmlDecode(unmarked));
        }
    }

    /// <summary>A publish reaches the index through the outbox a moment later: ask until it is there.</summary>
    private async Task<SearchHit> WaitForHitAsync(string word)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var results = await site.SearchAsync(word);
            if (results.Hits.Count > 0)
            {
                return Assert.Single(results.Hits);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), patience.Token);
        }
    }
}
