using System.Globalization;
using System.IO.Packaging;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Portal.Core.Procedures.Import;

namespace Portal.Infrastructure.Procedures.Import;

/// <summary>
/// Reads the first worksheet of an .xlsx file row by row (SAX), so a 3,000-row export never becomes a DOM.
/// Cells hold shared strings, inline strings, plain values or booleans; a record's position is its row number.
/// </summary>
internal static partial class XlsxRecordReader
{
    private const string NotSpreadsheet = "Tệp không phải là bảng tính Excel (.xlsx) hợp lệ.";

    public static ProcedureFileReadResult Read(Stream seekable)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(seekable, isEditable: false);
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart worksheet)
            {
                return ProcedureFileReadResult.Failed("Bảng tính không có trang tính nào.");
            }

            var shared = SharedStrings(workbook);
            var dateStyles = DateStyles(workbook);
            return TableRecords.Read(Rows(worksheet, shared, dateStyles).ToList(), RecordPositionKind.Row);
        }
        catch (Exception error) when (error is OpenXmlPackageException or InvalidDataException or FileFormatException or InvalidOperationException or ArgumentException)
        {
            return ProcedureFileReadResult.Failed(NotSpreadsheet);
        }
    }

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                strings.Add(ItemText((SharedStringItem)reader.LoadCurrentElement()!));
            }
        }

        return strings;
    }

    private static IEnumerable<(int Position, IReadOnlyList<string> Cells)> Rows(WorksheetPart worksheet, List<string> shared, HashSet<uint> dateStyles)
    {
        using var reader = OpenXmlReader.Create(worksheet);
        var sequential = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            sequential = row.RowIndex?.Value is { } index ? (int)index : sequential + 1;
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                while (cells.Count < column)
                {
                    cells.Add(string.Empty);
                }

                var value = CellText(cell, shared, dateStyles);
                if (column < cells.Count)
                {
                    cells[column] = value;
                }
                else
                {
                    cells.Add(value);
                }
            }

            yield return (sequential, cells);
        }
    }

    private static string CellText(Cell cell, List<string> shared, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? string.Empty;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, out var index) && index >= 0 && index < shared.Count ? shared[index] : string.Empty;
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? InlineText(inline) : raw;
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "true" : "false";
        }

        // A decision date typed into Excel is a serial number shown through a date format; give it as yyyy-MM-dd.
        if ((type is null || type == CellValues.Number) && cell.StyleIndex?.Value is { } style && dateStyles.Contains(style)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466)
        {
            return DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return raw;
    }

    /// <summary>Indexes of the cell formats that show numbers as dates: built-in formats 14–22 and 45–47, or custom ones with d, m and y.</summary>
    private static HashSet<uint> DateStyles(WorkbookPart workbook)
    {
        var dates = new HashSet<uint>();
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is not { } formats)
        {
            return dates;
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && f.FormatCode?.Value is { } code && IsDateCode(code))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        uint index = 0;
        foreach (var format in formats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is (>= 14 and <= 22) or (>= 45 and <= 47) || custom.Contains(id))
            {
                dates.Add(index);
            }

            index++;
        }

        return dates;
    }

    private static bool IsDateCode(string code)
    {
        // Quoted literals and [colour]/[locale] sections are not part of the pattern.
        var pattern = Literals().Replace(code, string.Empty).ToLowerInvariant();
        return pattern.Contains('d', StringComparison.Ordinal) && pattern.Contains('m', StringComparison.Ordinal) && pattern.Contains('y', StringComparison.Ordinal);
    }

    // Rich text is split into runs; phonetic guides (rPh) are not part of the text.
    private static string ItemText(SharedStringItem item) =>
        item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));

    private static string InlineText(InlineString inline) =>
        inline.Text?.Text ?? string.Concat(inline.Elements<Run>().Select(r => r.Text?.Text));

    /// <summary>0-based column of a reference such as "AB12"; null when there is none.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return column == 0 ? null : column - 1;
    }

    [GeneratedRegex(@"""[^""]*""|\[[^\]]*\]")]
    private static partial Regex Literals();
}
