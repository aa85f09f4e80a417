using System.Text;

namespace Portal.Infrastructure.Exports;

/// <summary>
/// Writes a table as CSV (RFC 4180) in UTF-8 with a byte-order mark, so Excel opens Vietnamese text correctly. Text that
/// a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) is prefixed with an apostrophe.
/// </summary>
public static class CsvWriter
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] ToBytes(Table table)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(table.Title))
        {
            AppendLine(text, [table.Title]);
        }

        AppendLine(text, [.. table.Headers]);
        foreach (var row in table.Rows)
        {
            AppendLine(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void AppendLine(StringBuilder text, IReadOnlyList<object?> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Field(values[i]));
        }

        text.Append("\r\n");
    }

    private static string Field(object? value)
    {
        var cell = XlsxWriter.Text(value) ?? string.Empty;
        if (value is string && cell.Length > 0 && "=+-@\t\r".Contains(cell[0]))
        {
            cell = "'" + cell;
        }

        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
