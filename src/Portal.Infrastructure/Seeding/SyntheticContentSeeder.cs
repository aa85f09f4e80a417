using Portal.Core.Access;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Schema;
using Portal.Core.Text;
using Portal.Data;
using Portal.Data.Content;

namespace Portal.Infrastructure.Seeding;

/// <summary>
/// Writes N realistic Vietnamese CCHC articles spread over the unit pages, for benchmarks. They are real
/// documents with a published edition and timeline entries, written in batches rather than one by one.
/// </summary>
public sealed class SyntheticContentSeeder(IDbContextFactory<PortalDbContext> contexts, ContentBulkWriter writer, TimeProvider clock)
{
    private static readonly Actor Seeder = Actor.System("seed-synthetic");

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Topics =
    [
        "Tuyên truyền cải cách hành chính", "Rà soát, đơn giản hóa thủ tục hành chính", "Tiếp nhận hồ sơ qua dịch vụ bưu chính công ích",
        "Triển khai dịch vụ công trực tuyến mức độ 3, mức độ 4", "Khảo sát mức độ hài lòng của người dân", "Niêm yết công khai thủ tục hành chính",
        "Nâng cao chỉ số cải cách hành chính", "Thực hiện cơ chế một cửa liên thông", "Tiếp nhận phản ánh, kiến nghị về quy định hành chính",
        "Kiểm soát thủ tục hành chính", "Ứng dụng công nghệ thông tin tại Bộ phận tiếp nhận và trả kết quả", "Đối thoại với người dân và doanh nghiệp",
        "Cải thiện môi trường kinh doanh", "Sắp xếp tổ chức bộ máy tinh gọn", "Nâng cao chất lượng đội ngũ công chức",
    ];

    private const string TagsJson = "[\"CCHC\",\"Kon Tum\"]";

    private static readonly string[] Categories = ["Tin tức", "Phóng sự", "Gương điển hình - biểu dương", "Phê phán tiêu cực", "Hỏi đáp"];

    private static readonly string[] Paragraphs =
    [
        "Thực hiện Kế hoạch số 457/KH-UBND ngày 23/02/2018 của Ủy ban nhân dân tỉnh, đơn vị đã xây dựng kế hoạch tuyên truyền cụ thể, phân công nhiệm vụ cho từng bộ phận.",
        "Nội dung tuyên truyền tập trung vào các thủ tục hành chính thường gặp, cách thức nộp hồ sơ trực tuyến và qua dịch vụ bưu chính công ích.",
        "Người dân và doanh nghiệp có thể tra cứu thủ tục hành chính, theo dõi tình trạng hồ sơ và gửi phản ánh, kiến nghị trên Cổng dịch vụ công của tỉnh.",
        "Đơn vị tiếp tục rà soát, niêm yết công khai đầy đủ các thủ tục hành chính tại trụ sở và trên trang thông tin điện tử.",
        "Qua đó góp phần nâng cao nhận thức của cán bộ, công chức và người dân về công tác cải cách hành chính trên địa bàn tỉnh.",
    ];

    public async Task<int> SeedAsync(int count, CancellationToken cancellationToken)
    {
        List<(Guid Key, string Path, int Level, string Name)> units;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            units = (await db.Documents.AsNoTracking().Where(d => d.ContentTypeAlias == "unit" && !d.Trashed)
                    .Select(d => new { d.Key, d.Path, d.Level, Name = d.Editions.OrderByDescending(e => e.Number).Select(e => e.Name).First() })
                    .ToListAsync(cancellationToken))
                .OrderBy(u => u.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))
                .Select(u => (u.Key, u.Path, u.Level, u.Name)).ToList();
        }

        if (units.Count == 0)
        {
            throw new InvalidOperationException("Chưa có trang đơn vị nào; hãy nhập nội dung mẫu (usync import) trước khi tạo dữ liệu tổng hợp.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await writer.WriteAsync(Generate(count, units, now), batchSize: 2000, cancellationToken);
        return count;
    }

    private static IEnumerable<(Document, TimelineEntry[])> Generate(int count, List<(Guid Key, string Path, int Level, string Name)> units, DateTime now)
    {
        var random = new Random(457);
        for (var i = 0; i < count; i++)
        {
            var unit = units[i % units.Count];
            var topic = Topics[random.Next(Topics.Length)];
            var written = now.AddMinutes(-(count - i) * 7);
            var month = VietnamTime.FromUtc(written);
            var title = $"{topic} tại {unit.Name} tháng {month.Month:00}/{month.Year} (số {i + 1})";
            var body = string.Concat(Paragraphs.OrderBy(_ => random.Next()).Take(3).Select(p => $"<p>{p}</p>"));
            var values = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["title"] = title,
                ["summary"] = $"{topic}: {unit.Name} tiếp tục triển khai các nhiệm vụ theo kế hoạch cải cách hành chính của tỉnh.",
                ["body"] = JsonSerializer.Serialize(new { markup = body, blocks = (object?)null }, Json),
                ["category"] = JsonSerializer.Serialize(new[] { Categories[random.Next(Categories.Length)] }, Json),
                ["tags"] = TagsJson,
                ["unit"] = DocumentUdi.Format(unit.Key),
                ["author"] = "Ban Biên tập",
            };
            var key = Guid.NewGuid();
            var document = Document.CreateUnder(key, "article", unit.Key, unit.Path, unit.Level, sortOrder: i / units.Count,
                title, UrlSegment.From(title), values, Seeder.Name, written);
            var edition = document.Publish(Seeder.Name, written);
            yield return (document,
            [
                new TimelineEntry(key, 1, TimelineAction.Created, Seeder, written),
                new TimelineEntry(key, edition.Number, TimelineAction.Published, Seeder, written),
            ]);
        }
    }
}
