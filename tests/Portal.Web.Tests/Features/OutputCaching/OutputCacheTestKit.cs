using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Workflow;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Web.Tests.Features.OutputCaching;

/// <summary>Reads pages as a visitor does and changes content through the workflow verbs, as an editor does.</summary>
internal static partial class OutputCacheTestKit
{
    public static readonly Actor Tester = Actor.System("tester");
    public const string Column = "/chuyen-trang-cchc/";

    public sealed record Page(HttpStatusCode Status, string Html, bool FromCache);

    /// <summary>A page as served; the output cache adds <c>Age</c> only to the responses it answers from the store.</summary>
    public static async Task<Page> GetAsync(HttpClient client, string path, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        configure?.Invoke(request);
        using var response = await client.SendAsync(request);
        return new Page(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Age is not null);
    }

    /// <summary>Requests the page until the output cache answers it, so a later assertion reads a stored copy, not a fresh render.</summary>
    public static async Task<Page> WarmAsync(HttpClient client, string path)
    {
        await GetAsync(client, path);
        var cached = await GetAsync(client, path);
        Assert.Equal(HttpStatusCode.OK, cached.Status);
        Assert.True(cached.FromCache, $"{path} was not served from the output cache");
        return cached;
    }

    public static Dictionary<string, string> ArticleValues(string title) => new()
    {
        ["title"] = title,
        ["body"] = "<p>Nội dung chi tiết.</p>",
        ["summary"] = "Tin, bài về cải cách hành chính tỉnh Kon Tum.",
        ["category"] = "[\"Tin tức\"]",
    };

    public static async Task<(Guid Key, string Url)> PublishArticleAsync(IServiceProvider services, string parentPath, string title)
    {
        var tree = services.GetRequiredService<PublishedRouteTree>();
        var created = await services.GetRequiredService<ContentEditing>().CreateAsync("article", tree.Resolve(parentPath)!.Key, title,
            ArticleValues(title), Tester);
        Assert.True(created.Succeeded, created.Status.ToString());
        var key = created.DocumentKey!.Value;
        Succeeded(await services.GetRequiredService<ContentPublishing>().PublishAsync(key, Tester));
        return (key, tree.UrlOf(key)!);
    }

    /// <summary>Saves a draft with a new title (the URL segment stays: the name is unchanged) and publishes it.</summary>
    public static async Task RetitleAsync(IServiceProvider services, Guid key, string name, string title)
    {
        Succeeded(await services.GetRequiredService<ContentEditing>().SaveDraftAsync(key, null, name, ArticleValues(title), Tester));
        Succeeded(await services.GetRequiredService<ContentPublishing>().PublishAsync(key, Tester));
    }

    /// <summary>The addresses in the site menu, in the order shown.</summary>
    public static IReadOnlyList<string> MenuOf(string html)
    {
        var start = html.IndexOf("id=\"site-nav\"", StringComparison.Ordinal);
        Assert.True(start > 0, "the page has no site menu");
        var menu = html[start..html.IndexOf("</nav>", start, StringComparison.Ordinal)];
        return MenuLink().Matches(menu).Select(m => m.Groups[1].Value).ToList();
    }

    public static void Succeeded(ContentOperationResult result) => Assert.True(result.Succeeded, result.Status.ToString());

    [GeneratedRegex("<a href=\"([^\"]+)\"")]
    private static partial Regex MenuLink();
}
