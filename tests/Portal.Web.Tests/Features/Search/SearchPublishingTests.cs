using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.PublishedCache;
using Portal.Infrastructure.Search;
using Portal.Web.Tests.Features.Delivery;
using Portal.Web.Tests.Features.Management;
using static Portal.Web.Tests.Features.Management.ManagementHttp;
using static Portal.Web.Tests.Features.Search.SearchPageKit;

namespace Portal.Web.Tests.Features.Search;

/// <summary>The site search follows what editors publish and unpublish through the Management API, a moment later.</summary>
public sealed class SearchPublishingTests(ManagementSiteFixture fixture) : IClassFixture<ManagementSiteFixture>
{
    private static readonly string[] News = ["Tin tức"];

    private readonly ManagementSite site = fixture.Site;

    [Fact]
    public async Task Article_PublishedThenUnpublished_AppearsThenDisappears()
    {
        using (var ready = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
        {
            await site.Services.GetRequiredService<SearchIndexes>().WhenReadyAsync(ready.Token);
        }

        const string title = "Hội nghị zqxuatban về chuyển đổi số trong giải quyết thủ tục";
        var id = await site.CreatePublishedAsync(Seed.Column, title, "article", new Dictionary<string, object?>
        {
            ["title"] = title,
            ["summary"] = "Tin về hội nghị chuyển đổi số.",
            ["body"] = new { markup = "<p>Nội dung hội nghị.</p>", blocks = (object?)null },
            ["category"] = News,
        });
        var url = site.Services.GetRequiredService<PublishedRouteTree>().UrlOf(id);
        var search = SearchUrl(Q("zqxuatban"));

        var published = await PollAsync(site.Anonymous, search, h => Total(h) == 1);
        Assert.Equal([(url, title)], Hits(published).Select(h => ((string?)h.Url, h.Title)));

        var admin = await site.ClientForAsync(ManagementSite.Administrators);
        using (var response = await PutJsonAsync(admin, $"document/{id}/unpublish", new { cultures = (string[]?)null }))
        {
            await AssertOkAsync(response, "unpublish");
        }

        var unpublished = await PollAsync(site.Anonymous, search, h => Total(h) == 0);
        Assert.Equal(0, Total(unpublished));
        Assert.Empty(Hits(unpublished));
    }
}
