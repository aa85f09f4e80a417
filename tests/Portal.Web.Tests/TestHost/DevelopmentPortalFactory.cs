using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portal.Web.Tests.TestHost;

/// <summary>
/// The real host in the Development environment (what a developer runs locally), over its own data folder: only
/// there are development-only surfaces such as the OpenAPI description served.
/// </summary>
internal sealed class DevelopmentPortalFactory(string dataDirectory, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = dataDirectory;

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
