using System.Globalization;
using Portal.Core.Schema;

namespace Portal.Web.Features.Backoffice.Content;

/// <summary>How stored dates meet the browser's date inputs, in both directions.</summary>
internal static class ContentFieldValues
{
    public static bool HasTime(string stored) =>
        FieldValueRules.TryParseDate(stored, out var date) && date.TimeOfDay != TimeSpan.Zero;

    public static string DateInput(string stored, bool withTime) =>
        FieldValueRules.TryParseDate(stored, out var date)
            ? date.ToString(withTime ? "yyyy-MM-ddTHH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : stored;

    /// <summary>The stored form Umbraco writes (<c>2018-02-23T00:00:00</c>), so an unchanged date stays byte-identical.</summary>
    public static string? FromInput(string? posted) =>
        posted is { Length: > 0 } && FieldValueRules.TryParseDate(posted, out var date)
            ? date.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)
            : posted;
}
