using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Workflow;
using Portal.Data;
using Portal.Data.Leases;
using Portal.Infrastructure.Leases;
using Portal.Infrastructure.PublishedCache;
using Portal.Infrastructure.Scheduling;
using Portal.Web.Tests.TestHost;

namespace Portal.Web.Tests.Features.Scheduling;

/// <summary>
/// Two nodes on one PostgreSQL database, each with its own node id and a scheduler ticking every second: when a
/// scheduled article falls due, exactly one of them publishes it (the one holding the <c>scheduler</c> lease) and
/// both serve it. Needs PORTAL_PG; without it the test fails (scripts/test.sh starts PostgreSQL).
/// </summary>
public sealed class ScheduledPublishingTwoNodesTests : IAsyncLifetime
{
    private static readonly Actor Editor = Actor.System("bientap@cchc.kontum.gov.vn");

    private readonly string database = TestServices.NewPostgreSqlDatabase();
    private readonly string[] folders = [TestServices.NewDataDirectory(), TestServices.NewDataDirectory()];
    private readonly List<IAsyncDisposable> factories = [];

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ScheduledArticleFallsDue_TwoNodes_PublishedOnceByTheSchedulerAndServedByBoth()
    {
        var (a, clientA) = Start(folders[0], "node-a");
        var (b, clientB) = Start(folders[1], "node-b");
        using (clientA)
        using (clientB)
        {
            var key = await ScheduleArticleAsync(a.Services, "Lịch tiếp công dân của Chủ tịch UBND tỉnh", TimeSpan.FromSeconds(3));

            // The promise itself is the deadline: a due item is published at most 60 s late.
            var url = await PublishedUrlAsync(a.Services, key, SchedulerOptions.Promise);
            Assert.True(url is not null, $"the article was not published within {SchedulerOptions.Promise.TotalSeconds} s of falling due");
            Assert.True(await ServesAsync(clientA, url, "Lịch tiếp công dân của Chủ tịch UBND tỉnh"), "node A does not serve the published article");
            Assert.True(await ServesAsync(clientB, url, "Lịch tiếp công dân của Chủ tịch UBND tỉnh"), "node B does not serve the published article");

            await using var db = await a.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            var published = await db.Timeline.AsNoTracking()
                .Where(t => t.DocumentKey == key && t.Action == TimelineAction.Published)
                .Select(t => t.Actor)
                .ToListAsync();
            Assert.Equal([ContentPublishing.Scheduler.Name], published);
            var holder = await a.Services.GetRequiredService<LeaseStore>().HolderAsync(ScheduledPublishingService.LeaseName, CancellationToken.None);
            Assert.True(holder is "node-a" or "node-b", $"the scheduler lease is held by «{holder}»");
        }
    }

    private static async Task<Guid> ScheduleArticleAsync(IServiceProvider services, string title, TimeSpan dueIn)
    {
        var column = services.GetRequiredService<PublishedRouteTree>().Resolve("/chuyen-trang-cchc/")!;
        var created = await services.GetRequiredService<ContentEditing>().CreateAsync("article", column.Key, title, new Dictionary<string, string>
        {
            ["title"] = title,
            ["summary"] = "Tin, bài về cải cách hành chính tỉnh Kon Tum.",
            ["body"] = "<p>Nội dung chi tiết.</p>",
            ["category"] = "[\"Tin tức\"]",
        }, Editor);
        Assert.True(created.Succeeded, created.Status.ToString());
        var key = created.DocumentKey!.Value;
        var scheduled = await services.GetRequiredService<ContentPublishing>().ScheduleAsync(key, DateTime.UtcNow + dueIn, null, Editor);
        Assert.True(scheduled.Succeeded, scheduled.Status.ToString());
        return key;
    }

    /// <summary>The article's address once node A's route tree has it live; null when the deadline passes first.</summary>
    private static async Task<string?> PublishedUrlAsync(IServiceProvider services, Guid key, TimeSpan deadline)
    {
        var tree = services.GetRequiredService<PublishedRouteTree>();
        var waited = Stopwatch.StartNew();
        var url = tree.UrlOf(key);
        while (url is null && waited.Elapsed <= deadline)
        {
            await Task.Delay(100);
            url = tree.UrlOf(key);
        }

        return url;
    }

    /// <summary>Reads the page until it shows <paramref name="text"/>; the other node learns of the publish at its next outbox poll.</summary>
    private static async Task<bool> ServesAsync(HttpClient client, string path, string text)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                return false;
            }

            await Task.Delay(100);
        }
    }

    private (WebApplicationFactory<Program> Factory, HttpClient Client) Start(string folder, string nodeId)
    {
        var node = new PortalFactory(folder, new Dictionary<string, string?>
        {
            ["Portal:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Portal"] = database,
            ["Portal:Scheduler:Interval"] = "00:00:01",
        });
        factories.Add(node);

        // Two hosts in one test process would share NodeIdentity.Current and so both hold every lease.
        var factory = node.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<INodeIdentity>(new TestNode(nodeId))));
        factories.Add(factory);

        // Creating the client starts the host: node A migrates and seeds before node B starts on the same database.
        return (factory, factory.CreateClient());
    }

    public async Task DisposeAsync()
    {
        foreach (var factory in Enumerable.Reverse(factories))
        {
            await factory.DisposeAsync();
        }

        foreach (var folder in folders)
        {
            TestServices.DeleteQuietly(folder);
        }

        await TestServices.DropPostgreSqlDatabaseAsync(database);
    }

    private sealed class TestNode(string id) : INodeIdentity
    {
        public string Id => id;
    }
}
