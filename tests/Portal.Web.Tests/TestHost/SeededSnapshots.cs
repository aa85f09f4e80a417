using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Web.Tests.TestHost;

/// <summary>
/// Seeded SQLite databases made once per test process and copied into each new host's data folder before it starts,
/// so the host finds its migrations applied, the uSync content imported and published, the user groups and the first
/// administrator there, and starts as a restart does (see <c>ContentStartup</c>: no import when documents exist)
/// instead of seeding from scratch.
/// </summary>
/// <remarks>
/// <para>A template is made by starting the real host on an empty folder with only the settings that shape a first
/// start's database (<see cref="TemplateKeys"/>), stopping it, and copying its database with SQLite's backup API, so
/// the copy is consistent whatever is still in the write-ahead log, and its search indexes. Only these are copied: each host makes its
/// own data-protection key ring, as it did on an empty folder, so hosts never accept each other's tokens or cookies.</para>
/// <para>A host gets a copy only when its folder is empty, it was not asked to start empty
/// (<see cref="TestServices.NewEmptyDataDirectory"/>), and every other setting is one that does not change what a first
/// start writes (<see cref="RuntimeOnlyPrefixes"/>: read at run time, or applied again at every start such as
/// <c>Portal:ApiClients</c>; Redis, which holds only run-time state). A host on PostgreSQL gets its database created from
/// a seeded PostgreSQL template instead, under the same conditions (<see cref="PostgreSqlTemplates"/>). Anything else
/// (SQLite elsewhere than the data folder, another uSync folder, webhooks…) seeds from scratch.</para>
/// </remarks>
internal static class SeededSnapshots
{
    public const string DatabaseFile = "portal.db";

    /// <summary>Settings a first start writes into the database once and a restart does not apply: one template per combination.</summary>
    private static readonly string[] TemplateKeys = ["Portal:SeedDemoContent", "Portal:Admin:Email", "Portal:Admin:Password"];

    private const string ProviderKey = "Portal:Database:Provider";

    private const string ConnectionStringKey = "ConnectionStrings:Portal";

    /// <summary>Settings that do not change what a first start writes: read at run time, or applied again at every start.</summary>
    private static readonly string[] RuntimeOnlyPrefixes =
    [
        // Redis only holds what is read or sent at run time (HybridCache's second level, the output cache, the outbox
        // channel, the Data Protection key ring): nothing a first start writes into the database depends on it.
        "ConnectionStrings:Redis",
        "Portal:ApiClients:",
        "Portal:Security:",
        "Portal:Media:",
        "Portal:Scheduler:",
        "Portal:OutputCache:",
        "Portal:Outbox:",
        "Portal:Search:",
        "Portal:Programme:",
        "Portal:Proxy:",
        "Portal:Site:",
        "Portal:Mail:",
        "Umbraco:CMS:DeliveryApi:",
        "Umbraco:CMS:WebRouting:",
        "Umbraco:CMS:Imaging:",
        "Logging:",
    ];

    private static readonly MadeOncePerKey Templates = new();
    private static readonly string Root = Directory.CreateTempSubdirectory("portal-web-templates-").FullName;

    static SeededSnapshots() => AppDomain.CurrentDomain.ProcessExit += (_, _) => TestServices.DeleteQuietly(Root);

    /// <summary>Puts a copy of the seeded database for these settings into an empty data folder, when the host may have one.</summary>
    public static void PrepareDataDirectory(string dataDirectory, IReadOnlyDictionary<string, string?> settings)
    {
        if (TestServices.MustStartEmpty(dataDirectory)
            || !Directory.Exists(dataDirectory)
            || Directory.EnumerateFileSystemEntries(dataDirectory).Any()
            || TemplateSettings(settings, out var postgreSql) is not { } template)
        {
            return;
        }

        if (postgreSql is not null)
        {
            // The database lives on the server: a host whose database does not exist yet gets one created from the seeded template.
            PostgreSqlTemplates.CreateFromTemplate(postgreSql, TemplateName(template), template);
            return;
        }

        var made = Templates.Get(TemplateName(template), () => Make(template));
        File.Copy(Path.Combine(made, DatabaseFile), Path.Combine(dataDirectory, DatabaseFile));
        // The search indexes the template host built, at the template's outbox position: the host opens them instead of
        // rebuilding both in the background at every start.
        CopyFolder(Path.Combine(made, SearchFolder), Path.Combine(dataDirectory, SearchFolder));
    }

