using System.Globalization;
using Portal.Core.Text;

namespace Portal.Web.Features.Feeds;

/// <summary>Dates as feed readers and search engines parse them, shown in Vietnam time like the rest of the site.</summary>
internal static class FeedDates
{
    /// <summary>RSS 2.0 demands RFC 822, e.g. <c>Sat, 24 Feb 2018 01:12:00 +0700</c>; readers reject localised day or month names.</summary>
    public static string Rfc822(DateTime utc) =>
        InVietnam(utc).ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " +0700";

    /// <summary>The sitemap protocol demands W3C datetime, e.g. <c>2018-02-24T01:12:00+07:00</c>.</summary>
    public static string W3c(DateTime utc) =>
        InVietnam(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static DateTimeOffset InVietnam(DateTime utc) => VietnamTime.WithOffset(utc);
}
