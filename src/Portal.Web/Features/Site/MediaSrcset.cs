using System.Globalization;
using Portal.Core.Media;
using Portal.Infrastructure.Media.Imaging;

namespace Portal.Web.Features.Site;

/// <summary>
/// What an <c>&lt;img&gt;</c> (inside a <c>&lt;picture&gt;</c>) needs to show a media item at the right size on every screen:
/// <see cref="Src"/> for browsers without <c>srcset</c>, candidates in the file's own format and in WebP, <c>sizes</c>, and the
/// width and height of the largest candidate so the page does not jump while it loads.
/// </summary>
public sealed record ResponsiveImage(string Src, string? Srcset, string? WebpSrcset, string Sizes, int Width, int Height, string Alt);

/// <summary>
/// Responsive image URLs for the public theme, written by <see cref="ImageUrl"/> (so they carry <c>hmac</c> when a key is set)
/// with <c>v</c> from the media item's update time, as Umbraco's <c>GetCropUrl</c> writes it. Never wider than the original;
/// an aspect ratio crops around the item's focal point (<c>rxy</c>).
/// </summary>
public sealed class MediaSrcset(IMediaItemStore items, ImageUrlSigner signer, MediaLibraryOptions options)
{
    /// <summary>Widths offered to the browser: a phone at 1×, a phone at 2–3×, a column of the 64rem layout at 1× and 2×.</summary>
    public static readonly IReadOnlyList<int> Widths = [320, 480, 640, 960, 1280];

    /// <summary>The image of a MediaPicker3 value (its first pick); null when nothing live is picked or it is not an image.</summary>
    public async Task<ResponsiveImage?> ForPickerAsync(string? pickerValue, string sizes, double? aspectRatio, CancellationToken cancellationToken)
    {
        if (MediaPicks.Read(pickerValue).FirstOrDefault() is not { } pick)
        {
            return null;
        }

        return await items.FindAsync(pick.MediaKey, cancellationToken) is { } item ? For(item, sizes, aspectRatio) : null;
    }

    /// <param name="sizes">The <c>sizes</c> attribute: how wide the image is shown, e.g. <c>(min-width: 64rem) 62rem, 100vw</c>.</param>
    /// <param name="aspectRatio">Width ÷ height of the crop (16 / 9.0); null keeps the image's own proportions.</param>
    public ResponsiveImage? For(MediaItem item, string sizes, double? aspectRatio = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Url is not { } url || item.MediaTypeAlias != MediaTypes.Image || item.Width is not > 0 || item.Height is not > 0)
        {
            return null;
        }

        var (width, height) = (item.Width.Value, item.Height.Value);
        var alt = item.AltText ?? string.Empty;

        // An image the pipeline refuses to decode (uploaded before the limit) is shown as it is rather than broken.
        if ((long)width * height > options.MaxImagePixels)
        {
            return new ResponsiveImage(url, null, null, sizes, width, height, alt);
        }

        var cropped = aspectRatio is > 0;
        var ratio = cropped ? aspectRatio!.Value : (double)width / height;

        // A crop narrower than the image is as wide as its height allows.
        var widest = cropped ? Math.Min(width, (int)Math.Floor((height * ratio) + 1e-9)) : width;
        var candidates = Widths.Where(w => w < widest).Append(Math.Min(widest, Widths[^1])).Distinct().Order().ToList();
        var version = DateTime.SpecifyKind(item.UpdatedAt, DateTimeKind.Utc).ToFileTimeUtc().ToString(CultureInfo.InvariantCulture);
        string Candidate(int w, string? format) => ImageUrl.For(url, new ImageCommands
        {
            FocalPoint = cropped && item.FocalPoint != FocalPoint.Centre ? item.FocalPoint : null,
            Mode = cropped ? ImageCropMode.Crop : null,
            Width = w,
            Height = cropped ? HeightOf(w, ratio) : null,
            Format = format,
            CacheBuster = version,
        }, signer);
        string Set(string? format) => string.Join(", ", candidates.Select(w => $"{Candidate(w, format)} {w}w"));

        // A WebP needs no second set; a GIF may move, and ImageSharp 2.1 writes only the first frame of an animation as WebP.
        var webp = item.Extension is "gif" or "webp" ? null : Set("webp");
        var fallback = candidates.LastOrDefault(w => w <= 960, candidates[0]);
        return new ResponsiveImage(Candidate(fallback, null), Set(null), webp, sizes, candidates[^1], HeightOf(candidates[^1], ratio), alt);
    }

    private static int HeightOf(int width, double ratio) => Math.Max(1, (int)Math.Round(width / ratio));
}
