using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Data.PostgreSql;

namespace Portal.Data.Tests.TestHost;

/// <summary>
/// A database of its own on the PostgreSQL server named by <c>PORTAL_PG</c>: <c>portal_test_&lt;guid&gt;</c>, created by the
/// migration and dropped (forcibly) on dispose. Without <c>PORTAL_PG</c> the test fails; it is never skipped.
/// </summary>
internal sealed class PostgreSqlTestDatabase : PortalTestDatabase
{
    public const string EnvironmentVariable = "PORTAL_PG";
    public const string MissingServerMessage = "PORTAL_PG is not set: run scripts/test.sh, which starts PostgreSQL";

    private readonly string serverConnectionString;
    private readonly string databaseName;

    public PostgreSqlTestDatabase()
    {
        var baseConnectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(baseConnectionString))
        {
            throw new InvalidOperationException(MissingServerMessage);
        }

        databaseName = $"portal_test_{Guid.NewGuid():N}";
        ConnectionString = new NpgsqlConnectionStringBuilder(baseConnectionString) { Database = databaseName }.ConnectionString;
        serverConnectionString = new NpgsqlConnectionStringBuilder(baseConnectionString) { Database = "postgres", Pooling = false }
            .ConnectionString;
    }

    public override string Provider => "PostgreSQL";

    public override string ConnectionString { get; }

    public override void Configure(DbContextOptionsBuilder options) => PostgreSqlDatabase.Use(options, ConnectionString);

    public override async ValueTask DisposeAsync()
    {
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var server = new NpgsqlConnection(serverConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }
}
