using System.Globalization;

namespace Portal.Core.Media;

/// <summary>
/// The point of an image that must stay in view when a crop cuts it, as fractions of its width and height from the
/// top-left corner (Umbraco's <c>focalPoint {left, top}</c>, and the <c>rxy</c> of its image URLs).
/// </summary>
public readonly record struct FocalPoint(double Left, double Top)
{
    public static readonly FocalPoint Centre = new(0.5, 0.5);

    public bool IsValid => IsFraction(Left) && IsFraction(Top);

    /// <summary>Reads <c>"0.5,0.5"</c> (invariant culture, as in <c>rxy</c>); false for anything else, or for values outside 0–1.</summary>
    public static bool TryParse(string? text, out FocalPoint point)
    {
        point = Centre;
        var parts = (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var left)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var top))
        {
            return false;
        }

        point = new FocalPoint(left, top);
        return point.IsValid;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Left},{Top}");

    // NaN fails both comparisons, so it is refused along with the out-of-range values.
    private static bool IsFraction(double value) => value is >= 0 and <= 1;
}
