using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Portal.Infrastructure.Exports;

/// <summary>
/// Writes tables as an Excel workbook (Office Open XML, one sheet per table): headers in bold and frozen, numbers as
/// numbers (so Excel sums them), text as inline strings (never formulas, whatever it starts with).
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint BoldStyle = 1;

    public static byte[] ToBytes(params Table[] tables)
    {
        using var stream = new MemoryStream();
        Write(stream, tables);
        return stream.ToArray();
    }

    public static void Write(Stream output, IReadOnlyList<Table> tables)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        uint id = 1;
        foreach (var table in tables)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            worksheetPart.Worksheet = Worksheet(table);
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = id++, Name = UniqueName(table.Name, names) });
        }

        workbookPart.Workbook.Save();
    }

    private static Worksheet Worksheet(Table table)
    {
        var data = new SheetData();
        uint row = 1;
        if (!string.IsNullOrWhiteSpace(table.Title))
        {
            data.Append(Row(row++, [table.Title], BoldStyle));
        }

        var headerRow = row;
        data.Append(Row(row++, [.. table.Headers], BoldStyle));
        foreach (var values in table.Rows)
        {
            data.Append(Row(row++, values, null));
        }

        var worksheet = new Worksheet();
        worksheet.Append(new SheetViews(new SheetView(new Pane
        {
            VerticalSplit = headerRow,
            TopLeftCell = "A" + (headerRow + 1).ToString(CultureInfo.InvariantCulture),
            ActivePane = PaneValues.BottomLeft,
            State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 }));
        worksheet.Append(new Columns(table.Headers.Select((h, i) => new Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            Width = Math.Clamp(Math.Max(h.Length, table.Rows.Select(r => i < r.Count ? Text(r[i])?.Length ?? 0 : 0).DefaultIfEmpty(0).Max()) + 2, 8, 60),
            CustomWidth = true,
        })));
        worksheet.Append(data);
        return worksheet;
    }

    private static Row Row(uint index, IReadOnlyList<object?> values, uint? style)
    {
        var row = new Row { RowIndex = index };
        for (var column = 0; column < values.Count; column++)
        {
            var cell = Cell(values[column]);
            if (cell is null)
            {
                continue;
            }

            cell.CellReference = ColumnName(column) + index.ToString(CultureInfo.InvariantCulture);
            if (style is { } s)
            {
                cell.StyleIndex = s;
            }

            row.Append(cell);
        }

        return row;
    }

    private static Cell? Cell(object? value) => value switch
    {
        null => null,
        int or long or short or decimal or double or float => new Cell
        {
            DataType = CellValues.Number,
            CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        },
        _ => new Cell
        {
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Text(value)!) { Space = SpaceProcessingModeValues.Preserve }),
        },
    };

    /// <summary>How a cell reads as text: dates dd/MM/yyyy, everything NFC.</summary>
    internal static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateTime instant => Core.Text.VietnamTime.Display(instant),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Normalize(System.Text.NormalizationForm.FormC),
    };

    /// <summary>A, B, … Z, AA, AB …</summary>
    internal static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static string UniqueName(string name, HashSet<string> taken)
    {
        var clean = new string([.. name.Select(c => "[]:*?/\\".Contains(c) ? ' ' : c)]).Trim();
        clean = clean.Length == 0 ? "Sheet" : clean[..Math.Min(clean.Length, 31)];
        var candidate = clean;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = clean[..Math.Min(clean.Length, 31 - suffix.Length)] + suffix;
        }

        return candidate;
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
}
