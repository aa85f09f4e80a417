using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Media;
using Portal.Data.Media;
using Portal.Data.Tests.TestHost;
using Portal.Infrastructure.Media;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Portal.Data.Tests.Media;

/// <summary>A test host with the media library wired as the web host wires it, over a media folder of its own.</summary>
internal sealed class MediaHost : IAsyncDisposable
{
    private readonly PortalTestHost host;

    private MediaHost(PortalTestHost host, string mediaFolder)
    {
        this.host = host;
        MediaFolder = mediaFolder;
    }

    public static readonly Actor Editor = Actor.System("bientap@cchc.kontum.gov.vn");

    public string MediaFolder { get; }

    public MediaLibrary Library => host.Services.GetRequiredService<MediaLibrary>();

    public MediaItemStore Items => host.Services.GetRequiredService<MediaItemStore>();

    public PortalTestHost Host => host;

    internal static MediaHost Wrap(PortalTestHost host, string mediaFolder) => new(host, mediaFolder);

    internal static void Configure(IServiceCollection services, string mediaFolder, long? maxUploadBytes)
    {
        var settings = new Dictionary<string, string?>();
        if (maxUploadBytes is { } max)
        {
            settings["Portal:Media:MaxUploadBytes"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        services.AddLogging();
        services.AddPortalMedia(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), mediaFolder);
    }

    /// <summary>The file behind a media URL.</summary>
    public string PathOf(string url) => Path.Combine(MediaFolder, url["/media/".Length..].Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Every file under the media folder, the staging folder included, relative to it.</summary>
    public IReadOnlyList<string> AllFiles() => Directory.Exists(MediaFolder)
        ? Directory.EnumerateFiles(MediaFolder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(MediaFolder, f)).ToList()
        : [];

    public async Task<MediaItem> UploadAsync(byte[] content, string fileName, string? altText = "Ảnh minh họa", Guid? parentKey = null,
        string? name = null)
    {
        using var stream = new MemoryStream(content);
        var result = await Library.UploadAsync(new MediaFile(stream, fileName), name, altText, parentKey, null, Editor);
        Assert.True(result.Succeeded, $"Uploading {fileName} failed: {result.Status}");
        return (await Items.FindAsync(result.Key!.Value, CancellationToken.None))!;
    }

    public async Task<MediaItem> FolderAsync(string name, Guid? parentKey = null)
    {
        var result = await Library.CreateFolderAsync(name, parentKey, Editor);
        Assert.True(result.Succeeded, $"Creating folder {name} failed: {result.Status}");
        return (await Items.FindAsync(result.Key!.Value, CancellationToken.None))!;
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        if (Directory.Exists(MediaFolder))
        {
            Directory.Delete(MediaFolder, recursive: true);
        }
    }
}

/// <summary>Real image and document bytes, made with ImageSharp or written by hand in their formats' leading bytes.</summary>
internal static class SampleFiles
{
    public static byte[] Png(int width = 64, int height = 48, byte red = 200)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(red, 30, 30));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    public static byte[] Jpeg(int width = 64, int height = 48, ushort? exifOrientation = null)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(20, 120, 200));
        if (exifOrientation is { } orientation)
        {
            image.Metadata.ExifProfile = new ExifProfile();
            image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, orientation);
        }

        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Text(string text = "Đây không phải là ảnh.") => Encoding.UTF8.GetBytes(text);
}
