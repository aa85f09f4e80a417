using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Workflow;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Tests.TestHost;

namespace Portal.Web.Tests.Features.Site;

/// <summary>
/// The newspaper's placements on the CCHC column as readers see them, on the column and the home page. Each test curates
/// the column of its own seeded host through the workflow verbs, on a fake clock so that display windows open and close
/// without waiting; pages are requested through the output cache, as a reader's browser would. Windows are minutes long:
/// advancing the fake clock fires every periodic timer of the host (the outbox poller ticks twice a second) once per period.
/// </summary>
public sealed class ColumnCurationTests : IAsyncLifetime
{
    private static readonly Actor Newspaper = Actor.System("baokontum@cchc.kontum.gov.vn");

    private readonly string folder = TestServices.NewDataDirectory();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
    private PortalFactory baseFactory = null!;
    private WebApplicationFactory<Program> factory = null!;
    private HttpClient client = null!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private PublishedRouteTree Tree => factory.Services.GetRequiredService<PublishedRouteTree>();

    public Task InitializeAsync()
    {
        baseFactory = new PortalFactory(folder, new Dictionary<string, string?>());
        factory = baseFactory.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        client = factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
        await baseFactory.DisposeAsync();
        TestServices.DeleteQuietly(folder);
    }

    [Fact]
    public async Task Column_FeaturedAndOtherPlacements_FeaturedFirstAndMarkedThenOthersThenOwnItemsOnce()
    {
        var (a, b) = (ColumnArticle(0), ColumnArticle(1));
        var elsewhere = await PublishUnitArticleAsync("Sở Y tế công khai thủ tục hành chính tại bộ phận một cửa");
        await PlaceAsync(new ColumnPlacement(a), new ColumnPlacement(elsewhere), new ColumnPlacement(b, Featured: true));

        var html = await PageAsync("/chuyen-trang-cchc/");

        Assert.Equal([(Url(b), true), (Url(a), false), (Url(elsewhere), false)], CuratedPage.Curated(html));
        var newest = CuratedPage.Newest(html);
        Assert.DoesNotContain(Url(a), newest);
        Assert.DoesNotContain(Url(b), newest);
        Assert.Equal(Url(ColumnArticle(2)), newest[0]);
    }

    [Fact]
    public async Task Column_ShowFromReachedWithoutPublish_PlacementAppearsAndTheOldCopyIsNotServed()
    {
        var (later, now) = (ColumnArticle(0), ColumnArticle(1));
        await PlaceAsync(new ColumnPlacement(later, Featured: true, ShowFrom: Now.AddMinutes(2)), new ColumnPlacement(now));
        var before = await client.GetAsync(new Uri("/chuyen-trang-cchc/", UriKind.Relative));
        var beforeHtml = await before.Content.ReadAsStringAsync();

        clock.Advance(TimeSpan.FromMinutes(2));
        var after = await PageAsync("/chuyen-trang-cchc/");
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, new Uri("/chuyen-trang-cchc/", UriKind.Relative));
        revalidate.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        var revalidated = await client.SendAsync(revalidate);

