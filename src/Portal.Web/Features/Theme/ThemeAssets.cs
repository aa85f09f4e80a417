using System.Security.Cryptography;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Portal.Web.Features.Theme;

/// <summary>
/// The public theme's files (wwwroot-theme/), served at /theme. URLs carry a content hash, so browsers may
/// keep them for a year: a changed file gets a new URL.
/// </summary>
public sealed class ThemeAssets
{
    private readonly Dictionary<string, string> versions = new(StringComparer.Ordinal);

    public ThemeAssets(string folder)
    {
        Folder = folder;
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            using var stream = File.OpenRead(file);
            versions[relative] = Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
        }
    }

    public string Folder { get; }

    public string Url(string file) => versions.TryGetValue(file, out var version) ? $"/theme/{file}?v={version}" : $"/theme/{file}";

    public static string Locate(string contentRoot)
    {
        for (var folder = new DirectoryInfo(contentRoot); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "wwwroot-theme");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "wwwroot-theme");
    }
}

internal static class ThemeRegistration
{
    public static IServiceCollection AddTheme(this IServiceCollection services, string contentRoot) =>
        services.AddSingleton(new ThemeAssets(ThemeAssets.Locate(contentRoot)));

    public static IApplicationBuilder UseTheme(this IApplicationBuilder app)
    {
        var assets = app.ApplicationServices.GetRequiredService<ThemeAssets>();
        if (!Directory.Exists(assets.Folder))
        {
            return app;
        }

        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(assets.Folder),
            RequestPath = "/theme",
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers[HeaderNames.CacheControl] = context.Context.Request.Query.ContainsKey("v")
                    ? "public, max-age=31536000, immutable"
                    : "public, max-age=300";
            },
        });
    }
}
