using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Workflow;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Tests.TestHost;
using StackExchange.Redis;

namespace Portal.Web.Tests.Features.Site;

public sealed class SiteControllerTests : FreshSiteTests
{
    private static readonly Actor Tester = Actor.System("tester");

    private protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = TestServices.Redis };

    [Fact]
    public async Task UnknownUrl_Answers404WithAVietnamesePage()
    {
        var response = await Client.GetAsync(new Uri("/khong-co-trang-nay/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_SeededWithoutZaloAccount_ShowsTitleDateBreadcrumbsSanitisedBodyAndNoZaloLink()
    {
        var tree = Factory.Services.GetRequiredService<PublishedRouteTree>();
        var column = tree.Resolve("/chuyen-trang-cchc/")!;
        var article = tree.ChildrenOf(column.Key).First(n => n.ContentTypeAlias == "article");

        var html = await Client.GetStringAsync(new Uri(tree.UrlOf(article.Key)!, UriKind.Relative));

        Assert.Contains($"<h1>{article.Name}</h1>", html, StringComparison.Ordinal);
        Assert.Matches(@"Ngày đăng: <time datetime=""\d{4}-\d{2}-\d{2}"">\d{2}/\d{2}/\d{4}</time>", html);
        Assert.Contains("<li><a href=\"/chuyen-trang-cchc/\">Chuyên trang CCHC</a></li>", html, StringComparison.Ordinal);
        var body = html[html.IndexOf("<article>", StringComparison.Ordinal)..html.IndexOf("</article>", StringComparison.Ordinal)];
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<p>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("sp.zalo.me", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Chia sẻ qua Zalo", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LegalDocument_Seeded_ShowsNumberIssuerAndDateInVietnameseFormat()
    {
        var html = await Client.GetStringAsync(new Uri("/van-ban/", UriKind.Relative));
        var tree = Factory.Services.GetRequiredService<PublishedRouteTree>();
        var list = tree.Resolve("/van-ban/")!;
        var plan = tree.ChildrenOf(list.Key).Single(n => n.Name.Contains("457/KH-UBND", StringComparison.Ordinal));

        var page = await Client.GetStringAsync(new Uri(tree.UrlOf(plan.Key)!, UriKind.Relative));

        Assert.Contains(plan.Name, html, StringComparison.Ordinal);
        Assert.Contains("<dt>Ngày ban hành</dt><dd>23/02/2018</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Người ký</dt><dd>Nguyễn Văn Hòa</dd>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageRender_RedisConfigured_StoresTheEditionInRedis()
    {
        var tree = Factory.Services.GetRequiredService<PublishedRouteTree>();
        var unit = tree.Resolve("/don-vi/so-tu-phap/")!;

        var response = await Client.GetAsync(new Uri("/don-vi/so-tu-phap/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServices.Redis);
        var key = "portal:" + PublishedContentCache.CacheKey(unit.Key, unit.EditionNumber);
        var stored = false;
        // HybridCache writes its second level in the background after answering.
        for (var attempt = 0; attempt < 50 && !stored; attempt++)
        {
            stored = await redis.GetDatabase().KeyExistsAsync(key);
            if (!stored)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(stored, $"Redis has no key {key}");
    }

    [Fact]
    public async Task PublishThenUnpublish_SameNode_PageAppearsAndDisappearsAtOnce()
    {
        var tree = Factory.Services.GetRequiredService<PublishedRouteTree>();
        var unit = tree.Resolve("/don-vi/so-y-te/")!;
        var editing = Factory.Services.GetRequiredService<ContentEditing>();
        var publishing = Factory.Services.GetRequiredService<ContentPublishing>();
        var created = await editing.CreateAsync("article", unit.Key, "Sở Y tế niêm yết thủ tục hành chính", new Dictionary<string, string>
        {
            ["title"] = "Sở Y tế niêm yết thủ tục hành chính",
            ["summary"] = "Các thủ tục được niêm yết đầy đủ tại Bộ phận tiếp nhận và trả kết quả.",
            ["body"] = "<p>Nội dung.</p><script>alert(1)</script>",
            ["category"] = "[\"Tin tức\"]",
        }, Tester);
        var url = new Uri("/don-vi/so-y-te/so-y-te-niem-yet-thu-tuc-hanh-chinh/", UriKind.Relative);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(url)).StatusCode);

        await publishing.PublishAsync(created.DocumentKey!.Value, Tester);
        var live = await Client.GetAsync(url);
        await publishing.UnpublishAsync(created.DocumentKey!.Value, Tester);
        var gone = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var html = await live.Content.ReadAsStringAsync();
        Assert.Contains("<p>Nội dung.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(1)", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}
