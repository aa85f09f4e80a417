using Microsoft.EntityFrameworkCore;
using Portal.Data.Sqlite;

namespace Portal.Data.Tests.TestHost;

/// <summary>A real SQLite file, <c>portal.db</c>, in a fresh temp directory that is deleted on dispose.</summary>
internal sealed class SqliteTestDatabase : PortalTestDatabase
{
    private readonly string directory;

    public SqliteTestDatabase()
    {
        directory = Path.Combine(Path.GetTempPath(), "portal-data-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        ConnectionString = $"Data Source={Path.Combine(directory, "portal.db")};Pooling=False";
    }

    public override string Provider => "SQLite";

    public override string ConnectionString { get; }

    public override void Configure(DbContextOptionsBuilder options) => SqliteDatabase.Use(options, ConnectionString);

    public override ValueTask DisposeAsync()
    {
        // Pooling=False: every connection is closed with its context, so the file is free to delete.
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
