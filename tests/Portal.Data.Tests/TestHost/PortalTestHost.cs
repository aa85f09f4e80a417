using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Content;
using Portal.Core.Workflow;
using Portal.Data.Outbox;
using Portal.Infrastructure;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.PublishedCache;
using Portal.Infrastructure.Startup;
using Portal.Infrastructure.Usync;

namespace Portal.Data.Tests.TestHost;

/// <summary>
/// The content engine as the web host wires it (AddPortalContentEngine), on a real database, with the real uSync schema
/// imported. Hosted services (outbox poller, scheduler) are never started: tests drive them by hand.
/// </summary>
internal sealed class PortalTestHost : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly bool ownsDatabase;

    private PortalTestHost(ServiceProvider services, PortalTestDatabase database, FakeTimeProvider clock, bool ownsDatabase)
    {
        this.services = services;
        this.ownsDatabase = ownsDatabase;
        Database = database;
        Clock = clock;
    }

    public PortalTestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => services;

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public ContentEditing Editing => services.GetRequiredService<ContentEditing>();

    public ContentPublishing Publishing => services.GetRequiredService<ContentPublishing>();

    public ContentStructure Structure => services.GetRequiredService<ContentStructure>();

    public IContentSessionFactory Sessions => services.GetRequiredService<IContentSessionFactory>();

    public OutboxDispatcher Dispatcher => services.GetRequiredService<OutboxDispatcher>();

    public PublishedRouteTree Routes => services.GetRequiredService<PublishedRouteTree>();

    /// <summary>Builds the provider, migrates the database (creating it on PostgreSQL) and imports uSync/v17.</summary>
    public static async Task<PortalTestHost> StartAsync(PortalTestDatabase database, FakeTimeProvider clock,
        Action<IServiceCollection>? configure = null, bool ownsDatabase = true)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddDbContextFactory<PortalDbContext>(options => database.Configure(options));
        collection.AddPortalContentEngine(new ConfigurationBuilder().Build());
        configure?.Invoke(collection);

        var provider = collection.BuildServiceProvider();
        var host = new PortalTestHost(provider, database, clock, ownsDatabase);
        try
        {
            await using (var db = await host.NewContextAsync())
            {
                await db.Database.MigrateAsync();
            }

            await provider.GetRequiredService<UsyncSchemaImporter>().ImportAsync(RepositoryPaths.UsyncFolder, CancellationToken.None);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Loads the published route tree and lines node consumers up behind the outbox, as a node does at start.</summary>
    public Task WarmCachesAsync() => services.GetRequiredService<StartupCaches>().WarmAsync(CancellationToken.None);

    /// <summary>A context of its own, so that what it reads comes from the database and not from a tracked entity.</summary>
    public Task<PortalDbContext> NewContextAsync() =>
        services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    public async Task<Document> LoadAsync(Guid key)
    {
        await using var db = await NewContextAsync();
        return await db.Documents.AsNoTracking().Include(d => d.Editions).SingleAsync(d => d.Key == key);
    }

    public async Task<Dictionary<Guid, Document>> LoadAllAsync()
    {
        await using var db = await NewContextAsync();
        return await db.Documents.AsNoTracking().Include(d => d.Editions).ToDictionaryAsync(d => d.Key);
    }

    public async Task<List<TimelineEntry>> TimelineAsync(Guid key)
    {
        await using var db = await NewContextAsync();
        return await db.Timeline.AsNoTracking().Where(t => t.DocumentKey == key).OrderBy(t => t.Id).ToListAsync();
    }

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = await NewContextAsync();
        return await db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public async Task<long?> CursorAsync(string consumer)
    {
        await using var db = await NewContextAsync();
        return await db.OutboxCursors.AsNoTracking().Where(c => c.Consumer == consumer).Select(c => (long?)c.LastMessageId)
            .SingleOrDefaultAsync();
    }

    public async Task<Guid> CreateAsync(string contentTypeAlias, Guid? parentKey, string name, IReadOnlyDictionary<string, string>? values = null)
    {
        var result = await Editing.CreateAsync(contentTypeAlias, parentKey, name, values ?? SampleContent.Titled(name), SampleContent.Actor);
        Assert.True(result.Succeeded, $"Creating {contentTypeAlias} «{name}» failed: {Describe(result)}");
        return result.DocumentKey!.Value;
    }

    public async Task PublishAsync(Guid key)
    {
        var result = await Publishing.PublishAsync(key, SampleContent.Actor);
        Assert.True(result.Succeeded, $"Publishing {key} failed: {Describe(result)}");
    }

    public async Task<Guid> CreatePublishedAsync(string contentTypeAlias, Guid? parentKey, string name,
        IReadOnlyDictionary<string, string>? values = null)
    {
        var key = await CreateAsync(contentTypeAlias, parentKey, name, values);
        await PublishAsync(key);
        return key;
    }

    /// <summary>The live home page and the live «Chuyên trang CCHC» column below it.</summary>
    public async Task<(Guid Home, Guid Column)> CreatePublishedSiteAsync()
    {
        var home = await CreatePublishedAsync("home", null, SampleContent.HomeName);
        var column = await CreatePublishedAsync("column", home, SampleContent.ColumnName);
        return (home, column);
    }

    public Task<Guid> CreateArticleAsync(Guid columnKey, string title) =>
        CreateAsync("article", columnKey, title, SampleContent.Article(title));

    public Task<Guid> CreatePublishedArticleAsync(Guid columnKey, string title) =>
        CreatePublishedAsync("article", columnKey, title, SampleContent.Article(title));

    public async Task SaveDraftAsync(Guid key, string title, IReadOnlyDictionary<string, string>? values = null)
    {
        var result = await Editing.SaveDraftAsync(key, null, title, values ?? SampleContent.Article(title), SampleContent.Actor);
        Assert.True(result.Succeeded, $"Saving a draft of {key} failed: {Describe(result)}");
    }

    public static string Describe(ContentOperationResult result) =>
        result.Errors is { Count: > 0 } errors
            ? $"{result.Status} ({string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))})"
            : result.Status.ToString();

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        if (ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