    private const string SearchFolder = "search";

    private static void CopyFolder(string source, string destination)
    {
        if (!Directory.Exists(source))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(folder.Replace(source, destination, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(source, destination, StringComparison.Ordinal));
        }
    }

    /// <returns>The settings the template is made with, or null when these settings must seed from scratch.</returns>
    /// <param name="postgreSql">The host's PostgreSQL connection string, when it runs on PostgreSQL (<see cref="PostgreSqlTemplates"/>).</param>
    private static Dictionary<string, string?>? TemplateSettings(IReadOnlyDictionary<string, string?> settings, out string? postgreSql)
    {
        postgreSql = null;
        string? provider = null;
        string? connectionString = null;
        var template = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            var normalized = key.Replace("__", ":", StringComparison.Ordinal);
            if (TemplateKeys.Contains(normalized, StringComparer.OrdinalIgnoreCase))
            {
                template[normalized] = value;
            }
            else if (string.Equals(normalized, ProviderKey, StringComparison.OrdinalIgnoreCase))
            {
                provider = value;
            }
            else if (string.Equals(normalized, ConnectionStringKey, StringComparison.OrdinalIgnoreCase))
            {
                connectionString = value;
            }
            else if (!RuntimeOnlyPrefixes.Any(p => normalized.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }
        }

        if (string.Equals(provider, "PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                return null;
            }

            postgreSql = connectionString;
            return template;
        }

        // SQLite at another place than the data folder's portal.db, or a provider this class does not know: from scratch.
        return provider is null or "" || string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase)
            ? connectionString is null ? template : null
            : null;
    }

    private static string TemplateName(Dictionary<string, string?> settings) =>
        string.Join(";", TemplateKeys.Select(k => settings.TryGetValue(k, out var v) ? $"{k}={v}" : $"{k} unset"));


    private static string Make(Dictionary<string, string?> settings)
    {
        var folder = TestServices.NewEmptyDataDirectory();
        try
        {
            StartOnce(folder, settings, "seeded template");

            var made = Path.Combine(Root, $"seeded-{Guid.NewGuid():N}");
            Directory.CreateDirectory(made);
            var file = Path.Combine(made, DatabaseFile);
            var database = Path.Combine(folder, DatabaseFile);
            using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString()))
            using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
            {
                source.Open();
                destination.Open();
                source.BackupDatabase(destination);
            }

            // The stopped host's idle pooled connections (its connection string, see DatabaseRegistration) hold the file open.
            using (var pooled = new SqliteConnection($"Data Source={database}"))
            {
                SqliteConnection.ClearPool(pooled);
            }

            CopyFolder(Path.Combine(folder, SearchFolder), Path.Combine(made, SearchFolder));
            return made;
        }
        finally
        {
            TestServices.DeleteQuietly(folder);
        }
    }

    /// <summary>Starts a host on <paramref name="folder"/> once and stops it: a real first start (migrations, seed, start-up services).</summary>
    internal static void StartOnce(string folder, Dictionary<string, string?> settings, string what)
    {
        using var factory = new PortalFactory(folder, settings);

        // Creating a client starts the host: it migrates, seeds and runs every start-up service before answering.
        using var client = factory.CreateClient();
        // The search indexes build in the background after a first start; a template keeps them, so it waits for them.
        using (var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
        {
            factory.Services.GetRequiredService<Portal.Infrastructure.Search.SearchIndexes>().WhenReadyAsync(patience.Token).GetAwaiter().GetResult();
        }

        using var health = client.GetAsync(new Uri("/healthz", UriKind.Relative)).GetAwaiter().GetResult();
        if (!health.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The {what} host answered /healthz with {(int)health.StatusCode}.");
        }
    }
}
