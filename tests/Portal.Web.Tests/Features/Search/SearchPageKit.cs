using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Tests.Features.Search.Relevance;
using static Portal.Web.Tests.Features.Procedures.ProcedureTestKit;

namespace Portal.Web.Tests.Features.Search;

/// <summary>One result of the page: its link, its title markup (with &lt;mark&gt;), its type, date and unit line.</summary>
internal sealed record PageHit(string Url, string TitleHtml, string Meta)
{
    /// <summary>The title as read, without the highlighting.</summary>
    public string Title => WebUtility.HtmlDecode(TitleHtml.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal));

    /// <summary>The date shown (dd/MM/yyyy).</summary>
    public DateOnly Date => DateOnly.ParseExact(Regex.Match(Meta, @"\d{2}/\d{2}/\d{4}").Value, "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A choice of a filter select: the value it sends, its label, its count, whether it is chosen.</summary>
internal sealed record PageOption(string Value, string Label, int Count, bool Selected);

/// <summary>Reads what a visitor sees on <c>/tim-kiem</c> and publishes what the search tests look for.</summary>
internal static partial class SearchPageKit
{
    public const string SearchPath = "/tim-kiem/";

    /// <summary>A seeded article (uSync/v17/Content) whose title words occur nowhere else.</summary>
    public const string SeededTitle = "Tổ chức cuộc thi tìm hiểu về công tác cải cách hành chính bằng hình thức sân khấu hóa";

    public static string SeededUrl(WebApplicationFactory<Program> factory)
    {
        var tree = factory.Services.GetRequiredService<PublishedRouteTree>();
        return tree.UrlOf(tree.DescendantsOf(tree.Root!.Key, n => n.Name == SeededTitle).Single().Key)!;
    }

    /// <summary>As the site encodes text (every Unicode letter kept as is).</summary>
    public static readonly HtmlEncoder Html = HtmlEncoder.Create(new TextEncoderSettings(UnicodeRanges.All));

    public static string SearchUrl(string query) => SearchPath + "?" + query;

    public static string Q(string text) => "q=" + Uri.EscapeDataString(text);

    public static Task<string> SearchAsync(HttpClient client, string query) => GetHtmlAsync(client, SearchUrl(query));

    /// <summary>N of "Tìm thấy N kết quả"; null when the page says nothing about results.</summary>
    public static int? Total(string html) =>
        TotalLine().Match(html) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    public static IReadOnlyList<PageHit> Hits(string html)
    {
        var list = ResultList().Match(html);
        return list.Success
            ? ResultItem().Matches(list.Groups[1].Value).Select(m => new PageHit(WebUtility.HtmlDecode(m.Groups[1].Value), m.Groups[2].Value, m.Groups[3].Value)).ToList()
            : [];
    }

    /// <summary>The choices of the filter select named <paramref name="key"/> (<c>loai</c>, <c>don-vi</c>, <c>nam</c>), "Tất cả" left out.</summary>
    public static IReadOnlyList<PageOption> Options(string html, string key)
    {
        var select = Regex.Match(html, "<select id=\"loc-" + Regex.Escape(key) + "\" name=\"" + Regex.Escape(key) + "\">(.*?)</select>", RegexOptions.Singleline);
        return select.Success
            ? OptionItem().Matches(select.Groups[1].Value).Select(m => new PageOption(WebUtility.HtmlDecode(m.Groups[1].Value),
                WebUtility.HtmlDecode(m.Groups[3].Value), int.Parse(m.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups[2].Success)).ToList()
            : [];
    }

    /// <summary>The href of <c>&lt;link rel="next|prev"&gt;</c> in the head, decoded; null when there is none.</summary>
    public static string? Rel(string html, string rel) =>
        Regex.Match(html, "<link rel=\"" + rel + "\" href=\"([^\"]*)\">") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    /// <summary>Asks again until <paramref name="done"/> holds: the index follows the outbox, a moment after a publish.</summary>
    public static async Task<string> PollAsync(HttpClient client, string url, Func<string, bool> done, TimeSpan? patience = null)
    {
        var until = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var html = await GetHtmlAsync(client, url);
            if (done(html) || DateTime.UtcNow > until)
            {
                return html;
            }

            await Task.Delay(100);
        }
    }

    public const string ColumnPath = "/chuyen-trang-cchc/";

    public static Guid Resolve(WebApplicationFactory<Program> factory, string path) =>
        factory.Services.GetRequiredService<PublishedRouteTree>().Resolve(path)!.Key;

    public static string UrlOf(WebApplicationFactory<Program> factory, Guid key) =>
        factory.Services.GetRequiredService<PublishedRouteTree>().UrlOf(key)!;

    /// <summary>Publishes an article in the CCHC column, optionally naming a unit.</summary>
    public static Task<Guid> PublishArticleAsync(WebApplicationFactory<Program> factory, string title, Guid? unit = null)
    {
        var values = new Dictionary<string, string>
        {
            ["title"] = title,
            ["summary"] = "Tin về cải cách hành chính: " + title,
            ["body"] = "<p>Nội dung chi tiết của tin " + title + ".</p>",
            ["category"] = Json("Tin tức"),
        };
        if (unit is { } key)
        {
            values["unit"] = Portal.Core.Schema.DocumentUdi.Format(key);
        }

        return PublishAsync(factory, "article", Resolve(factory, ColumnPath), title, values);
    }

    /// <summary>Publishes a directive issued on <paramref name="issued"/>: its date is the one the search files it under.</summary>
    public static Task<Guid> PublishDirectiveAsync(WebApplicationFactory<Program> factory, string title, DateOnly issued) =>
        PublishAsync(factory, "directive", Resolve(factory, "/chi-dao-dieu-hanh/"), title, new Dictionary<string, string>
        {
            ["title"] = title,
            ["summary"] = "Chỉ đạo của Ủy ban nhân dân tỉnh: " + title,
            ["body"] = "<p>Nội dung chỉ đạo " + title + ".</p>",
            ["issueDate"] = issued.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " 00:00:00",
        });

    [GeneratedRegex(@"Tìm thấy (\d+) kết quả")]
    private static partial Regex TotalLine();

    [GeneratedRegex("<section class=\"search-results\"[^>]*>.*?<ol class=\"list\"[^>]*>(.*?)</ol>", RegexOptions.Singleline)]
    private static partial Regex ResultList();

    [GeneratedRegex("<li>\\s*<a href=\"([^\"]*)\">(.*?)</a>\\s*<span class=\"meta\">(.*?)</span>", RegexOptions.Singleline)]
    private static partial Regex ResultItem();

    [GeneratedRegex("<option value=\"([^\"]+)\"( selected=\"selected\")?>([^<]*) \\((\\d+)\\)</option>")]
    private static partial Regex OptionItem();
}

/// <summary>One seeded host with ready indexes for the search page tests; each test publishes only words of its own.</summary>
[CollectionDefinition(Name)]
public sealed class SearchPagesCollection : ICollectionFixture<SeededSearchSite>
{
    public const string Name = "search-pages";
}
