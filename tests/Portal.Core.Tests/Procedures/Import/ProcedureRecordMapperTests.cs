using System.Text;
using System.Text.Json;
using Portal.Core.Procedures;
using Portal.Core.Procedures.Import;
using Portal.Core.Schema;

namespace Portal.Core.Tests.Procedures.Import;

public sealed class ProcedureRecordMapperTests
{
    private static readonly ProcedureUnit Justice = new(Guid.Parse("a44a87e0-6d6f-5763-a8a4-e30dab6d245f"), "so-tu-phap", "Sở Tư pháp", "Sở, ban, ngành");
    private static readonly ProcedureUnit KonTumCity = new(Guid.Parse("0b9a3a59-0d5c-4b70-9d38-6a8f1f0f0c11"), "thanh-pho-kon-tum", "Thành phố Kon Tum", "Huyện, thành phố");

    private static readonly ProcedureUnit[] Units = [Justice, KonTumCity];

    private static NationalProcedureRecord Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return NationalJson.ToRecord(document.RootElement, 1, RecordPositionKind.Record)!;
    }

    private static NationalProcedureRecord ListRow(params (string Key, string Value)[] cells) =>
        new(2, RecordPositionKind.Row, cells.ToDictionary(c => c.Key, c => NationalValue.FromText(c.Value)));

    private static ProcedureMapping Mapped(NationalProcedureRecord record)
    {
        var result = new ProcedureRecordMapper(ProcedureSchema.Catalog()).Map(record, Units);
        Assert.True(result.IsMapped, result.Rejection);
        return result.Mapping!;
    }

    private static string Rejection(NationalProcedureRecord record)
    {
        var result = new ProcedureRecordMapper(ProcedureSchema.Catalog()).Map(record, Units);
        Assert.False(result.IsMapped);
        return result.Rejection!;
    }

    private const string FullRecord = """
        {
          "ma_thu_tuc": "1.001193.000.00.00.H34",
          "ten_thu_tuc": "Thủ tục đăng ký khai sinh",
          "cap_thuc_hien": "Cấp Xã, Tỉnh",
          "linh_vuc": "Hộ tịch",
          "doi_tuong_thuc_hien": "Công dân Việt Nam; Tổ chức (doanh nghiệp, hợp tác xã)",
          "co_quan_thuc_hien": "Sở Tư pháp tỉnh Kon Tum",
          "thu_tuc_lien_quan": "Không có thông tin",
          "tu_khoa": ["khai sinh", "Không", "hộ tịch"],
          "trinh_tu_thuc_hien": ["Nộp hồ sơ", "Nhận kết quả"],
          "cach_thuc_thuc_hien": [
            {"hinh_thuc_nop": "Trực tiếp", "thoi_han": "Ngay trong ngày", "phi_le_phi": "Lệ phí : 8.000 Đồng", "mo_ta": ""},
            {"hinh_thuc_nop": "Dịch vụ bưu chính", "thoi_han": "03 Ngày làm việc", "phi_le_phi": "Không", "mo_ta": "Gửi qua bưu điện"}
          ],
          "thanh_phan_ho_so": [
            {"truong_hop": "Trường hợp đúng hạn", "ten_giay_to": "Tờ khai đăng ký khai sinh", "mau_don": "mau01.docx", "so_luong": "Bản chính: 1 - Bản sao: 0"}
          ],
          "can_cu_phap_ly": "47/2014/QH13Luật Xuất cảnh, nhập cảnh",
          "ket_qua_xu_ly": [{"ten_ket_qua": "Giấy khai sinh", "ma_ket_qua": "KQ.G01.000076"}],
          "muc_do_dvc": "DVC trực tuyến toàn trình"
        }
        """;

    [Fact]
    public void Map_FullRecord_FillsFieldsInStoredForm()
    {
        var mapping = Mapped(Json(FullRecord));

        Assert.Equal("1.001193", mapping.Code);
        Assert.Equal("Thủ tục đăng ký khai sinh", mapping.Name);
        Assert.Equal("1.001193.000.00.00.H34", mapping.Values[ProcedureAliases.LocalCode]);
        Assert.Equal("""["Cấp tỉnh","Cấp xã"]""", mapping.Values[ProcedureAliases.Level]);
        Assert.Equal("""["Công dân Việt Nam","Tổ chức (doanh nghiệp, hợp tác xã)"]""", mapping.Values[ProcedureAliases.ApplicantTypes]);
        Assert.Equal(string.Empty, mapping.Values[ProcedureAliases.RelatedProcedures]);
        Assert.Equal("""["khai sinh","hộ tịch"]""", mapping.Values[ProcedureAliases.Keywords]);
        Assert.Equal("""["Toàn trình"]""", mapping.Values[ProcedureAliases.OnlineLevel]);
        Assert.Equal("1", mapping.Values[ProcedureAliases.Postal]);

        var channels = BlockListValue.Read(mapping.Values[ProcedureAliases.Channels]);
        Assert.Equal(2, channels.Count);
        Assert.All(channels, c => Assert.Equal(ProcedureSchema.KeyOf(ProcedureAliases.ChannelType), c.ContentTypeKey));
        Assert.Equal("""["Trực tiếp"]""", channels[0].Values[ProcedureAliases.ChannelKind]);
        Assert.Equal("8000", channels[0].Values[ProcedureAliases.ChannelFeeAmount]);
        Assert.Equal("""["VND"]""", channels[0].Values[ProcedureAliases.ChannelFeeCurrency]);
        Assert.Equal("0", channels[1].Values[ProcedureAliases.ChannelFeeAmount]);

        var dossier = Assert.Single(BlockListValue.Read(mapping.Values[ProcedureAliases.Dossier]));
        Assert.Equal("1", dossier.Values[ProcedureAliases.DossierOriginals]);
        Assert.Equal("0", dossier.Values[ProcedureAliases.DossierCopies]);
        Assert.Equal("Trường hợp đúng hạn", dossier.Values[ProcedureAliases.DossierCase]);

        var legal = Assert.Single(BlockListValue.Read(mapping.Values[ProcedureAliases.LegalBasis]));
        Assert.Equal("47/2014/QH13", legal.Values[ProcedureAliases.LegalNumber]);
        Assert.Equal("47/2014/QH13Luật Xuất cảnh, nhập cảnh", mapping.Values[ProcedureAliases.LegalBasisSource]);
        Assert.Equal(string.Empty, mapping.Values[ProcedureAliases.ChannelsSource]);
        Assert.Equal("KQ.G01.000076", Assert.Single(BlockListValue.Read(mapping.Values[ProcedureAliases.Results])).Values[ProcedureAliases.ResultCode]);
        Assert.Equal(["Nộp hồ sơ", "Nhận kết quả"], BlockListValue.Read(mapping.Values[ProcedureAliases.Steps]).Select(s => s.Values[ProcedureAliases.StepText]));
    }

    [Fact]
    public void Map_FullRecord_AssignsNamedDepartmentAndDistricts()
    {
        var mapping = Mapped(Json(FullRecord));

        var assignments = BlockListValue.Read(mapping.Values[ProcedureAliases.Assignments])
            .Select(b => (b.Values[ProcedureAliases.AssignmentUnit], b.Values[ProcedureAliases.AssignmentLevel])).ToList();
        Assert.Equal(
            [(DocumentUdi.Format(Justice.Key), """["Cấp tỉnh"]"""), (DocumentUdi.Format(KonTumCity.Key), """["Cấp xã"]""")],
            assignments);
    }

    [Fact]
    public void Map_FullRecord_ValuesPassTheSchemaEditorsUse()
    {
        var catalog = ProcedureSchema.Catalog();
        var mapping = Mapped(Json(FullRecord));

        var errors = FieldValidator.Validate(catalog.FindContentType(ProcedureAliases.ProcedureType)!, catalog, mapping.Name, mapping.Values, requireMandatory: true);

        Assert.Empty(errors.Select(e => $"{e.Field}: {e.Message}"));
    }

    [Fact]
    public void Map_ScrapedTextRecord_ValuesPassTheSchemaEditorsUse()
    {
        var catalog = ProcedureSchema.Catalog();
        var mapping = Mapped(ListRow((NationalKeys.Code, "1.001194"), (NationalKeys.Name, "Cấp thị thực"), (NationalKeys.Field, "Xuất nhập cảnh"),
            (NationalKeys.Level, "Cấp Tỉnh"), (NationalKeys.ImplementingAgency, "Sở Tư pháp"),
            (NationalKeys.Steps, "Bước 1: Nộp hồ sơ.Bước 2: Nhận kết quả."),
            (NationalKeys.Channels, "Trực tiếp5 Ngày làm việcLệ phí : 25 USD(Một lần)Trực tuyến5 Ngày làm việcPhí : 50.000 Đồng"),
            (NationalKeys.Dossier, "Tờ khaimau01.docxBản chính: 1 - Bản sao: 0Hộ chiếu1 bản chính"),
            (NationalKeys.LegalBasis, "47/2014/QH13Luật Xuất cảnh"),
            (NationalKeys.Results, "Thị thựcKQ.G01.000076")));

        var errors = FieldValidator.Validate(catalog.FindContentType(ProcedureAliases.ProcedureType)!, catalog, mapping.Name, mapping.Values, requireMandatory: true);

        Assert.Empty(errors.Select(e => $"{e.Field}: {e.Message}"));
    }

    [Fact]
    public void Map_SameRecordTwice_GivesByteIdenticalValues()
    {
        var first = Mapped(Json(FullRecord));
        var second = Mapped(Json(FullRecord));

        Assert.Equal(first.Values.OrderBy(v => v.Key), second.Values.OrderBy(v => v.Key));
    }

    [Fact]
    public void Map_ListExportRow_SpeaksOnlyItsColumnsAndLeavesChannelsAlone()
    {
        var mapping = Mapped(ListRow(
            (NationalKeys.Code, "1.001194"), (NationalKeys.Name, "Cấp thị thực"), (NationalKeys.Field, "Quản lý xuất nhập cảnh"),
            (NationalKeys.Level, "Cấp tỉnh"), (NationalKeys.CoordinatingAgency, ""), (NationalKeys.Status, "Còn hiệu lực")));

        Assert.Contains(ProcedureAliases.CoordinatingAgency, mapping.Aliases);
        Assert.Equal(string.Empty, mapping.Values[ProcedureAliases.CoordinatingAgency]);
        Assert.Equal("Còn hiệu lực", mapping.Values[ProcedureAliases.NationalStatus]);
        Assert.DoesNotContain(ProcedureAliases.Channels, mapping.Aliases);
        Assert.DoesNotContain(ProcedureAliases.ChannelsSource, mapping.Aliases);
        Assert.DoesNotContain(ProcedureAliases.Postal, mapping.Aliases);
        Assert.DoesNotContain(ProcedureAliases.LocalCode, mapping.Aliases);
        Assert.Equal(mapping.Aliases.Order(), mapping.Values.Keys.Order());
    }

    [Fact]
    public void Map_FullRecord_SpeaksTableFieldsAndTheirSources()
    {
        var mapping = Mapped(Json(FullRecord));

        string[] expected = [ProcedureAliases.Channels, ProcedureAliases.ChannelsSource, ProcedureAliases.Dossier, ProcedureAliases.Steps,
            ProcedureAliases.LegalBasis, ProcedureAliases.Results, ProcedureAliases.Postal, ProcedureAliases.Assignments];
        Assert.All(expected, alias => Assert.Contains(alias, mapping.Aliases));
    }

    [Fact]
    public void Map_ScrapedChannelText_KeepsTheTextVerbatimBesideTheRows()
    {
        const string scraped = "Trực tiếp15 Ngày làm việcPhí : 50.000 ĐồngNộp tại Sở";
        var mapping = Mapped(ListRow((NationalKeys.Code, "1.000001"), (NationalKeys.Name, "Thủ tục A"), (NationalKeys.Field, "Hộ tịch"),
            (NationalKeys.Level, "Cấp tỉnh"), (NationalKeys.Channels, scraped)));

        Assert.Equal(scraped, mapping.Values[ProcedureAliases.ChannelsSource]);
        Assert.Single(BlockListValue.Read(mapping.Values[ProcedureAliases.Channels]));
        Assert.Equal("0", mapping.Values[ProcedureAliases.Postal]);
    }

    [Fact]
    public void Map_NfdText_IsStoredAsNfc()
    {
        var mapping = Mapped(ListRow((NationalKeys.Code, "1.000001"), (NationalKeys.Name, "Đăng ký khai sinh".Normalize(NormalizationForm.FormD)),
            (NationalKeys.Field, "  Hộ tịch ".Normalize(NormalizationForm.FormD)), (NationalKeys.Level, "Cấp tỉnh")));

        Assert.Equal("Đăng ký khai sinh", mapping.Name);
        Assert.Equal("Hộ tịch", mapping.Values[ProcedureAliases.Field]);
    }

    [Theory]
    [InlineData("", "Thủ tục A", "Hộ tịch", "Cấp tỉnh", "Thiếu mã thủ tục")]
    [InlineData("1.00119", "Thủ tục A", "Hộ tịch", "Cấp tỉnh", "không đúng dạng 1.001194")]
    [InlineData("1.001194", "Không có thông tin", "Hộ tịch", "Cấp tỉnh", "Thiếu tên thủ tục")]
    [InlineData("1.001194", "Thủ tục A", "", "Cấp tỉnh", "Thiếu lĩnh vực")]
    [InlineData("1.001194", "Thủ tục A", "Hộ tịch", "", "Thiếu cấp thực hiện")]
    [InlineData("1.001194", "Thủ tục A", "Hộ tịch", "Cấp thôn", "Cấp thực hiện «Cấp thôn» không hợp lệ")]
    public void Map_InvalidRecord_RejectedWithReason(string code, string name, string field, string level, string reason)
    {
        var message = Rejection(ListRow((NationalKeys.Code, code), (NationalKeys.Name, name), (NationalKeys.Field, field), (NationalKeys.Level, level)));

        Assert.Contains(reason, message);
    }

    [Fact]
    public void Map_UnknownChannelKind_RejectedWithRowNumber()
    {
        var message = Rejection(Json("""
            {"ma_thu_tuc": "1.001194", "ten_thu_tuc": "A", "linh_vuc": "Hộ tịch", "cap_thuc_hien": ["Cấp tỉnh"],
             "cach_thuc_thuc_hien": [{"hinh_thuc_nop": "Trực tiếp"}, {"hinh_thuc_nop": "Fax"}]}
            """));

        Assert.Contains("dòng 2", message);
        Assert.Contains("«Fax»", message);
    }

    [Fact]
    public void Map_ExplicitUnits_WinOverAgencyTexts()
    {
        var mapping = Mapped(Json("""
            {"ma_thu_tuc": "1.001194", "ten_thu_tuc": "A", "linh_vuc": "Hộ tịch", "cap_thuc_hien": "Cấp tỉnh",
             "co_quan_thuc_hien": "Sở Tư pháp", "don_vi_thuc_hien": [{"don_vi": "thanh-pho-kon-tum", "cap": "Cấp huyện"}]}
            """));

        var assignment = Assert.Single(BlockListValue.Read(mapping.Values[ProcedureAliases.Assignments]));
        Assert.Equal(DocumentUdi.Format(KonTumCity.Key), assignment.Values[ProcedureAliases.AssignmentUnit]);
        Assert.Equal("""["Cấp huyện"]""", assignment.Values[ProcedureAliases.AssignmentLevel]);
    }

    [Fact]
    public void Map_ExplicitUnknownUnit_RejectedNamingIt()
    {
        var message = Rejection(Json("""
            {"ma_thu_tuc": "1.001194", "ten_thu_tuc": "A", "linh_vuc": "Hộ tịch", "cap_thuc_hien": "Cấp tỉnh",
             "don_vi_thuc_hien": [{"don_vi": "so-khong-co", "cap": "Cấp tỉnh"}]}
            """));

        Assert.Contains("«so-khong-co»", message);
    }

    [Fact]
    public void Map_NoUnitMatches_LeavesAssignmentsUnspoken()
    {
        var mapping = Mapped(ListRow((NationalKeys.Code, "1.001194"), (NationalKeys.Name, "A"), (NationalKeys.Field, "Hộ tịch"),
            (NationalKeys.Level, "Cấp bộ"), (NationalKeys.ImplementingAgency, "Cục Quản lý xuất nhập cảnh")));

        Assert.DoesNotContain(ProcedureAliases.Assignments, mapping.Aliases);
    }

    [Theory]
    [InlineData("một phần", "Một phần")]
    [InlineData("Mức độ 3", "Mức độ 3")]
    [InlineData("3", "Mức độ 3")]
    public void Map_OnlineLevelSpellings_Normalised(string written, string expected)
    {
        var mapping = Mapped(ListRow((NationalKeys.Code, "1.001194"), (NationalKeys.Name, "A"), (NationalKeys.Field, "Hộ tịch"),
            (NationalKeys.Level, "Cấp tỉnh"), (NationalKeys.OnlineLevel, written)));

        Assert.Equal($"[\"{expected}\"]", mapping.Values[ProcedureAliases.OnlineLevel]);
    }

    [Fact]
    public void Map_ExplicitPostalFlags_WinOverChannels()
    {
        var mapping = Mapped(Json("""
            {"ma_thu_tuc": "1.001194", "ten_thu_tuc": "A", "linh_vuc": "Hộ tịch", "cap_thuc_hien": "Cấp tỉnh",
             "cach_thuc_thuc_hien": [{"hinh_thuc_nop": "Trực tiếp"}], "buu_chinh_tiep_nhan": true, "buu_chinh_tra_ket_qua": false}
            """));

        Assert.Equal("1", mapping.Values[ProcedureAliases.Postal]);
        Assert.Equal("0", mapping.Values[ProcedureAliases.PostalResult]);
    }

    [Fact]
    public void Map_LocalCodeNotMatchingCode_Rejected()
    {
        var message = Rejection(ListRow((NationalKeys.Code, "1.001194"), (NationalKeys.Name, "A"), (NationalKeys.Field, "Hộ tịch"),
            (NationalKeys.Level, "Cấp tỉnh"), (NationalKeys.LocalCode, "1.009999.000.00.00.H34")));

        Assert.Contains("không khớp", message);
    }

    [Fact]
    public void Map_ChargeAndFeeBothGiven_StoredTogetherWithLabels()
    {
        var mapping = Mapped(ListRow((NationalKeys.Code, "1.001194"), (NationalKeys.Name, "A"), (NationalKeys.Field, "Hộ tịch"),
            (NationalKeys.Level, "Cấp tỉnh"), (NationalKeys.Charge, "8.000 đồng"), (NationalKeys.Fee, "Không")));

        Assert.Equal("Lệ phí: 8.000 đồng\nPhí: Không", mapping.Values[ProcedureAliases.Fee]);
    }

    [Fact]
    public void Map_ScrapedSteps_SplitIntoBlocksAndKeptVerbatim()
    {
        const string scraped = "Bước 1: Nộp hồ sơ. Bước 2: Nhận kết quả.";
        var mapping = Mapped(ListRow((NationalKeys.Code, "1.001194"), (NationalKeys.Name, "A"), (NationalKeys.Field, "Hộ tịch"),
            (NationalKeys.Level, "Cấp tỉnh"), (NationalKeys.Steps, scraped)));

        Assert.Equal(["Nộp hồ sơ.", "Nhận kết quả."], BlockListValue.Read(mapping.Values[ProcedureAliases.Steps]).Select(b => b.Values[ProcedureAliases.StepText]));
        Assert.Equal(scraped, mapping.Values[ProcedureAliases.StepsSource]);
    }
}
