using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Data;
using Portal.Data.Sqlite;
using Portal.Infrastructure;

namespace Portal.Infrastructure.Tests.TestHost;

/// <summary>The content engine over a real SQLite file in its own temporary folder.</summary>
internal sealed class SqliteEngine : IAsyncDisposable
{
    private readonly string folder;

    private SqliteEngine(string folder, ServiceProvider services, FakeTimeProvider clock)
    {
        this.folder = folder;
        Services = services;
        Clock = clock;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<SqliteEngine> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("portal-infra-").FullName;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddDbContextFactory<PortalDbContext>(o => SqliteDatabase.Use(o, $"Data Source={Path.Combine(folder, "portal.db")};Pooling=False"));
        services.AddPortalContentEngine(new ConfigurationBuilder().Build());
        var provider = services.BuildServiceProvider();
        await using (var db = await provider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        return new SqliteEngine(folder, provider, clock);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by the OS; the temp folder is cleaned by the system.
        }
    }
}

internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Portal.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException("Portal.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Usync => Path.Combine(Root, "uSync", "v17");

    public static string Fixture(string name) => Path.Combine(Root, "tests", "Portal.Infrastructure.Tests", "Usync", "Fixtures", name);
}
