using System.Text;
using Portal.Core.Procedures.Import;
using Portal.Infrastructure.Procedures.Import;

namespace Portal.Infrastructure.Tests.Procedures.Import;

public sealed class ProcedureFileReaderTests
{
    private static Task<ProcedureFileReadResult> Read(string content, string fileName, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var stream = new MemoryStream(bom ? [.. Encoding.UTF8.GetPreamble(), .. bytes] : bytes);
        return ProcedureFileReader.ReadAsync(stream, fileName, CancellationToken.None);
    }

    private static async Task<IReadOnlyList<NationalProcedureRecord>> Records(string content, string fileName, bool bom = false)
    {
        var result = await Read(content, fileName, bom);
        Assert.True(result.Succeeded, result.Error);
        return result.Records;
    }

    [Fact]
    public async Task ReadAsync_JsonArray_ReadsEveryObjectWithTextListsAndRows()
    {
        var records = await Records("""
            [
              {"ma_thu_tuc": "1.001194", "ten_thu_tuc": "Cấp thị thực", "cap_thuc_hien": ["Cấp tỉnh"],
               "cach_thuc_thuc_hien": [{"hinh_thuc_nop": "Trực tiếp", "thoi_han": "5 Ngày làm việc"}]},
              {"ma_thu_tuc": "1.001193", "ten_thu_tuc": "Khai sinh", "buu_chinh_tiep_nhan": true}
            ]
            """, "thu-tuc.json");

        Assert.Equal(2, records.Count);
        Assert.Equal("1.001194", records[0].Find(NationalKeys.Code)!.Text);
        Assert.Equal(["Cấp tỉnh"], records[0].Find(NationalKeys.Level)!.Items!);
        Assert.Equal("5 Ngày làm việc", records[0].Find(NationalKeys.Channels)!.Rows![0]["thoi_han"]);
        Assert.Equal("true", records[1].Find(NationalKeys.PostalReceipt)!.Text);
        Assert.Equal("bản ghi thứ 2", records[1].PositionLabel);
    }

    [Fact]
    public async Task ReadAsync_NdjsonWithBom_OneRecordPerLineNumberedByLine()
    {
        var records = await Records("{\"ma_thu_tuc\": \"1.000001\", \"ten_thu_tuc\": \"A\"}\n\n{\"ma_thu_tuc\": \"1.000002\", \"ten_thu_tuc\": \"B\"}\n", "thu-tuc.ndjson", bom: true);

        Assert.Equal(["1.000001", "1.000002"], records.Select(r => r.Find(NationalKeys.Code)!.Text));
        Assert.Equal([1, 3], records.Select(r => r.Position));
        Assert.Equal("dòng 3", records[1].PositionLabel);
    }

    [Fact]
    public async Task ReadAsync_NdjsonInJsonFile_Detected()
    {
        var records = await Records("{\"ma_thu_tuc\": \"1.000001\"}\n{\"ma_thu_tuc\": \"1.000002\"}", "thu-tuc.json");

        Assert.Equal(2, records.Count);
    }

