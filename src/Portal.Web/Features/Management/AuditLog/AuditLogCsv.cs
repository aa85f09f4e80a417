using System.Globalization;
using System.Text;
using Portal.Core.Text;
using Portal.Data.Audit;

namespace Portal.Web.Features.Management.AuditLog;

/// <summary>
/// The audit log as CSV for a spreadsheet: RFC 4180 (comma, CRLF, quotes doubled), UTF-8 with a byte order mark so Excel
/// reads Vietnamese letters, headers and actions in Vietnamese, times in Vietnam time.
/// </summary>
internal static class AuditLogCsv
{
    private static readonly string[] Header =
    [
        "Thời gian (UTC+7)", "Người thực hiện", "Mã người dùng", "Hành động", "Mã hành động", "Loại đối tượng", "Mã đối tượng", "Ghi chú", "Địa chỉ IP",
    ];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync(Stream stream, IAsyncEnumerable<AuditLogRow> rows, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        await using var writer = new StreamWriter(stream, Utf8, bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Line(Header));
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Line(
            [
                VietnamTime.FromUtc(row.At).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture),
                row.Actor,
                row.ActorKey?.ToString() ?? string.Empty,
                AuditActions.ToVietnamese(row.Action),
                row.Action,
                AuditActions.EntityTypeToVietnamese(row.EntityType),
                row.EntityKey?.ToString() ?? string.Empty,
                row.Note ?? string.Empty,
                row.IpAddress ?? string.Empty,
            ]));
        }

        await writer.FlushAsync(cancellationToken);
    }

    public static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Field));

    /// <summary>
    /// One field, quoted when RFC 4180 needs it. Text a spreadsheet would run as a formula (=, +, -, @ first) is opened
    /// with an apostrophe: notes hold what strangers typed, such as the e-mail of a failed sign-in.
    /// </summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
