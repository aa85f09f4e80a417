using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Portal.Core.Programme;

namespace Portal.Web.Features.IndexResults;

/// <summary>A server-rendered SVG bar chart of one index over the years; every year with no figure is drawn as an empty slot.</summary>
public static class ScoreChart
{
    private const int Width = 640;
    private const int Height = 260;
    private const int Left = 48;
    private const int Bottom = 36;
    private const int Top = 16;

    /// <summary>The charts start here (the first year of the figures the province gathered), or earlier if a figure is older.</summary>
    public const int DefaultFirstYear = 2018;

    /// <summary>The years every chart and table of a page shows: from the first year to the newest year with any figure.</summary>
    public static IReadOnlyList<int> Years(IReadOnlyList<IndexResult> results, int currentYear)
    {
        var first = results.Count == 0 ? DefaultFirstYear : Math.Min(DefaultFirstYear, results.Min(r => r.Year));
        var last = results.Count == 0 ? currentYear - 1 : results.Max(r => r.Year);
        return Enumerable.Range(first, Math.Max(1, last - first + 1)).ToList();
    }

    public static string Render(ReformIndex index, IReadOnlyList<IndexResult> results, IReadOnlyList<int> years, string titleId)
    {
        // A figure entered with a larger maximum than the usual one still fits its chart.
        var max = results.Select(r => r.MaxScore).Append(index.DefaultMaximum()).Max();
        var plotHeight = Height - Bottom - Top;
        var slot = (Width - Left - 8) / (double)years.Count;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{titleId}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{titleId}\">{Encode(index.Name())} của tỉnh Kon Tum theo năm</title>");
        foreach (var tick in new[] { 0m, max / 2, max })
        {
            var y = Top + plotHeight - (double)(tick / max) * plotHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - 8}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#d0d0d0\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"#1b1b1b\">{tick:0.##}</text>");
        }

        for (var i = 0; i < years.Count; i++)
        {
            var x = Left + i * slot;
            var result = results.FirstOrDefault(r => r.Year == years[i]);
            if (result is not null)
            {
                var barHeight = (double)(result.Score / max) * plotHeight;
                var label = result.Score.ToString("0.##", new CultureInfo("vi-VN"));
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{x + slot * 0.2:0.#}\" y=\"{Top + plotHeight - barHeight:0.#}\" width=\"{slot * 0.6:0.#}\" height=\"{barHeight:0.#}\" fill=\"#9b1c1c\"/>");
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{x + slot / 2:0.#}\" y=\"{Top + plotHeight - barHeight - 4:0.#}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1b1b1b\">{label}</text>");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{x + slot / 2:0.#}\" y=\"{Top + plotHeight - 4:0.#}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#4a4a4a\">không có</text>");
            }

            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x + slot / 2:0.#}\" y=\"{Height - 12}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1b1b1b\">{years[i]}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string Encode(string text) => Encoder.Encode(text);
}
