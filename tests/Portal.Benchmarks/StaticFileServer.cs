using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Portal.Benchmarks;

/// <summary>
/// Kestrel serving one folder as static files, nothing else: the yardstick a cached Portal page is compared
/// with (same bytes, same machine, same run).
/// </summary>
internal static class StaticFileServer
{
    public static async Task<int> RunAsync(string root, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.GetFullPath(root)), ServeUnknownFileTypes = true });
        await app.RunAsync();
        return 0;
    }
}
