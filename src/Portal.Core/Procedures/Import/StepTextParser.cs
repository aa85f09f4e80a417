using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Core.Procedures.Import;

/// <summary>
/// Splits "Trình tự thực hiện" text into ordered steps at "Bước 1", "Bước 2"… Only markers numbered in sequence cut,
/// so "như Bước 1" inside a step does not; without markers each line is a step.
/// </summary>
internal static partial class StepTextParser
{
    public static IReadOnlyList<string> Parse(string text)
    {
        var clean = ImportText.Meaningful(text);
        if (clean.Length == 0)
        {
            return [];
        }

        var cuts = new List<Match>();
        foreach (Match marker in Marker().Matches(clean))
        {
            if (int.Parse(marker.Groups["n"].Value, CultureInfo.InvariantCulture) == cuts.Count + 1)
            {
                cuts.Add(marker);
            }
        }

        if (cuts.Count == 0)
        {
            return clean.Split('\n').Select(ImportText.Meaningful).Where(l => l.Length > 0).ToList();
        }

        var steps = new List<string>();
        var preamble = ImportText.Meaningful(clean[..cuts[0].Index]);
        if (preamble.Length > 0)
        {
            steps.Add(preamble);
        }

        for (var i = 0; i < cuts.Count; i++)
        {
            var start = cuts[i].Index + cuts[i].Length;
            var end = i + 1 < cuts.Count ? cuts[i + 1].Index : clean.Length;
            var step = ImportText.Meaningful(clean[start..end]);
            if (step.Length > 0)
            {
                steps.Add(step);
            }
        }

        return steps;
    }

    [GeneratedRegex(@"Bước\s*(?<n>\d+)\s*[:.\-–)]?\s*")]
    private static partial Regex Marker();
}
