using Npgsql;

namespace Portal.Web.Tests.TestHost;

/// <summary>
/// Seeded PostgreSQL databases made once per test process, from which each new host's database is created
/// (<c>CREATE DATABASE … TEMPLATE …</c>) before it starts, so the host finds its migrations applied, the uSync content
/// imported and published, the user groups and the first administrator there, and starts as a restart does, as
/// <see cref="SeededSnapshots"/> does for SQLite.
/// </summary>
/// <remarks>
/// A template is made by starting the real host on a new database and an empty folder with only the settings that shape a
/// first start's database, stopping it, and closing every connection to it. A host's database is created from it only
/// when that database does not exist yet (<see cref="TestServices.NewPostgreSqlDatabase"/>), the host's folder was not
/// asked to start empty (<see cref="TestServices.NewEmptyDataDirectory"/>: <c>FirstStartTests</c> keep proving a real first
/// start on PostgreSQL), and every other setting is one that does not change what a first start writes. A second node
/// started on the same database finds it there and leaves it alone.
/// </remarks>
internal static class PostgreSqlTemplates
{
    private const string Prefix = "portal_web_tpl_";

    private static readonly MadeOncePerKey Templates = new();
    private static readonly List<string> Made = [];

    static PostgreSqlTemplates() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAll();

    /// <summary>Creates <paramref name="connectionString"/>'s database from the seeded template for these settings, unless it exists.</summary>
    public static void CreateFromTemplate(string connectionString, string templateName, Dictionary<string, string?> templateSettings)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new InvalidOperationException("ConnectionStrings:Portal names no database.");
        if (Exists(database))
        {
            return;
        }

        var template = Templates.Get(templateName, () => Make(templateSettings));
        var attempts = 0;
        while (true)
        {
            try
            {
                Execute($"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && ++attempts < 100)
            {
                // The template host's last connections are still closing.
                NpgsqlConnection.ClearAllPools();
                Thread.Sleep(100);
            }
        }
    }


    private static string Make(Dictionary<string, string?> templateSettings)
    {
        var database = Prefix + Guid.NewGuid().ToString("N");
        lock (Made)
        {
            Made.Add(database);
        }

        var settings = new Dictionary<string, string?>(templateSettings, StringComparer.OrdinalIgnoreCase)
        {
            ["Portal:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Portal"] = new NpgsqlConnectionStringBuilder(TestServices.PostgreSql) { Database = database }.ConnectionString,
        };
        var folder = TestServices.NewEmptyDataDirectory();
        try
        {
            SeededSnapshots.StartOnce(folder, settings, "seeded PostgreSQL template");

            // No session may stay connected to a template while a database is created from it.
            NpgsqlConnection.ClearAllPools();

            // The template's host is gone for good: its leases (the durable outbox's, held until it expires) are not
            // left for the hosts started on copies, as if it had stopped long enough ago for them to expire.
            Execute(database, "DELETE FROM \"Leases\"");
            NpgsqlConnection.ClearAllPools();
            return database;
        }
        finally
        {
            TestServices.DeleteQuietly(folder);
        }
    }

    private static bool Exists(string database)
    {
        using var connection = Maintenance();
        connection.Open();
        using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return command.ExecuteScalar() is not null;
    }

    private static void Execute(string sql) => Execute("postgres", sql);

    private static void Execute(string database, string sql)
    {
        using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(TestServices.PostgreSql) { Database = database, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static NpgsqlConnection Maintenance() =>
        new(new NpgsqlConnectionStringBuilder(TestServices.PostgreSql) { Database = "postgres", Pooling = false }.ConnectionString);

    private static void DropAll()
    {
        string[] databases;
        lock (Made)
        {
            databases = [.. Made];
        }

        foreach (var database in databases)
        {
            try
            {
                Execute($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // Best effort at exit: a leftover template is only disk space on a throw-away server.
            }
        }
    }
}
