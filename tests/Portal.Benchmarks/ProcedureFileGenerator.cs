using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Benchmarks;

/// <summary>
/// Writes N national-portal records (JSON array) for the import benchmark: half with structured tables, half with the
/// run-together text scraped from the national portal, all with distinct codes in the 6.xxxxxx range.
/// </summary>
internal static class ProcedureFileGenerator
{
    private static readonly string[] Fields = ["Hộ tịch", "Chứng thực", "Hoạt động xây dựng", "Thành lập và hoạt động của hộ kinh doanh", "Đất đai", "Giáo dục và Đào tạo", "Khám bệnh, chữa bệnh"];
    private static readonly string[] Levels = ["Cấp tỉnh", "Cấp huyện", "Cấp xã", "Cấp huyện, Cấp xã"];

    public static async Task<int> RunAsync(int count, string path)
    {
        var records = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var code = "6." + i.ToString("D6", CultureInfo.InvariantCulture);
            var record = new JsonObject
            {
                ["ma_thu_tuc"] = code,
                ["ten_thu_tuc"] = $"Thủ tục thử nghiệm số {i + 1} về {Fields[i % Fields.Length].ToLower(CultureInfo.GetCultureInfo("vi-VN"))}",
                ["linh_vuc"] = Fields[i % Fields.Length],
                ["cap_thuc_hien"] = Levels[i % Levels.Length],
                ["loai_thu_tuc"] = "TTHC được luật giao quy định chi tiết",
                ["doi_tuong_thuc_hien"] = "Công dân Việt Nam, Tổ chức",
                ["co_quan_thuc_hien"] = "Ủy ban nhân dân cấp huyện",
                ["dia_chi_tiep_nhan"] = "Bộ phận Một cửa, Trung tâm Phục vụ hành chính công tỉnh Kon Tum",
                ["yeu_cau_dieu_kien"] = "Không có thông tin",
                ["tu_khoa"] = new JsonArray("thử nghiệm", "hiệu năng"),
                ["muc_do_dvc"] = i % 2 == 0 ? "Toàn trình" : "Một phần",
            };
            if (i % 2 == 0)
            {
                record["trinh_tu_thuc_hien"] = new JsonArray("Bước 1: Nộp hồ sơ tại Bộ phận Một cửa.", "Bước 2: Cán bộ kiểm tra hồ sơ.", "Bước 3: Trả kết quả.");
                record["cach_thuc_thuc_hien"] = new JsonArray(
                    new JsonObject { ["hinh_thuc_nop"] = "Trực tiếp", ["thoi_han"] = "05 Ngày làm việc", ["phi_le_phi"] = "Lệ phí : 50.000 Đồng", ["mo_ta"] = "" },
                    new JsonObject { ["hinh_thuc_nop"] = "Trực tuyến", ["thoi_han"] = "05 Ngày làm việc", ["phi_le_phi"] = "Lệ phí : 25.000 Đồng", ["mo_ta"] = "Giảm 50% lệ phí" });
                record["thanh_phan_ho_so"] = new JsonArray(
                    new JsonObject { ["ten_giay_to"] = "Tờ khai theo mẫu", ["mau_don"] = "mau01.docx", ["so_luong"] = "Bản chính: 1 - Bản sao: 0" },
                    new JsonObject { ["ten_giay_to"] = "Giấy tờ tùy thân", ["so_luong"] = "Bản chính: 0 - Bản sao: 1" });
                record["can_cu_phap_ly"] = new JsonArray(new JsonObject { ["so_hieu"] = "60/2014/QH13", ["ten_van_ban"] = "Luật Hộ tịch" });
                record["ket_qua_xu_ly"] = new JsonArray(new JsonObject { ["ten_ket_qua"] = "Giấy chứng nhận", ["ma_ket_qua"] = $"KQ.G01.{i:D6}" });
            }
            else
            {
                record["trinh_tu_thuc_hien"] = "Bước 1: Nộp hồ sơ tại Bộ phận Một cửa. Bước 2: Cán bộ kiểm tra hồ sơ. Bước 3: Trả kết quả.";
                record["cach_thuc_thuc_hien"] = "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp15 Ngày làm việcPhí : 50.000 ĐồngDịch vụ bưu chính15 Ngày làm việcPhí : 50.000 Đồng";
                record["thanh_phan_ho_so"] = "Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai đăng kýmau02.docxBản chính: 1 - Bản sao: 0Bản sao giấy tờ tùy thânBản chính: 0 - Bản sao: 1";
                record["can_cu_phap_ly"] = "Số ký hiệuTrích yếuNgày ban hànhCơ quan ban hành50/2014/QH13Luật Xây dựng18-06-2014Quốc Hội";
                record["ket_qua_xu_ly"] = $"Giấy phépKQ.G02.{i:D6}";
            }

            records.Add(record);
        }

        await File.WriteAllTextAsync(path, records.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Console.WriteLine($"Wrote {count} records to {path}");
        return 0;
    }
}
