using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Web.Tests.Features.Management.Procedures;

/// <summary>National-portal records as the import reads them, with codes no seeded procedure uses.</summary>
internal static class ProcedureFiles
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A fresh national code in the 5.xxxxxx range, which the demonstration seed does not use.</summary>
    public static string NewCode() => "5." + Random.Shared.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public static JsonObject Record(string code, string name, string field = "Hộ tịch", string level = "Cấp xã") => new()
    {
        ["ma_thu_tuc"] = code,
        ["ten_thu_tuc"] = name,
        ["linh_vuc"] = field,
        ["cap_thuc_hien"] = level,
        ["loai_thu_tuc"] = "TTHC được luật giao quy định chi tiết",
        ["co_quan_thuc_hien"] = "Ủy ban nhân dân cấp xã",
        ["trinh_tu_thuc_hien"] = new JsonArray("Bước 1: Nộp hồ sơ tại Bộ phận Một cửa.", "Bước 2: Nhận kết quả."),
        ["cach_thuc_thuc_hien"] = "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp03 Ngày làm việcLệ phí : 8.000 ĐồngTrực tuyến03 Ngày làm việcLệ phí : 8.000 Đồng",
    };

    public static string Json(params JsonObject[] records) => new JsonArray(records.Select(r => (JsonNode)r.DeepClone()).ToArray()).ToJsonString(Indented);

    public static string Ndjson(params JsonObject[] records) => string.Join('\n', records.Select(r => r.ToJsonString()));
}
