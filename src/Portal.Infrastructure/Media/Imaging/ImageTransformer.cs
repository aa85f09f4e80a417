using Portal.Core.Media;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;

namespace Portal.Infrastructure.Media.Imaging;

/// <summary>What became of a transform.</summary>
public enum ImageTransformOutcome
{
    Done,

    /// <summary>The file is not a whole image of one of the four formats.</summary>
    NotAnImage,

    /// <summary>Its header promises more pixels than <c>Portal:Media:MaxImagePixels</c>; nothing was decoded.</summary>
    TooManyPixels,
}

/// <summary>
/// Applies image URL commands with ImageSharp: turn upright by the EXIF orientation, crop (<c>cc</c>), resize
/// (<c>width</c>, <c>height</c>, <c>rmode</c>, <c>ranchor</c>, <c>rxy</c>), encode (<c>format</c>, <c>quality</c>). The header is
/// read first and an image too big to decode safely is refused before any pixel is touched; decoding waits for a slot of
/// the <see cref="ImageDecodeGate"/>.
/// </summary>
public sealed class ImageTransformer(ImagingSettings settings, MediaLibraryOptions options, ImageDecodeGate gate)
{
    /// <summary>
    /// The commands as they will be applied: like Umbraco, a width above <c>Resize:MaxWidth</c> or a height above
    /// <c>Resize:MaxHeight</c> is dropped (both above: no resize at all), and further options are never processed.
    /// </summary>
    public ImageCommands Limit(ImageCommands commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        return commands with
        {
            Width = commands.Width is { } width && width <= settings.Resize.MaxWidth ? width : null,
            Height = commands.Height is { } height && height <= settings.Resize.MaxHeight ? height : null,
            Format = commands.Format == "jpeg" ? "jpg" : commands.Format,
            Further = [],
        };
    }

    /// <summary>The <c>format</c> name an extension stands for (jpeg → jpg); null for anything that is not an image format.</summary>
    public static string? FormatOfExtension(string extension) => extension.ToLowerInvariant() switch
    {
        "jpg" or "jpeg" => "jpg",
        "png" => "png",
        "gif" => "gif",
        "webp" => "webp",
        _ => null,
    };

    public static string ContentTypeOf(string format) => format switch
    {
        "jpg" or "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        _ => "image/webp",
    };

    /// <summary>Reads an image from <paramref name="source"/> and writes it, transformed, to <paramref name="output"/>.</summary>
    /// <param name="commands">Limited commands (<see cref="Limit"/>) whose <see cref="ImageCommands.Format"/> is set.</param>
    public async Task<ImageTransformOutcome> TransformAsync(Stream source, ImageCommands commands, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(commands);
        var header = await ImageHeader.ReadAsync(source, cancellationToken);
        if (header is null)
        {
            return ImageTransformOutcome.NotAnImage;
        }

        if (header.Pixels > options.MaxImagePixels)
        {
            return ImageTransformOutcome.TooManyPixels;
        }

        source.Position = 0;
        using var slot = await gate.EnterAsync(cancellationToken);
        Image image;
        try
        {
            image = await Image.LoadAsync(ImageHeader.Formats, source, cancellationToken);
        }
        catch (ImageFormatException)
        {
            return ImageTransformOutcome.NotAnImage;
        }
        catch (InvalidDataException)
        {
            return ImageTransformOutcome.NotAnImage;
        }

        using (image)
        {
            var format = commands.Format ?? FormatOfExtension(header.Format.FileExtensions.First()) ?? "webp";
            Apply(image, commands, opaque: format == "jpg" && header.Format is not JpegFormat);
            await image.SaveAsync(output, EncoderFor(format, commands.Quality), cancellationToken);
        }

        return ImageTransformOutcome.Done;
    }

