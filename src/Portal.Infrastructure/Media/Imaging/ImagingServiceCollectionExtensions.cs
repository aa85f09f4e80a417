using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Portal.Infrastructure.Media.Imaging;

public static class ImagingServiceCollectionExtensions
{
    /// <summary>
    /// Image URLs: <c>Umbraco:CMS:Imaging</c> settings, the token signer, the transformer and the cache of processed images
    /// below <paramref name="dataDirectory"/>. Needs <see cref="MediaServiceCollectionExtensions.AddPortalMedia"/>.
    /// </summary>
    public static IServiceCollection AddPortalImaging(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var settings = configuration.GetSection(ImagingSettings.Section).Get<ImagingSettings>() ?? new ImagingSettings();

        // A key that is not base64 stops the start here, with the key's name, not at the first image request.
        var signer = new ImageUrlSigner(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ImageDecodeGate>();
        services.AddSingleton(settings);
        services.AddSingleton(signer);
        services.AddSingleton<ImageTransformer>();
        services.AddSingleton(sp => new ProcessedImageCache(settings, sp.GetRequiredService<ImageTransformer>(),
            settings.Cache.ResolveFolder(dataDirectory), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ProcessedImageCache>>()));
        return services;
    }
}
