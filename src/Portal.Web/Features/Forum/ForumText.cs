using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace Portal.Web.Features.Forum;

/// <summary>
/// Citizens' and agencies' plain text as HTML: everything encoded, line breaks kept, and only http(s) addresses made
/// into links, marked nofollow ugc so that posting a link earns it nothing.
/// </summary>
internal static partial class ForumText
{
    private static readonly char[] TrailingPunctuation = [.. ".,;:!?)]}»”'"];

    // Vietnamese letters stay readable in the page source, as in the rest of the site; markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static IHtmlContent Linkify(string? text)
    {
        var html = new StringBuilder();
        var paragraphs = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>");
            var lines = paragraph.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    html.Append("<br>");
                }

                AppendLine(html, lines[i]);
            }

            html.Append("</p>");
        }

        return new HtmlString(html.ToString());
    }

    public static string Date(DateTime utc) => Portal.Web.Features.Site.PublishedPage.FormatLocalDate(utc);

    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static void AppendLine(StringBuilder html, string line)
    {
        var at = 0;
        foreach (Match match in Address().Matches(line))
        {
            var url = match.Value.TrimEnd(TrailingPunctuation);
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                continue;
            }

            html.Append(Encoder.Encode(line[at..match.Index]));
            var encoded = Encoder.Encode(url);
            html.Append("<a href=\"").Append(encoded).Append("\" rel=\"nofollow ugc\">").Append(encoded).Append("</a>");
            at = match.Index + url.Length;
        }

        html.Append(Encoder.Encode(line[at..]));
    }

    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
