using System.Net;
using System.Text.Json;
using Portal.Web.Tests.Features.Search.Relevance;

namespace Portal.Web.Tests.Features.Search;

/// <summary><c>/tim-kiem/goi-y</c>: the titles the search box's script offers while someone types.</summary>
[Collection(SearchPagesCollection.Name)]
public sealed class SearchSuggestionsTests(SeededSearchSite site) : IDisposable
{
    private readonly HttpClient client = site.Factory.CreateClient();

    public void Dispose() => client.Dispose();

    [Theory]
    [InlineData("sân khấu")]
    [InlineData("san khau")]
    public async Task Suggestions_TypedWords_ReturnMatchingTitlesAsJson(string typed)
    {
        var url = SearchPageKit.SeededUrl(site.Factory);

        using var response = await client.GetAsync(new Uri("/tim-kiem/goi-y?q=" + Uri.EscapeDataString(typed), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var items = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync()).EnumerateArray().ToList();
        Assert.InRange(items.Count, 1, 8);
        Assert.All(items, i => Assert.Equal(["title", "url"], i.EnumerateObject().Select(p => p.Name)));
        Assert.Contains(items, i => i.GetProperty("title").GetString() == SearchPageKit.SeededTitle && i.GetProperty("url").GetString() == url);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?q=")]
    [InlineData("?q=s")]
    [InlineData("?q=%20%20đ%20")]
    public async Task Suggestions_FewerThanTwoCharacters_ReturnEmptyArray(string query)
    {
        using var response = await client.GetAsync(new Uri("/tim-kiem/goi-y" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("title:x AND *")]
    [InlineData("((((")]
    [InlineData("\"unclosed")]
    public async Task Suggestions_HostileText_AnswersJson(string typed)
    {
        using var response = await client.GetAsync(new Uri("/tim-kiem/goi-y?q=" + Uri.EscapeDataString(typed), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync()).ValueKind);
    }

    [Fact]
    public async Task Suggestions_Answer_MayBeReusedByTheBrowserForAMinute()
    {
        using var response = await client.GetAsync(new Uri("/tim-kiem/goi-y?q=khai", UriKind.Relative));

        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.CacheControl?.MaxAge);
    }
}
