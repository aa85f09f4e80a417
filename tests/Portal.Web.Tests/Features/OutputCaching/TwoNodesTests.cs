using System.Diagnostics;
using System.Net;
using Portal.Web.Tests.TestHost;
using StackExchange.Redis;
using static Portal.Web.Tests.Features.OutputCaching.OutputCacheTestKit;

namespace Portal.Web.Tests.Features.OutputCaching;

/// <summary>
/// Two nodes on one PostgreSQL database and one Redis, as behind the province's load balancer: a publish on one node
/// is what the other serves within a second, although the other had the old page in the shared output cache.
/// Needs PORTAL_PG and PORTAL_REDIS; without them the test fails (scripts/test.sh starts both).
/// </summary>
public sealed class TwoNodesTests : IAsyncLifetime
{
    private static readonly TimeSpan VisibleWithin = TimeSpan.FromSeconds(1);

    private readonly string database = TestServices.NewPostgreSqlDatabase();
    private readonly string prefix = $"portal:test:{Guid.NewGuid():N}:";
    private readonly string[] folders = [TestServices.NewDataDirectory(), TestServices.NewDataDirectory()];
    private readonly List<PortalFactory> nodes = [];

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Publish_OnNodeA_NodeBServesNewTitleWithinOneSecond()
    {
        var (a, clientA) = Start(folders[0]);
        var (b, clientB) = Start(folders[1]);
        using (clientA)
        using (clientB)
        {
            var (key, url) = await PublishArticleAsync(a.Services, Column, "Bài đăng trên nút A");
            await UntilAsync(clientB, url, "Bài đăng trên nút A", TimeSpan.FromSeconds(30));
            var api = $"/umbraco/delivery/api/v2/content/item/{key}";
            await WarmAsync(clientB, url);
            await WarmAsync(clientB, api);
            Assert.True(await StoredInRedisAsync(), "the output cache did not use the shared Redis store");

            // The name (and so the address) stays; only the title field, which the article page shows, changes.
            await RetitleAsync(a.Services, key, "Bài đăng trên nút A", "Tiêu đề sửa trên nút A");
            var published = Stopwatch.StartNew();
            var shown = await UntilAsync(clientB, url, "Tiêu đề sửa trên nút A", VisibleWithin);
            var served = await UntilAsync(clientB, api, "\"title\":\"Tiêu đề sửa trên nút A\"", VisibleWithin - published.Elapsed);

            Assert.True(shown, $"node B still served the old title {VisibleWithin.TotalSeconds} s after the publish on node A returned");
            Assert.True(served, $"node B's Delivery API still served the old title {VisibleWithin.TotalSeconds} s after the publish on node A returned");
        }
    }

    /// <summary>Reads the page on a node until it shows <paramref name="text"/> or the deadline passes; the stopwatch is only the deadline.</summary>
    private static async Task<bool> UntilAsync(HttpClient client, string path, string text, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var page = await GetAsync(client, path);
            if (page.Status == HttpStatusCode.OK && page.Html.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            if (clock.Elapsed > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }
    }

    private async Task<bool> StoredInRedisAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServices.Redis);
        foreach (var endpoint in redis.GetEndPoints())
        {
            await foreach (var _ in redis.GetServer(endpoint).KeysAsync(pattern: prefix + "*"))
            {
                return true;
            }
        }

        return false;
    }

    private (PortalFactory Factory, HttpClient Client) Start(string folder)
    {
        var factory = new PortalFactory(folder, new Dictionary<string, string?>
        {
            ["Portal:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Portal"] = database,
            ["ConnectionStrings:Redis"] = TestServices.Redis,
            ["Portal:OutputCache:RedisInstanceName"] = prefix,

            // A poll this slow cannot make the one-second deadline: node B must learn of node A's commit through Redis.
            ["Portal:Outbox:PollInterval"] = "00:00:30",
        });
        nodes.Add(factory);

        // Creating the client starts the host: node A migrates and seeds before node B starts on the same database.
        return (factory, factory.CreateClient());
    }

    public async Task DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        foreach (var folder in folders)
        {
            TestServices.DeleteQuietly(folder);
        }

        await TestServices.DropPostgreSqlDatabaseAsync(database);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServices.Redis);
        foreach (var endpoint in redis.GetEndPoints())
        {
            await foreach (var stored in redis.GetServer(endpoint).KeysAsync(pattern: prefix + "*"))
            {
                await redis.GetDatabase().KeyDeleteAsync(stored);
            }
        }
    }
}
