using System.Globalization;
using System.Text;
using Portal.Core.Schema;
using Portal.Core.Text;
using Portal.Infrastructure.PublishedCache;
using Portal.Infrastructure.Search;
using Portal.Web.Features.Site;

namespace Portal.Web.Features.Search;

/// <summary>
/// The query string of <c>/tim-kiem</c>, read and written with the same keys, so every page and filter is a plain shareable URL:
/// <c>q</c> (text), <c>loai</c> (content type alias), <c>don-vi</c> (unit key, 32 hex digits), <c>nam</c> (year),
/// <c>sap-xep</c> (absent: relevance; <c>moi-nhat</c>: newest first), <c>trang</c> (page).
/// A value that cannot be right (unknown type, malformed key, impossible year, unknown order) is dropped, never an error.
/// </summary>
public sealed record SiteSearchQuery(string Text, string? Type, Guid? Unit, int? Year, SearchSort Sort, int Page)
{
    public const int PageSize = 10;

    public const string NewestFirst = "moi-nhat";

    /// <summary>Every key the page reads: the output cache must vary by all of them.</summary>
    public static readonly string[] Keys = ["q", "loai", "don-vi", "nam", "sap-xep", "trang"];

    /// <summary>No item of the portal is older; a link asking for an earlier year is a typo or a probe.</summary>
    private const int FirstYear = 1945;

    public bool HasFilters => Type is not null || Unit is not null || Year is not null;

    public static SiteSearchQuery From(PageRequest request, ISchemaCatalog schema, PublishedRouteTree routes, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(routes);
        var type = request.Type is { } alias && schema.FindContentType(alias) is { IsElement: false } contentType ? contentType.Alias : null;
        var unit = request.Unit is { Length: 32 } key && Guid.TryParseExact(key, "N", out var parsed) && routes.Find(parsed) is not null
            ? parsed : (Guid?)null;
        var lastYear = VietnamTime.FromUtc(utcNow).Year + 1;
        var year = request.Year is { } y && y >= FirstYear && y <= lastYear ? y : (int?)null;
        var sort = request.Sort == NewestFirst ? SearchSort.Date : SearchSort.Relevance;
        return new SiteSearchQuery(CleanText(request.Query), type, unit, year, sort, Math.Max(1, request.Page));
    }

    /// <summary>
    /// What was typed, as NFC with control characters turned into spaces (they are never meant, and never shown) and each run
    /// of white space made one space.
    /// </summary>
    public static string CleanText(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return string.Empty;
        }

        // Enumerating runes also turns a lone surrogate (from a broken URL escape), which could not be normalised, into U+FFFD.
        var text = new StringBuilder(typed.Length);
        foreach (var rune in typed.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || rune.Value is 0x2028 or 0x2029)
            {
                text.Append(' ');
            }
            else
            {
                text.Append(rune.ToString());
            }
        }

        return string.Join(' ', VietnameseText.Nfc(text.ToString()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    public SearchRequest ToRequest() => new(Text, Type, Unit, Year, Sort, Page, PageSize);

    /// <summary>The address of this search at <paramref name="page"/>: page 1 and the default order are left out.</summary>
    public string Url(string path, int page) => SitePageBuilder.PageUrl(path, page, Pairs());

    /// <summary>The same search without its filters (text and order kept), for the empty state's advice.</summary>
    public string UrlWithoutFilters(string path) => (this with { Type = null, Unit = null, Year = null }).Url(path, 1);

    private (string Key, string? Value)[] Pairs() =>
    [
        ("q", Text.Length == 0 ? null : Text),
        ("loai", Type),
        ("don-vi", Unit?.ToString("N")),
        ("nam", Year?.ToString(CultureInfo.InvariantCulture)),
        ("sap-xep", Sort == SearchSort.Date ? NewestFirst : null),
    ];
}
