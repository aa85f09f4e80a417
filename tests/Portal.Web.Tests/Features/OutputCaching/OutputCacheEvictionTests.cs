using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Workflow;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Tests.TestHost;
using static Portal.Web.Tests.Features.OutputCaching.OutputCacheTestKit;

namespace Portal.Web.Tests.Features.OutputCaching;

/// <summary>
/// Public pages come from the output cache until a change evicts them: after each verb the next request shows the
/// change on the document's page, its section's list and the home page. Each test warms those pages first, so a
/// stale copy would be served if the eviction missed it.
/// </summary>
public sealed class OutputCacheEvictionTests : FreshSiteTests
{
    private IServiceProvider Services => Factory.Services;

    private PublishedRouteTree Routes => Services.GetRequiredService<PublishedRouteTree>();

    [Fact]
    public async Task Page_RequestedTwice_SecondIsTheStoredCopy()
    {
        var first = await GetAsync(Client, Column);
        var second = await GetAsync(Client, Column);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(first.Html, second.Html);
    }

    [Fact]
    public async Task Page_IfNoneMatchOfStoredCopy_AnswersNotModified()
    {
        await GetAsync(Client, Column);
        using var cached = await Client.GetAsync(new Uri(Column, UriKind.Relative));
        Assert.NotNull(cached.Headers.Age);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Column, UriKind.Relative));
        request.Headers.IfNoneMatch.Add(cached.Headers.ETag!);
        using var conditional = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, conditional.StatusCode);
    }

    [Fact]
    public async Task Page_WithAuthorizationHeader_IsNeverStored()
    {
        void Authorized(HttpRequestMessage r) => r.Headers.Authorization = new("Bearer", "editor-token");
        var (key, url) = await PublishArticleAsync(Services, Column, "Bài trước khi sửa");
        await GetAsync(Client, url, Authorized);

        var second = await GetAsync(Client, url, Authorized);
        await RetitleAsync(Services, key, "Bài trước khi sửa", "Bài sau khi sửa");
        var third = await GetAsync(Client, url, Authorized);

        Assert.False(second.FromCache);
        Assert.False(third.FromCache);
        Assert.Contains("Bài sau khi sửa", third.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ChangedTitle_ArticleSectionAndHomeShowNewTitle()
    {
        var (key, url) = await PublishArticleAsync(Services, Column, "Tiêu đề cũ của bài");
        await WarmAllAsync(url, Column, "/");

        // Lists show the document's name and the page its title field: both change, and with the name the address.
        await RetitleAsync(Services, key, "Tiêu đề mới của bài", "Tiêu đề mới của bài");
        var renamed = Routes.UrlOf(key)!;

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(Client, url)).Status);
        foreach (var path in new[] { renamed, Column, "/" })
        {
            var page = await GetAsync(Client, path);
            Assert.Contains("Tiêu đề mới của bài", page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("Tiêu đề cũ của bài", page.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unpublish_Article_PageGoneAndListsNoLongerShowIt()
    {
        var (key, url) = await PublishArticleAsync(Services, Column, "Bài sẽ bị gỡ xuống");
        await WarmAllAsync(url, Column, "/");

        Succeeded(await Services.GetRequiredService<ContentPublishing>().UnpublishAsync(key, Tester));

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(Client, url)).Status);
        Assert.DoesNotContain("Bài sẽ bị gỡ xuống", (await GetAsync(Client, Column)).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bài sẽ bị gỡ xuống", (await GetAsync(Client, "/")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trash_Article_PageGoneAndListsNoLongerShowIt()
    {
        var (key, url) = await PublishArticleAsync(Services, Column, "Bài sẽ vào thùng rác");
        await WarmAllAsync(url, Column, "/");

        Succeeded(await Services.GetRequiredService<ContentStructure>().TrashAsync(key, Tester));

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(Client, url)).Status);
        Assert.DoesNotContain("Bài sẽ vào thùng rác", (await GetAsync(Client, Column)).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bài sẽ vào thùng rác", (await GetAsync(Client, "/")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Move_ArticleToUnit_OldAddressGoneNewUnitAndHomeLinkNewAddress()
    {
        var unit = Routes.ChildrenOf(Routes.Resolve("/don-vi/")!.Key).First(n => n.ContentTypeAlias == "unit");
        var unitUrl = Routes.UrlOf(unit.Key)!;
        var (key, url) = await PublishArticleAsync(Services, Column, "Bài chuyển sang đơn vị");
        await WarmAllAsync(url, Column, "/", unitUrl);

        Succeeded(await Services.GetRequiredService<ContentStructure>().MoveAsync(key, unit.Key, Tester));
        var moved = Routes.UrlOf(key)!;

        Assert.NotEqual(url, moved);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(Client, url)).Status);
        Assert.DoesNotContain("Bài chuyển sang đơn vị", (await GetAsync(Client, Column)).Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{moved}\"", (await GetAsync(Client, unitUrl)).Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{moved}\"", (await GetAsync(Client, "/")).Html, StringComparison.Ordinal);
        Assert.Contains("Bài chuyển sang đơn vị", (await GetAsync(Client, moved)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sort_ChildrenOfHome_MenuOfEveryWarmPageFollowsNewOrder()
    {
        var (_, url) = await PublishArticleAsync(Services, Column, "Bài để xem thứ tự menu");
        await WarmAllAsync(url, Column, "/");
        var home = Routes.Root!;
        var reversed = Routes.ChildrenOf(home.Key).Select(n => n.Key).Reverse().ToList();

        Succeeded(await Services.GetRequiredService<ContentStructure>().SortAsync(home.Key, reversed, Tester));

        var expected = reversed.Select(k => Routes.UrlOf(k)!).ToList();
        foreach (var path in new[] { url, Column, "/" })
        {
            Assert.Equal(expected, MenuOf((await GetAsync(Client, path)).Html));
        }
    }

    private async Task WarmAllAsync(params string[] paths)
    {
        foreach (var path in paths)
        {
            await WarmAsync(Client, path);
        }
    }
}
