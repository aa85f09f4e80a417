using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Portal.Infrastructure.Tests.Procedures.Import;

/// <summary>Test data: a one-sheet workbook whose header row uses shared strings and data rows inline strings, as exports mix both.</summary>
internal static class XlsxBuilder
{
    /// <summary>Cells written as "#date:45292" become number cells shown through the built-in date format 14.</summary>
    public static MemoryStream Build(string[] header, params string[][] rows)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill()) { Count = 1 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat { NumberFormatId = 0 }, new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable(header.Select(h => new SharedStringItem(new Text(h))));
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(new Row(header.Select((_, i) => new Cell
            {
                CellReference = Column(i) + "1",
                DataType = CellValues.SharedString,
                CellValue = new CellValue(i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            })) { RowIndex = 1 });
            for (var r = 0; r < rows.Length; r++)
            {
                var rowIndex = (uint)(r + 2);
                data.Append(new Row(rows[r].Select((value, i) => value.Length == 0 ? null
                    : value.StartsWith("#date:", StringComparison.Ordinal)
                        ? new Cell { CellReference = Column(i) + rowIndex, StyleIndex = 1, CellValue = new CellValue(value["#date:".Length..]) }
                        : new Cell(new InlineString(new Text(value))) { CellReference = Column(i) + rowIndex, DataType = CellValues.InlineString })
                    .OfType<Cell>()) { RowIndex = rowIndex });
            }

            worksheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "Danh sách" }));
        }

        stream.Position = 0;
        return stream;
    }

    private static string Column(int index) => ((char)('A' + index)).ToString();
}
