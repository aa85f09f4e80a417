using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Portal.Web.Tests.TestHost;

/// <summary>
/// The real host over its own data folder (SQLite by default, or a fresh PostgreSQL database). An empty folder gets a
/// copy of a seeded database first when the settings allow it (<see cref="SeededSnapshots"/>); a folder from
/// <see cref="TestServices.NewEmptyDataDirectory"/> is left empty, so the host seeds it from scratch.
/// </summary>
internal sealed class PortalFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> settings;

    public PortalFactory(string dataDirectory, IReadOnlyDictionary<string, string?> settings)
    {
        DataDirectory = dataDirectory;
        this.settings = settings;
        SeededSnapshots.PrepareDataDirectory(dataDirectory, settings);
    }

    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Portal:DataDirectory", DataDirectory);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

internal static class TestServices
{
    public static string PostgreSql => Environment.GetEnvironmentVariable("PORTAL_PG") is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException("PORTAL_PG is not set: run scripts/test.sh, which starts PostgreSQL.");

    public static string Redis => Environment.GetEnvironmentVariable("PORTAL_REDIS") is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException("PORTAL_REDIS is not set: run scripts/test.sh, which starts Redis.");

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> EmptyDataDirectories = new(StringComparer.Ordinal);

    /// <summary>A new, empty data folder; a host started on it gets a copy of the seeded database (<see cref="SeededSnapshots"/>).</summary>
    public static string NewDataDirectory() => Directory.CreateTempSubdirectory("portal-web-").FullName;

    /// <summary>A new data folder the host must find empty, so its first start migrates and seeds from scratch.</summary>
    public static string NewEmptyDataDirectory()
    {
        var folder = NewDataDirectory();
        EmptyDataDirectories[folder] = true;
        return folder;
    }

    public static bool MustStartEmpty(string folder) => EmptyDataDirectories.ContainsKey(folder);

    /// <summary>A connection string to a database that does not exist yet; migrations create it.</summary>
    public static string NewPostgreSqlDatabase() =>
        new NpgsqlConnectionStringBuilder(PostgreSql) { Database = "portal_web_" + Guid.NewGuid().ToString("N") }.ConnectionString;

    public static async Task DropPostgreSqlDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;

        // The hosts pool their connections (as in production: a new server process per query would make every PostgreSQL test
        // crawl); the idle ones go first, so the server's connection slots are not held by databases that no longer exist.
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgreSql) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS still maps a file; the temp folder is cleaned by the system.
        }
    }
}
