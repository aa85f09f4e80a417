using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portal.Web.Tests.TestHost;

/// <summary>
/// The real host in the Development environment (what a developer runs locally), over its own data folder: only
/// there are development-only surfaces such as the OpenAPI description served.
/// As <see cref="PortalFactory"/>, an empty folder gets a copy of the seeded database first when the settings allow it.
/// </summary>
internal sealed class DevelopmentPortalFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> settings;

    public DevelopmentPortalFactory(string dataDirectory, IReadOnlyDictionary<string, string?> settings)
    {
        DataDirectory = dataDirectory;
        this.settings = settings;
        SeededSnapshots.PrepareDataDirectory(dataDirectory, settings);
    }

    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Portal:DataDirectory", DataDirectory);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
