using System.Text;
using Portal.Core.Procedures.Import;

namespace Portal.Core.Tests.Procedures.Import;

public sealed class NationalListColumnsTests
{
    [Theory]
    [InlineData("Mã TTHC", NationalKeys.Code)]
    [InlineData("  tên tthc ", NationalKeys.Name)]
    [InlineData("Từ khoá", NationalKeys.Keywords)]
    [InlineData("Từ khóa", NationalKeys.Keywords)]
    [InlineData("Cơ quan được uỷ quyền", NationalKeys.DelegatedAgency)]
    [InlineData("Cơ quan được ủy quyền", NationalKeys.DelegatedAgency)]
    [InlineData("ma_thu_tuc_day_du", NationalKeys.LocalCode)]
    [InlineData("Ghi chú nội bộ", null)]
    public void KeyFor_ExportHeaders_MapToNationalKeys(string header, string? key) =>
        Assert.Equal(key, NationalListColumns.KeyFor(header));

    [Fact]
    public void KeyFor_NfdHeader_MapsLikeNfc() =>
        Assert.Equal(NationalKeys.CoordinatingAgency, NationalListColumns.KeyFor("Cơ quan phối hợp".Normalize(NormalizationForm.FormD)));

    [Fact]
    public void Map_AllExportColumns_EveryColumnKnown()
    {
        string[] headers = ["STT", "Mã TTHC", "Tên TTHC", "Link truy cập", "Số quyết định", "Ngày quyết định", "Cơ quan ban hành", "Lĩnh vực",
            "Cấp thực hiện", "Đối tượng thực hiện", "Loại TTHC", "Từ khoá", "Địa chỉ tiếp nhận", "Cơ quan thực hiện", "Cơ quan có thẩm quyền",
            "Cơ quan phối hợp", "Cơ quan được uỷ quyền", "Mô tả", "Trạng thái"];

        var keys = NationalListColumns.Map(headers);

        Assert.NotNull(keys);
        Assert.DoesNotContain(null, keys);
        Assert.Equal(headers.Length, keys.Distinct().Count());
    }

    [Fact]
    public void Map_WithoutNameColumn_IsNotAHeader() =>
        Assert.Null(NationalListColumns.Map(["STT", "Mã TTHC", "Lĩnh vực"]));
}
