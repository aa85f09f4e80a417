using System.Globalization;
using System.Text.RegularExpressions;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Portal.Web.Tests.Features.Procedures;

/// <summary>
/// Reads back the inline SVG QR code of a page: samples the dark shapes (rects and path outlines, even-odd) at every unit of
/// the viewBox, draws the result as a grey image, and lets ZXing decode it as a phone camera would.
/// </summary>
internal static partial class QrSvg
{
    public static string? Decode(string html)
    {
        var svg = SvgElement().Match(html).Value;
        Assert.False(string.IsNullOrEmpty(svg), "no inline <svg> in the page");
        var box = ViewBox().Match(svg);
        var width = (int)Math.Round(double.Parse(box.Groups[1].Value, CultureInfo.InvariantCulture));
        var height = (int)Math.Round(double.Parse(box.Groups[2].Value, CultureInfo.InvariantCulture));
        var edges = new List<(double X1, double Y1, double X2, double Y2)>();
        foreach (Match rect in DarkRect().Matches(svg))
        {
            double N(string name) => double.Parse(Regex.Match(rect.Value, $"\\b{name}=\"([-0-9.]+)\"").Groups[1].Value, CultureInfo.InvariantCulture);
            var (x, y, w, h) = (N("x"), N("y"), N("width"), N("height"));
            if (w >= width && h >= height)
            {
                continue; // the light background
            }

            edges.Add((x, y, x, y + h));
            edges.Add((x + w, y, x + w, y + h));
        }

        foreach (Match path in DarkPath().Matches(svg))
        {
            AddPath(path.Groups[1].Value, edges);
        }

        const int scale = 4;
        var pixels = new byte[width * scale * height * scale];
        Array.Fill(pixels, (byte)255);
        for (var row = 0; row < height; row++)
        {
            for (var column = 0; column < width; column++)
            {
                if (!Inside(column + 0.5, row + 0.5, edges))
                {
                    continue;
                }

                for (var dy = 0; dy < scale; dy++)
                {
                    Array.Fill(pixels, (byte)0, ((row * scale) + dy) * width * scale + (column * scale), scale);
                }
            }
        }

        var source = new RGBLuminanceSource(pixels, width * scale, height * scale, RGBLuminanceSource.BitmapFormat.Gray8);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
            new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true });
        return result?.Text;
    }

    /// <summary>Even-odd rule with a ray to the right.</summary>
    private static bool Inside(double x, double y, List<(double X1, double Y1, double X2, double Y2)> edges)
    {
        var inside = false;
        foreach (var (x1, y1, x2, y2) in edges)
        {
            if ((y1 > y) != (y2 > y) && x < x1 + ((y - y1) * (x2 - x1) / (y2 - y1)))
            {
                inside = !inside;
            }
        }

        return inside;
    }

    private static void AddPath(string d, List<(double, double, double, double)> edges)
    {
        var tokens = PathToken().Matches(d).Select(m => m.Value).ToList();
        double x = 0, y = 0, startX = 0, startY = 0;
        var command = 'M';
        for (var i = 0; i < tokens.Count;)
        {
            if (char.IsLetter(tokens[i][0]))
            {
                command = tokens[i][0];
                i++;
                if (command is 'Z' or 'z')
                {
                    edges.Add((x, y, startX, startY));
                    (x, y) = (startX, startY);
                    continue;
                }
            }

            double Next() => double.Parse(tokens[i++], CultureInfo.InvariantCulture);
            var (nx, ny) = command switch
            {
                'M' or 'L' => (Next(), Next()),
                'm' or 'l' => (x + Next(), y + Next()),
                'H' => (Next(), y),
                'h' => (x + Next(), y),
                'V' => (x, Next()),
                'v' => (x, y + Next()),
                _ => throw new InvalidOperationException($"SVG path command {command} is not read by this test helper"),
            };
            if (command is 'M' or 'm')
            {
                (startX, startY) = (nx, ny);
                command = command == 'M' ? 'L' : 'l';
            }
            else
            {
                edges.Add((x, y, nx, ny));
            }

            (x, y) = (nx, ny);
        }
    }

    [GeneratedRegex("<svg[^>]*>.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgElement();

    [GeneratedRegex("viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"")]
    private static partial Regex ViewBox();

    [GeneratedRegex("<rect[^>]*fill=\"#(?:000|000000)\"[^>]*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex DarkRect();

    [GeneratedRegex("<path[^>]*?fill=\"#(?:000|000000)\"[^>]*?\\sd=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex DarkPath();

    [GeneratedRegex("[MmLlHhVvZz]|-?[0-9]*\\.?[0-9]+")]
    private static partial Regex PathToken();
}
