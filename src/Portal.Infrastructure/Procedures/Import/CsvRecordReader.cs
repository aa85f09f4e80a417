using System.Text;
using Portal.Core.Procedures.Import;

namespace Portal.Infrastructure.Procedures.Import;

/// <summary>
/// RFC 4180 CSV: fields in double quotes may hold the separator, line breaks and doubled quotes. The separator is the
/// comma, or the semicolon or tab when the header row uses that instead (Excel with Vietnamese regional settings).
/// A record's position is the line it starts on.
/// </summary>
internal static class CsvRecordReader
{
    private static readonly char[] Separators = [',', ';', '\t'];

    public static ProcedureFileReadResult Read(string text)
    {
        var separator = DetectSeparator(text);
        var rows = new List<(int Position, IReadOnlyList<string> Cells)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var rowStart = 1;
        var quoted = false;
        var quoteLine = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }

                continue;
            }

            if (c == '"' && cell.Length == 0)
            {
                quoted = true;
                quoteLine = line;
            }
            else if (c == separator)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                cells.Add(cell.ToString());
                cell.Clear();
                rows.Add((rowStart, cells));
                cells = [];
                line++;
                rowStart = line;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (quoted)
        {
            return ProcedureFileReadResult.Failed($"Tệp CSV không hợp lệ: dấu ngoặc kép mở ở dòng {quoteLine} không được đóng.");
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            rows.Add((rowStart, cells));
        }

        return TableRecords.Read(rows, RecordPositionKind.Line);
    }

    // The header row decides: the separator with which one of the first lines splits into the list-export headers.
    private static char DetectSeparator(string text)
    {
        var lines = text.Split('\n', 11).Take(10);
        foreach (var line in lines)
        {
            foreach (var separator in Separators)
            {
                if (line.Contains(separator, StringComparison.Ordinal)
                    && NationalListColumns.Map(line.TrimEnd('\r').Split(separator).Select(h => h.Trim().Trim('"')).ToList()) is not null)
                {
                    return separator;
                }
            }
        }

        return ',';
    }
}
