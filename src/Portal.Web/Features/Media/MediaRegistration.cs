using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Net.Http.Headers;
using Portal.Core.Media;
using Portal.Infrastructure.Media;
using Portal.Infrastructure.Media.Imaging;
using Portal.Web.Features.Hosting;

namespace Portal.Web.Features.Media;

/// <summary>
/// The media library in the host: its services, and its files served at their <c>/media/{folder}/{file}</c> URLs: image URLs
/// with commands (<c>?width=…</c>) by <see cref="MediaImageMiddleware"/>, everything else as plain static files.
/// </summary>
internal static class MediaRegistration
{
    public const string RequestPath = "/media";

    public static IServiceCollection AddMediaLibrary(this IServiceCollection services, IConfiguration configuration, PortalPaths paths)
    {
        services.AddPortalMedia(configuration, Path.Combine(paths.DataDirectory, "media"));
        services.AddPortalImaging(configuration, paths.DataDirectory);
        services.AddSingleton<Site.MediaSrcset>();
        return services;
    }

    /// <summary>Serves stored files; placed before routing so the site's catch-all route never sees <c>/media/…</c>.</summary>
    public static IApplicationBuilder UseMediaFiles(this IApplicationBuilder app)
    {
        var root = app.ApplicationServices.GetRequiredService<MediaRoot>();
        var cache = app.ApplicationServices.GetRequiredService<ImagingSettings>().Cache;
        Directory.CreateDirectory(root.Path);
        app.UseMiddleware<MediaImageMiddleware>();

        // Only the library's own formats: anything else below the folder (the dot-named staging folder, a stray file
        // copied in by hand) is not served, and no file is ever sent with a type the browser could run as a page.
        var types = new FileExtensionContentTypeProvider(MediaFileRules.AllowedExtensions.ToDictionary(
            e => "." + e, e => MediaFileRules.KindOf("f." + e)!.ContentType, StringComparer.OrdinalIgnoreCase));
        var cacheControl = $"public, max-age={(long)cache.BrowserMaxAge.TotalSeconds}";
        return app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = RequestPath,
            FileProvider = new PhysicalFileProvider(root.Path, ExclusionFilters.Sensitive),
            ContentTypeProvider = types,
            ServeUnknownFileTypes = false,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers[HeaderNames.CacheControl] = cacheControl;
                if (MediaFileRules.KindOf(context.File.Name) is { IsImage: false })
                {
                    // Documents are downloads: a PDF or an office file is opened by its own program, never inside the portal's origin.
                    var disposition = new ContentDispositionHeaderValue("attachment");
                    disposition.SetHttpFileName(context.File.Name);
                    headers[HeaderNames.ContentDisposition] = disposition.ToString();
                }
            },
        });
    }
}
