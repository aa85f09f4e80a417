using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Media;
using Portal.Data.Media;
using Portal.Infrastructure.Media.Imaging;

namespace Portal.Infrastructure.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>The media library: items in the database, files below <paramref name="mediaRoot"/>, images identified by ImageSharp.</summary>
    public static IServiceCollection AddPortalMedia(this IServiceCollection services, IConfiguration configuration, string mediaRoot)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(configuration.GetSection(MediaLibraryOptions.Section).Get<MediaLibraryOptions>() ?? new MediaLibraryOptions());
        services.AddSingleton(new MediaRoot(mediaRoot));
        services.AddSingleton<MediaItemStore>();
        services.AddSingleton<IMediaItemStore>(sp => sp.GetRequiredService<MediaItemStore>());
        services.AddSingleton<IMediaFileStore, DiskMediaFileStore>();
        services.TryAddSingleton<ImageDecodeGate>();
        services.AddSingleton<IImageInspector, ImageSharpImageInspector>();
        services.AddSingleton<MediaLibrary>();
        services.AddSingleton<DeliveryMedia>();
        return services;
    }
}
