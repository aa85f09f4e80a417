namespace Portal.Core.Text;

/// <summary>
/// Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact and needs no time-zone
/// database. Instants are stored in UTC; everything shown to people is in Vietnam time.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The wall-clock time in Vietnam for a UTC instant.</summary>
    public static DateTime FromUtc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Unspecified).Add(Offset);

    /// <summary>The UTC instant of a Vietnam wall-clock time.</summary>
    public static DateTime ToUtc(DateTime local) => DateTime.SpecifyKind(local.Subtract(Offset), DateTimeKind.Utc);

    public static DateTimeOffset WithOffset(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset);

    /// <summary>An instant as people read it here: <c>dd/MM/yyyy HH:mm</c>, Vietnam time.</summary>
    public static string Display(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc cref="Display(DateTimeOffset)"/>
    public static string Display(DateTime utc) => Display(WithOffset(utc));
}
