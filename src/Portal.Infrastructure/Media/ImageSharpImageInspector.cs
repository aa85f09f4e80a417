using System.Text;
using Microsoft.Extensions.Logging;
using Portal.Core.Media;
using Portal.Infrastructure.Media.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;

namespace Portal.Infrastructure.Media;

/// <summary>
/// Identifies uploads with ImageSharp 2.1: the header gives the format, the size, the frames and the metadata without decoding
/// a pixel, so a huge or hostile image costs a few kilobytes of reading. Only the four formats the library accepts are known
/// (<see cref="ImageHeader.Formats"/>), so a TIFF or BMP renamed to .png is "not an image" here. Decoding, to prove an image
/// whole and to drop its location, waits for a slot of the <see cref="ImageDecodeGate"/> like image URLs do.
/// </summary>
public sealed partial class ImageSharpImageInspector(ImageDecodeGate gate, ILogger<ImageSharpImageInspector> logger) : IImageInspector
{
    /// <summary>The tags of EXIF's GPS directory: where, how high, which way, when by satellite time.</summary>
    private static readonly ExifTag[] LocationTags =
    [
        ExifTag.GPSVersionID, ExifTag.GPSLatitudeRef, ExifTag.GPSLatitude, ExifTag.GPSLongitudeRef, ExifTag.GPSLongitude,
        ExifTag.GPSAltitudeRef, ExifTag.GPSAltitude, ExifTag.GPSTimestamp, ExifTag.GPSSatellites, ExifTag.GPSStatus,
        ExifTag.GPSMeasureMode, ExifTag.GPSDOP, ExifTag.GPSSpeedRef, ExifTag.GPSSpeed, ExifTag.GPSTrackRef, ExifTag.GPSTrack,
        ExifTag.GPSImgDirectionRef, ExifTag.GPSImgDirection, ExifTag.GPSMapDatum, ExifTag.GPSDestLatitudeRef, ExifTag.GPSDestLatitude,
        ExifTag.GPSDestLongitudeRef, ExifTag.GPSDestLongitude, ExifTag.GPSDestBearingRef, ExifTag.GPSDestBearing,
        ExifTag.GPSDestDistanceRef, ExifTag.GPSDestDistance, ExifTag.GPSProcessingMethod, ExifTag.GPSAreaInformation,
        ExifTag.GPSDateStamp, ExifTag.GPSDifferential,
    ];

    public async Task<ImageFacts?> IdentifyAsync(Stream content, CancellationToken cancellationToken)
    {
        var header = await ImageHeader.ReadAsync(content, cancellationToken);
        if (header is null)
        {
            LogNotAnImage(logger);
            return null;
        }

        // A phone photo taken upright is stored sideways with an EXIF note to turn it; browsers honour the note, so the
        // size editors and front ends need is the turned one (Umbraco's dimension extractor swaps them the same way).
        var info = header.Info;
        var turned = Orientation(info.Metadata) is >= 5 and <= 8;
        return new ImageFacts(header.Format.DefaultMimeType, turned ? info.Height : info.Width, turned ? info.Width : info.Height,
            header.Frames, HasLocation(info.Metadata));
    }

    public async Task<bool> DecodeAsync(Stream content, Stream? withoutLocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var slot = await gate.EnterAsync(cancellationToken);
        try
        {
            var (image, format) = await Image.LoadWithFormatAsync(ImageHeader.Formats, content, cancellationToken);
            using (image)
            {
                if (withoutLocation is not null)
                {
                    RemoveLocation(image.Metadata);
                    await image.SaveAsync(withoutLocation, EncoderLike(image.Metadata, format), cancellationToken);
                }
            }

            return true;
        }
        catch (ImageFormatException exception)
        {
            LogDamaged(logger, exception);
            return false;
        }
        catch (InvalidDataException exception)
        {
            LogDamaged(logger, exception);
            return false;
        }
    }

    private static int Orientation(ImageMetadata metadata) =>
        metadata.ExifProfile?.GetValue(ExifTag.Orientation) is { } orientation ? orientation.Value : 1;

    private static bool HasLocation(ImageMetadata metadata) =>
        metadata.ExifProfile?.Values.Any(v => LocationTags.Contains(v.Tag)) == true || XmpHasLocation(metadata);

    // Cameras and editors also copy the coordinates into XMP (exif:GPSLatitude); the attribute names are the same there.
    private static bool XmpHasLocation(ImageMetadata metadata) =>
        metadata.XmpProfile?.ToByteArray() is { } xmp && Encoding.UTF8.GetString(xmp).Contains("GPSL", StringComparison.Ordinal);

    /// <summary>Drops the GPS tags and, when it holds coordinates, the XMP packet; the orientation and the rest of EXIF stay.</summary>
    private static void RemoveLocation(ImageMetadata metadata)
    {
        if (metadata.ExifProfile is { } exif)
        {
            foreach (var tag in LocationTags)
            {
                exif.RemoveValue(tag);
            }
        }

        if (XmpHasLocation(metadata))
        {
            metadata.XmpProfile = null;
        }
    }

    /// <summary>
    /// The upload's own format, as close to how it was saved as ImageSharp can tell: a JPEG at its own quality, a PNG with its
    /// colour type and depth, a WebP lossless or lossy (its quality is not recorded, so a high one loses little more).
    /// </summary>
    private static IImageEncoder EncoderLike(ImageMetadata metadata, IImageFormat format) => format switch
    {
        JpegFormat => new JpegEncoder { Quality = metadata.GetJpegMetadata().Quality },
        WebpFormat => new WebpEncoder
        {
            FileFormat = metadata.GetWebpMetadata().FileFormat ?? WebpFileFormatType.Lossy,
            Quality = 90,
        },
        PngFormat => new PngEncoder(),
        _ => ImageHeader.Formats.ImageFormatsManager.FindEncoder(format),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "An upload named as an image could not be identified as one")]
    private static partial void LogNotAnImage(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "An uploaded image has a sound header but its pixels do not decode")]
    private static partial void LogDamaged(ILogger logger, Exception exception);
}