    private void Apply(Image image, ImageCommands commands, bool opaque)
    {
        // Editors set focal points and crops on the picture as browsers show it, so turn it upright first; the derivative
        // carries no EXIF, XMP or IPTC at all (no location of photos uploaded before uploads were cleaned, fewer bytes).
        image.Mutate(x => x.AutoOrient());
        image.Metadata.ExifProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IptcProfile = null;

        if (commands.Crop is { } crop && CropRectangle(image.Size(), crop) is { } rectangle)
        {
            image.Mutate(x => x.Crop(rectangle));
        }

        if (ResizeOptionsFor(image.Size(), commands, opaque) is { } resize)
        {
            image.Mutate(x => x.Resize(resize));
        }

        if (opaque)
        {
            // JPEG has no transparency: a transparent PNG would otherwise turn black where it was see-through.
            image.Mutate(x => x.BackgroundColor(Color.White));
        }
    }

    /// <summary><c>cc</c> in pixels; null when it keeps nothing or everything.</summary>
    private static Rectangle? CropRectangle(Size size, CropCoordinates crop)
    {
        var left = (int)Math.Round(crop.Left * size.Width);
        var top = (int)Math.Round(crop.Top * size.Height);
        var right = (int)Math.Round((1 - crop.Right) * size.Width);
        var bottom = (int)Math.Round((1 - crop.Bottom) * size.Height);
        var rectangle = Rectangle.FromLTRB(Math.Min(left, right), Math.Min(top, bottom), Math.Max(left, right), Math.Max(top, bottom));
        return rectangle.Width <= 0 || rectangle.Height <= 0 || rectangle.Size == size ? null : rectangle;
    }

    private ResizeOptions? ResizeOptionsFor(Size size, ImageCommands commands, bool opaque)
    {
        var (width, height) = (commands.Width ?? 0, commands.Height ?? 0);
        if (width == 0 && height == 0)
        {
            return null;
        }

        // One side given: the other follows the proportions, and must stay within its own limit too, or a 5000-pixel width
        // of a tall strip would ask for a canvas far bigger than the limits mean to allow.
        if (height == 0 && Math.Round((double)size.Height * width / size.Width) > settings.Resize.MaxHeight)
        {
            (width, height) = (0, settings.Resize.MaxHeight);
        }
        else if (width == 0 && Math.Round((double)size.Width * height / size.Height) > settings.Resize.MaxWidth)
        {
            (width, height) = (settings.Resize.MaxWidth, 0);
        }

        return new ResizeOptions
        {
            Size = new Size(width, height),
            Mode = commands.Mode switch
            {
                ImageCropMode.Max => ResizeMode.Max,
                ImageCropMode.Stretch => ResizeMode.Stretch,
                ImageCropMode.Pad => ResizeMode.Pad,
                ImageCropMode.BoxPad => ResizeMode.BoxPad,
                ImageCropMode.Min => ResizeMode.Min,
                _ => ResizeMode.Crop,
            },
            Position = commands.Anchor switch
            {
                ImageCropAnchor.Top => AnchorPositionMode.Top,
                ImageCropAnchor.Right => AnchorPositionMode.Right,
                ImageCropAnchor.Bottom => AnchorPositionMode.Bottom,
                ImageCropAnchor.Left => AnchorPositionMode.Left,
                ImageCropAnchor.TopLeft => AnchorPositionMode.TopLeft,
                ImageCropAnchor.TopRight => AnchorPositionMode.TopRight,
                ImageCropAnchor.BottomLeft => AnchorPositionMode.BottomLeft,
                ImageCropAnchor.BottomRight => AnchorPositionMode.BottomRight,
                _ => AnchorPositionMode.Center,
            },

            // The focal point wins over the anchor, as in ImageSharp.Web; it only matters when a crop cuts something away.
            CenterCoordinates = commands.FocalPoint is { } point ? new PointF((float)point.Left, (float)point.Top) : null,
            PadColor = opaque ? Color.White : Color.Transparent,
        };
    }

    private static IImageEncoder EncoderFor(string format, int? quality) => format switch
    {
        "jpg" or "jpeg" => new JpegEncoder { Quality = quality },

        // Umbraco encodes WebP lossy: lossless WebP of a photo is many times bigger.
        "webp" => new WebpEncoder { FileFormat = WebpFileFormatType.Lossy, Quality = quality ?? 75 },
        "png" => new PngEncoder(),
        _ => new GifEncoder(),
    };
}
