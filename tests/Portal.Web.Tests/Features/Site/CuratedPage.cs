using System.Text.RegularExpressions;

namespace Portal.Web.Tests.Features.Site;

/// <summary>Reads the lists of the column and home pages out of their HTML, as a reader sees them in order.</summary>
internal static partial class CuratedPage
{
    public const string CuratedHeading = "<h2>Tin bài chọn lọc</h2>";
    public const string NewestHeading = "<h2>Tin bài mới</h2>";
    public const string ShowcaseHeading = "<h2 id=\"noi-bat\">Chuyên trang CCHC nổi bật</h2>";
    public const string FeaturedMark = "<span class=\"badge\">Nổi bật</span>";

    /// <summary>The column's curated block: each entry's link and whether it carries the "Nổi bật" mark; empty when absent.</summary>
    public static IReadOnlyList<(string Url, bool Featured)> Curated(string html) => Entries(ListAfter(html, CuratedHeading));

    /// <summary>The home page's "Chuyên trang CCHC nổi bật" section; empty when absent.</summary>
    public static IReadOnlyList<(string Url, bool Featured)> Showcase(string html) => Entries(ListAfter(html, ShowcaseHeading));

    /// <summary>The column's own items: the list under "Tin bài mới", or under "Tin bài" when there is no curated block.</summary>
    public static IReadOnlyList<string> Newest(string html)
    {
        var list = ListAfter(html, NewestHeading);
        return Links(list.Length > 0 ? list : ListAfter(html, "<h2>Tin bài</h2>"));
    }

    /// <summary>The links of the first list in <paramref name="html"/>, in order.</summary>
    public static IReadOnlyList<string> Links(string html) =>
        Href().Matches(FirstList(html)).Select(m => m.Groups[1].Value).ToList();

    private static List<(string Url, bool Featured)> Entries(string list) =>
        Item().Matches(list).Select(m => (Href().Match(m.Value).Groups[1].Value, m.Value.Contains(FeaturedMark, StringComparison.Ordinal))).ToList();

    private static string ListAfter(string html, string heading)
    {
        var at = html.IndexOf(heading, StringComparison.Ordinal);
        return at < 0 ? string.Empty : FirstList(html[at..]);
    }

    private static string FirstList(string html)
    {
        var start = html.IndexOf("<ul class=\"list\">", StringComparison.Ordinal);
        return start < 0 ? string.Empty : html[start..(html.IndexOf("</ul>", start, StringComparison.Ordinal) + 5)];
    }

    [GeneratedRegex("<li>.*?</li>", RegexOptions.Singleline)]
    private static partial Regex Item();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
