using Microsoft.Extensions.Logging;
using Portal.Core.Media;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;

namespace Portal.Infrastructure.Media;

/// <summary>
/// Identifies uploads with ImageSharp 2.1: reads the header for the format and the size and never decodes the pixels,
/// so a huge or hostile image costs a few kilobytes of reading. Only the four formats the library accepts are known to
/// it, so a TIFF or BMP renamed to .png is "not an image" here.
/// </summary>
public sealed partial class ImageSharpImageInspector(ILogger<ImageSharpImageInspector> logger) : IImageInspector
{
    private static readonly Configuration Formats = new(
        new JpegConfigurationModule(), new PngConfigurationModule(), new GifConfigurationModule(), new WebpConfigurationModule());

    public async Task<ImageFacts?> IdentifyAsync(Stream content, CancellationToken cancellationToken)
    {
        try
        {
            var (info, format) = await Image.IdentifyWithFormatAsync(Formats, content, cancellationToken);
            if (info is null || format is null || info.Width <= 0 || info.Height <= 0)
            {
                return null;
            }

            // A phone photo taken upright is stored sideways with an EXIF note to turn it; browsers honour the note, so the
            // size editors and front ends need is the turned one (Umbraco's dimension extractor swaps them the same way).
            var turned = Orientation(info) is >= 5 and <= 8;
            return new ImageFacts(format.DefaultMimeType, turned ? info.Height : info.Width, turned ? info.Width : info.Height);
        }
        catch (ImageFormatException exception)
        {
            LogNotAnImage(logger, exception);
            return null;
        }
        catch (InvalidDataException exception)
        {
            LogNotAnImage(logger, exception);
            return null;
        }
    }

    private static int Orientation(IImageInfo info) =>
        info.Metadata.ExifProfile?.GetValue(ExifTag.Orientation) is { } orientation ? orientation.Value : 1;

    [LoggerMessage(Level = LogLevel.Information, Message = "An upload named as an image could not be identified as one")]
    private static partial void LogNotAnImage(ILogger logger, Exception exception);
}