    [Fact]
    public async Task ReadAsync_CsvWithQuotedCommasNewlinesAndQuotes_ReadsCellsWhole()
    {
        const string csv = "STT,Mã TTHC,Tên TTHC,Cơ quan thực hiện,Cột lạ\r\n"
            + "1,1.001194,\"Cấp thị thực, gia hạn\",\"Phòng Quản lý\r\nxuất nhập cảnh\",x\r\n"
            + "2,1.001193,\"Thủ tục \"\"đặc biệt\"\"\",Sở Tư pháp,y\r\n";

        var records = await Records(csv, "danh-sach.csv", bom: true);

        Assert.Equal(2, records.Count);
        Assert.Equal("Cấp thị thực, gia hạn", records[0].Find(NationalKeys.Name)!.Text);
        Assert.Equal("Phòng Quản lý\r\nxuất nhập cảnh", records[0].Find(NationalKeys.ImplementingAgency)!.Text);
        Assert.Equal("Thủ tục \"đặc biệt\"", records[1].Find(NationalKeys.Name)!.Text);
        Assert.Equal(4, records[1].Position);
        Assert.DoesNotContain(records[0].Fields.Keys, k => k.Contains("lạ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_CsvWithSemicolonsAndTitleAboveHeader_FindsHeader()
    {
        var records = await Records("DANH SÁCH THỦ TỤC\n\nMã TTHC;Tên TTHC;Lĩnh vực\n1.001194;Cấp thị thực;Xuất nhập cảnh\n", "danh-sach.csv");

        var record = Assert.Single(records);
        Assert.Equal("Xuất nhập cảnh", record.Find(NationalKeys.Field)!.Text);
    }

    [Fact]
    public async Task ReadAsync_Xlsx_ReadsFirstSheetWithSharedAndInlineStrings()
    {
        using var file = XlsxBuilder.Build(
            ["STT", "Mã TTHC", "Tên TTHC", "Từ khóa"],
            ["1", "1.001194", "Cấp thị thực", "thị thực, xuất cảnh"],
            ["2", "1.001193", "Khai sinh", ""]);

        var result = await ProcedureFileReader.ReadAsync(file, "danh-sach.xlsx", CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["Cấp thị thực", "Khai sinh"], result.Records.Select(r => r.Find(NationalKeys.Name)!.Text));
        Assert.Equal("thị thực, xuất cảnh", result.Records[0].Find(NationalKeys.Keywords)!.Text);
        Assert.Equal(3, result.Records[1].Position);
        Assert.Equal("dòng 3 của bảng tính", result.Records[1].PositionLabel);
    }

    [Fact]
    public async Task ReadAsync_XlsxDateCell_GivenAsIsoDate()
    {
        using var file = XlsxBuilder.Build(["Mã TTHC", "Tên TTHC", "Ngày quyết định"], ["1.001194", "Cấp thị thực", "#date:45292"]);

        var result = await ProcedureFileReader.ReadAsync(file, "danh-sach.xlsx", CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("2024-01-01", result.Records[0].Find(NationalKeys.DecisionDate)!.Text);
    }

    [Fact]
    public async Task ReadAsync_XlsxWithoutCodeColumn_RejectedAsMalformed()
    {
        using var file = XlsxBuilder.Build(["STT", "Tên TTHC"], ["1", "Cấp thị thực"]);

        var result = await ProcedureFileReader.ReadAsync(file, "danh-sach.xlsx", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("Mã TTHC", result.Error);
        Assert.Empty(result.Records);
    }

    [Theory]
    [InlineData("[{\"ma_thu_tuc\": \"1.001194\"},\n{\"ma_thu_tuc\": }]", "thu-tuc.json", "dòng 2")]
    [InlineData("{\"ma_thu_tuc\": \"1.000001\"}\n{\"ma_thu_tuc\": \"1.0000", "thu-tuc.ndjson", "dòng 2")]
    [InlineData("[1, 2]", "thu-tuc.json", "Phần tử thứ 1")]
    [InlineData("", "thu-tuc.json", "Tệp rỗng")]
    [InlineData("   \n", "thu-tuc.csv", "Tệp rỗng")]
    [InlineData("[]", "thu-tuc.json", "không có thủ tục nào")]
    [InlineData("Mã,Tên\n1,2\n", "thu-tuc.csv", "Không tìm thấy dòng tiêu đề")]
    [InlineData("Mã TTHC,Tên TTHC\n\"1.001194,Cấp thị thực\n", "thu-tuc.csv", "dòng 2 không được đóng")]
    [InlineData("PK not really a zip", "thu-tuc.xlsx", "không phải là bảng tính Excel")]
    [InlineData("x", "thu-tuc.xls", ".xlsx")]
    [InlineData("x", "thu-tuc.txt", "«.txt» không được hỗ trợ")]
    public async Task ReadAsync_MalformedFile_RejectedWholeWithClearMessage(string content, string fileName, string expected)
    {
        var result = await Read(content, fileName);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Records);
        Assert.Contains(expected, result.Error);
    }

    [Fact]
    public async Task ReadAsync_CsvNotUtf8_AsksForUtf8()
    {
        var stream = new MemoryStream([.. "Mã TTHC,Tên TTHC\n"u8.ToArray(), 0xC0, 0x41, 0x0A]);

        var result = await ProcedureFileReader.ReadAsync(stream, "danh-sach.csv", CancellationToken.None);

        Assert.Contains("UTF-8", result.Error);
    }

    [Fact]
    public async Task ReadAsync_ThreeThousandCsvRows_ReadsThemAll()
    {
        var csv = new StringBuilder("Mã TTHC,Tên TTHC,Mô tả\n");
        for (var i = 0; i < 3000; i++)
        {
            csv.Append($"1.{i:000000},Thủ tục {i},\"Mô tả, dài\"\n");
        }

        var records = await Records(csv.ToString(), "lon.csv");

        Assert.Equal(3000, records.Count);
        Assert.Equal("1.002999", records[^1].Find(NationalKeys.Code)!.Text);
    }
}
