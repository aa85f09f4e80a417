using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Access;
using Portal.Core.Workflow;
using Portal.Data;
using Portal.Data.Sqlite;
using Portal.Data.Webhooks;
using Portal.Infrastructure.Leases;
using Portal.Infrastructure.Startup;
using Portal.Infrastructure.Tests.TestHost;
using Portal.Infrastructure.Usync;
using Portal.Infrastructure.Webhooks;

namespace Portal.Infrastructure.Tests.Webhooks;

/// <summary>
/// One node of the content engine over a SQLite file, started as a node starts (schema, route tree, outbox) with the
/// given configuration. Two engines on the same file and clock with different node ids are two nodes of one cluster.
/// Hosted services are not started: tests tick <see cref="WebhookFiring"/> by hand.
/// </summary>
internal sealed class WebhookEngine : IAsyncDisposable
{
    public static readonly Actor Actor = Actor.System("bientap@cchc.gov.vn");

    private WebhookEngine(ServiceProvider services, FakeTimeProvider clock)
    {
        Services = services;
        Clock = clock;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public WebhookFiring Firing => Services.GetRequiredService<WebhookFiring>();

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero));

    public static async Task<WebhookEngine> StartAsync(string databaseFile, FakeTimeProvider clock, IReadOnlyDictionary<string, string?> settings,
        string nodeId)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<INodeIdentity>(new TestNode(nodeId));
        services.AddDbContextFactory<PortalDbContext>(o => SqliteDatabase.Use(o, $"Data Source={databaseFile};Pooling=False"));
        services.AddPortalContentEngine(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var provider = services.BuildServiceProvider();
        var engine = new WebhookEngine(provider, clock);
        try
        {
            await using (var db = await provider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            {
                await db.Database.MigrateAsync();
            }

            await provider.GetRequiredService<UsyncSchemaImporter>().ImportAsync(RepositoryPaths.Usync, CancellationToken.None);
            await provider.GetRequiredService<StartupCaches>().WarmAsync(CancellationToken.None);
            return engine;
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }

    public async Task<Guid> CreatePublishedAsync(string contentTypeAlias, Guid? parentKey, string name)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = name };
        if (contentTypeAlias == "article")
        {
            values["summary"] = $"Tóm tắt: {name}";
            values["body"] = "<p>Nội dung chính của bài viết.</p>";
            values["category"] = "[\"Tin tức\"]";
        }

        var created = await Services.GetRequiredService<ContentEditing>().CreateAsync(contentTypeAlias, parentKey, name, values, Actor);
        Assert.True(created.Succeeded, $"Creating {contentTypeAlias} «{name}»: {created.Status}");
        var key = created.DocumentKey!.Value;
        var published = await Services.GetRequiredService<ContentPublishing>().PublishAsync(key, Actor);
        Assert.True(published.Succeeded, $"Publishing «{name}»: {published.Status}");
        return key;
    }

    /// <summary>The live home page and the live column below it.</summary>
    public async Task<(Guid Home, Guid Column)> CreateSiteAsync()
    {
        var home = await CreatePublishedAsync("home", null, "Trang chủ");
        return (home, await CreatePublishedAsync("column", home, "Chuyên trang CCHC"));
    }

    public async Task<List<WebhookDelivery>> DeliveriesAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.WebhookDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();

    private sealed class TestNode(string id) : INodeIdentity
    {
        public string Id => id;
    }
}
