using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portal.E2E.TestHost;

/// <summary>
/// The real app on real Kestrel at <c>http://127.0.0.1:&lt;random port&gt;</c>, in Production, over a fresh data
/// folder (SQLite, seeded from uSync on first start). The folder is deleted on dispose.
/// </summary>
public sealed class PortalKestrelFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> settings;

    public PortalKestrelFactory(IReadOnlyDictionary<string, string?>? settings = null)
    {
        this.settings = settings ?? new Dictionary<string, string?>();
        DataDirectory = Directory.CreateTempSubdirectory("portal-e2e-").FullName;
        UseKestrel(0);
    }

    public string DataDirectory { get; }

    /// <summary>Where the browser goes, e.g. <c>http://127.0.0.1:41234/</c>; valid after <see cref="Start"/>.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>Starts Kestrel (migrates, seeds and loads the route tree before it accepts requests).</summary>
    public void Start() => StartServer();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Portal:DataDirectory", DataDirectory);
        // The app's information logs would bury the test output.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Backoffice tests sign a new person in for each screen, all from 127.0.0.1: the per-address limit is for people.
        builder.UseSetting("Portal:Security:SignInAttemptsPerMinute", "1000");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteQuietly(DataDirectory);
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS still maps a file; the temp folder is cleaned by the system.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: left for the system's temp cleanup.
        }
    }
}