        Assert.Equal([(Url(now), false)], CuratedPage.Curated(beforeHtml));
        Assert.Equal(Url(later), CuratedPage.Newest(beforeHtml)[0]);
        Assert.Equal([(Url(later), true), (Url(now), false)], CuratedPage.Curated(after));
        Assert.DoesNotContain(Url(later), CuratedPage.Newest(after));
        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode);
    }

    [Fact]
    public async Task Column_ShowUntilPassed_PlacementLeavesTheCuratedBlockAndReturnsToTheList()
    {
        var item = ColumnArticle(3);
        await PlaceAsync(new ColumnPlacement(item, ShowUntil: Now.AddMinutes(2)));
        var before = await PageAsync("/chuyen-trang-cchc/");

        clock.Advance(TimeSpan.FromMinutes(2));
        var after = await PageAsync("/chuyen-trang-cchc/");

        Assert.Equal([(Url(item), false)], CuratedPage.Curated(before));
        Assert.DoesNotContain(CuratedPage.CuratedHeading, after, StringComparison.Ordinal);
        Assert.Contains(Url(item), CuratedPage.Newest(after));
    }

    [Fact]
    public async Task Home_FeaturedPlacementVisible_ShowcaseListsOnlyFeaturedThenFallsBackWhenItsWindowCloses()
    {
        var (a, featured, c) = (ColumnArticle(4), ColumnArticle(5), ColumnArticle(6));
        await PlaceAsync(new ColumnPlacement(a), new ColumnPlacement(featured, Featured: true, ShowUntil: Now.AddMinutes(2)), new ColumnPlacement(c));
        var before = await PageAsync("/");

        clock.Advance(TimeSpan.FromMinutes(2));
        var after = await PageAsync("/");

        Assert.Equal([(Url(featured), true)], CuratedPage.Showcase(before));
        Assert.Equal([(Url(a), false), (Url(c), false)], CuratedPage.Showcase(after));
    }

    [Fact]
    public async Task Home_NoPlacementVisible_HasNoShowcase()
    {
        await PlaceAsync(new ColumnPlacement(ColumnArticle(0), Featured: true, ShowFrom: Now.AddDays(2)));

        var html = await PageAsync("/");

        Assert.DoesNotContain(CuratedPage.ShowcaseHeading, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Column_PlacedItemUnpublished_LeavesTheCuratedBlock()
    {
        var elsewhere = await PublishUnitArticleAsync("Sở Y tế rút ngắn thời gian giải quyết hồ sơ");
        await PlaceAsync(new ColumnPlacement(elsewhere, Featured: true), new ColumnPlacement(ColumnArticle(0)));
        var url = Url(elsewhere);
        var before = await PageAsync("/chuyen-trang-cchc/");

        var unpublished = await factory.Services.GetRequiredService<ContentPublishing>().UnpublishAsync(elsewhere, Newspaper);
        var after = await PageAsync("/chuyen-trang-cchc/");

        Assert.True(unpublished.Succeeded, unpublished.Status.ToString());
        Assert.Equal((url, true), CuratedPage.Curated(before)[0]);
        Assert.Equal([(Url(ColumnArticle(0)), false)], CuratedPage.Curated(after));
    }

    [Fact]
    public async Task Pages_WindowEdgeWithinAMinute_BrowserMaxAgeEndsAtTheEdge()
    {
        await PlaceAsync(new ColumnPlacement(ColumnArticle(0), ShowFrom: Now.AddSeconds(25)));

        var column = await client.GetAsync(new Uri("/chuyen-trang-cchc/", UriKind.Relative));
        var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        var unit = await client.GetAsync(new Uri("/don-vi/so-noi-vu/", UriKind.Relative));

        Assert.Equal(TimeSpan.FromSeconds(25), column.Headers.CacheControl!.MaxAge);
        Assert.Equal(TimeSpan.FromSeconds(25), home.Headers.CacheControl!.MaxAge);
        Assert.Equal(TimeSpan.FromSeconds(60), unit.Headers.CacheControl!.MaxAge);
    }

    /// <summary>The seeded column's own articles, newest first.</summary>
    private Guid ColumnArticle(int index)
    {
        var column = Tree.Resolve("/chuyen-trang-cchc/")!;
        return Tree.ChildrenOf(column.Key).Where(n => n.ContentTypeAlias == "article").OrderByDescending(n => n.CreatedAt).ElementAt(index).Key;
    }

    private string Url(Guid key) => Tree.UrlOf(key)!;

    private async Task<string> PageAsync(string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>An article of a unit (not of the column), published, as the newspaper may place any unit's article.</summary>
    private async Task<Guid> PublishUnitArticleAsync(string title)
    {
        var unit = Tree.Resolve("/don-vi/so-y-te/")!;
        var created = await factory.Services.GetRequiredService<ContentEditing>().CreateAsync("article", unit.Key, title, new Dictionary<string, string>
        {
            ["title"] = title,
            ["summary"] = "Tin, bài về cải cách hành chính của Sở Y tế.",
            ["body"] = "<p>Nội dung chi tiết.</p>",
            ["category"] = "[\"Tin tức\"]",
        }, Newspaper);
        Assert.True(created.Succeeded, created.Status.ToString());
        var published = await factory.Services.GetRequiredService<ContentPublishing>().PublishAsync(created.DocumentKey!.Value, Newspaper);
        Assert.True(published.Succeeded, published.Status.ToString());
        return created.DocumentKey!.Value;
    }

    /// <summary>Replaces the column's placements and publishes it, as the newspaper does from the backoffice.</summary>
    private async Task PlaceAsync(params ColumnPlacement[] placements)
    {
        var column = Tree.Resolve("/chuyen-trang-cchc/")!;
        var content = (await factory.Services.GetRequiredService<PublishedContentCache>().GetAsync(column, CancellationToken.None))!;
        var values = new Dictionary<string, string>(content.Values, StringComparer.Ordinal)
        {
            [ColumnPlacements.FieldAlias] = ColumnPlacements.Write(placements, content.Text(ColumnPlacements.FieldAlias)),
        };

        var saved = await factory.Services.GetRequiredService<ContentEditing>().SaveDraftAsync(column.Key, null, content.Name, values, Newspaper);
        Assert.True(saved.Succeeded, saved.Status.ToString());
        var published = await factory.Services.GetRequiredService<ContentPublishing>().PublishAsync(column.Key, Newspaper);
        Assert.True(published.Succeeded, published.Status.ToString());
    }
}
