using System.Globalization;
using Portal.Core.Media;

namespace Portal.Infrastructure.Media.Imaging;

/// <summary>How an image is fitted to a requested width and height (Umbraco's <c>ImageCropMode</c>, <c>rmode</c>).</summary>
public enum ImageCropMode
{
    /// <summary>Fills the box exactly, cutting what sticks out around the focal point or anchor.</summary>
    Crop,

    /// <summary>Fits inside the box, keeping the proportions.</summary>
    Max,

    /// <summary>Fills the box exactly, distorting the proportions.</summary>
    Stretch,

    /// <summary>Fits inside the box and fills the rest with transparency (white in a JPEG).</summary>
    Pad,

    /// <summary>Like <see cref="Pad"/>, but a smaller image is padded without being enlarged.</summary>
    BoxPad,

    /// <summary>Shrinks until the shorter side reaches the box; never enlarges.</summary>
    Min,
}

/// <summary>Which part of the image a crop keeps when no focal point is given (<c>ranchor</c>).</summary>
public enum ImageCropAnchor
{
    Center,
    Top,
    Right,
    Bottom,
    Left,
    TopLeft,
    TopRight,
    BottomLeft,
    BottomRight,
}

/// <summary>
/// Umbraco's <c>cc</c>: the part of the image to keep before resizing, as fractions of its size. As in Umbraco, <see cref="Right"/>
/// and <see cref="Bottom"/> are distances from the right and bottom edges, not positions.
/// </summary>
public readonly record struct CropCoordinates(double Left, double Top, double Right, double Bottom)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Left},{Top},{Right},{Bottom}");
}

/// <summary>
/// The commands of an image URL, read from its query string or set by <see cref="ImageUrl"/>. Reading is lenient, as
/// ImageSharp's is: a value that does not parse is left out, so <c>?width=abc</c> is the file as it is. Limits
/// (<see cref="ImagingResizeSettings"/>) are not applied here but where the image is made, so a URL and its token always
/// say exactly what was asked.
/// </summary>
public sealed record ImageCommands
{
    public const string CropKey = "cc";
    public const string FocalPointKey = "rxy";
    public const string ModeKey = "rmode";
    public const string AnchorKey = "ranchor";
    public const string WidthKey = "width";
    public const string HeightKey = "height";
    public const string FormatKey = "format";
    public const string QualityKey = "quality";
    public const string CacheBusterKey = "v";
    public const string TokenKey = "hmac";

    /// <summary>Output formats a URL may ask for, by the names it uses.</summary>
    public static readonly IReadOnlyList<string> Formats = ["webp", "jpg", "jpeg", "png", "gif"];

    public static readonly ImageCommands None = new();

    public CropCoordinates? Crop { get; init; }

    /// <summary><c>rxy</c>: the centre of a crop, as fractions from the top-left corner (the media item's focal point).</summary>
    public FocalPoint? FocalPoint { get; init; }

    public ImageCropMode? Mode { get; init; }

    public ImageCropAnchor? Anchor { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    /// <summary>Lower case, one of <see cref="Formats"/>.</summary>
    public string? Format { get; init; }

    /// <summary>1–100, for JPEG and WebP.</summary>
    public int? Quality { get; init; }

    /// <summary><c>v</c>: part of the cache key and of the token, otherwise ignored (Umbraco writes the media item's update time).</summary>
    public string? CacheBuster { get; init; }

    /// <summary>Parameters that are not commands (Umbraco's "further options"), kept in their order; never processed.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Further { get; init; } = [];

    /// <summary>Whether anything would change the image; <c>v</c> and further options alone do not.</summary>
    public bool HasCommands => Crop is not null || FocalPoint is not null || Mode is not null || Anchor is not null || Width is not null
        || Height is not null || Format is not null || Quality is not null;

    /// <summary>Reads a query string's parameters in their order; the first of a repeated command counts, <c>hmac</c> is left out.</summary>
    public static ImageCommands Parse(IEnumerable<KeyValuePair<string, string>> query)
    {
        var commands = new ImageCommands();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var further = new List<KeyValuePair<string, string>>();
        foreach (var (rawKey, value) in query)
        {
            var key = rawKey.ToLowerInvariant();
            if (key == TokenKey || (IsCommandKey(key) && !seen.Add(key)))
            {
                continue;
            }

            commands = key switch
            {
                CropKey => commands with { Crop = ParseCrop(value) },
                FocalPointKey => commands with { FocalPoint = Core.Media.FocalPoint.TryParse(value, out var point) ? point : null },
                ModeKey => commands with { Mode = Enum.TryParse<ImageCropMode>(value, true, out var mode) && Enum.IsDefined(mode) ? mode : null },
                AnchorKey => commands with { Anchor = Enum.TryParse<ImageCropAnchor>(value, true, out var anchor) && Enum.IsDefined(anchor) ? anchor : null },
                WidthKey => commands with { Width = PositiveInteger(value) },
                HeightKey => commands with { Height = PositiveInteger(value) },
                FormatKey => commands with { Format = Formats.FirstOrDefault(f => f.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase)) },
                QualityKey => commands with { Quality = PositiveInteger(value) is { } quality ? Math.Min(quality, 100) : null },
                CacheBusterKey => commands with { CacheBuster = value },
                _ => commands,
            };

            if (!IsCommandKey(key))
            {
                further.Add(new KeyValuePair<string, string>(rawKey, value));
            }
        }

        return commands with { Further = further };
    }

    /// <summary>
    /// The parameters in Umbraco's order: <c>cc, rxy, rmode, ranchor, width, height, format, quality</c>, the further options,
    /// then <c>v</c>. URLs are written in this order and tokens are computed over it, so both sides agree byte for byte.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string?>> ToQuery()
    {
        var query = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                query.Add(new KeyValuePair<string, string?>(key, value));
            }
        }

        Add(CropKey, Crop?.ToString());
        Add(FocalPointKey, FocalPoint?.ToString());
        Add(ModeKey, Mode?.ToString().ToLowerInvariant());
        Add(AnchorKey, Anchor?.ToString().ToLowerInvariant());
        Add(WidthKey, Width?.ToString(CultureInfo.InvariantCulture));
        Add(HeightKey, Height?.ToString(CultureInfo.InvariantCulture));
        Add(FormatKey, Format);
        Add(QualityKey, Quality?.ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in Further)
        {
            Add(key, value);
        }

        Add(CacheBusterKey, string.IsNullOrEmpty(CacheBuster) ? null : CacheBuster);
        return query;
    }

    private static bool IsCommandKey(string key) => key is CropKey or FocalPointKey or ModeKey or AnchorKey or WidthKey or HeightKey
        or FormatKey or QualityKey or CacheBusterKey;

    private static int? PositiveInteger(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;

    private static CropCoordinates? ParseCrop(string value)
    {
        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        var numbers = new double[4];
        if (parts.Length != 4)
        {
            return null;
        }

        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || double.IsNaN(numbers[i]))
            {
                return null;
            }

            numbers[i] = Math.Clamp(numbers[i], 0, 1);
        }

        // All zeros is Umbraco's "no crop".
        return numbers.All(n => n == 0) ? null : new CropCoordinates(numbers[0], numbers[1], numbers[2], numbers[3]);
    }
}
