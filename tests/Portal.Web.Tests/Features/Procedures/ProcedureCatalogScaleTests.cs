using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Schema;
using Portal.Data;
using Portal.Data.Content;
using Portal.Infrastructure.Procedures;
using Portal.Web.Tests.TestHost;
using Xunit.Abstractions;
using static Portal.Web.Tests.Features.Procedures.ProcedureTestKit;
using A = Portal.Core.Procedures.ProcedureAliases;

namespace Portal.Web.Tests.Features.Procedures;

/// <summary>
/// The province's whole procedure set (about 3,000, each with its tables) goes into the catalog whole. How long the rebuild
/// takes is printed for the reader, not asserted: speed is shown by the benchmarks (docs/benchmarks.md), never by a test
/// that a busy machine can fail.
/// </summary>
[Collection(ProcedureSiteCollection.Name)]
public sealed class ProcedureCatalogScaleTests(ProcedureSite site, ITestOutputHelper output)
{
    private static readonly Actor Seeder = Actor.System("tester");

    [Fact]
    public async Task Catalog_ThreeThousandProcedures_HoldsEveryOneFindableByCode()
    {
        var factory = site.Factory;
        var set = Set(factory);
        string path;
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            path = await db.Documents.Where(d => d.Key == set.Key).Select(d => d.Path).SingleAsync();
        }

        var now = DateTime.UtcNow;
        var steps = Blocks(StepType, Enumerable.Range(1, 6).Select(i => new Dictionary<string, string> { [A.StepText] = $"Bước {i}: tổ chức, cá nhân nộp hồ sơ và nhận kết quả theo quy định." }).ToArray());
        var dossier = Blocks(DossierType, Enumerable.Range(1, 8).Select(i => new Dictionary<string, string> { [A.DossierName] = $"Giấy tờ số {i} theo mẫu quy định", [A.DossierOriginals] = "1" }).ToArray());
        IEnumerable<(Document, TimelineEntry[])> Generate()
        {
            for (var i = 0; i < 3000; i++)
            {
                var key = Guid.NewGuid();
                var name = $"Thủ tục quy mô số {i:0000}";
                var values = new Dictionary<string, string>
                {
                    [A.Code] = $"6.{i:000000}", [A.Field] = $"Lĩnh vực {i % 40}", [A.Level] = Json("Cấp tỉnh", "Cấp xã"), [A.OnlineLevel] = Json("Toàn trình"),
                    [A.Keywords] = Json("quy mô", "kiểm thử"), [A.ImplementingAgency] = $"Sở số {i % 20}", [A.Steps] = steps, [A.Dossier] = dossier,
                    [A.Requirements] = new string('x', 2000),
                };
                var document = Document.CreateUnder(key, A.ProcedureType, set.Key, path, set.Level, i, name, $"thu-tuc-quy-mo-{i}", values, Seeder.Name, now);
                var edition = document.Publish(Seeder.Name, now);
                yield return (document, [new TimelineEntry(key, 1, TimelineAction.Created, Seeder, now), new TimelineEntry(key, edition.Number, TimelineAction.Published, Seeder, now)]);
            }
        }

        await factory.Services.GetRequiredService<ContentBulkWriter>().WriteAsync(Generate(), 1000, CancellationToken.None);
        var catalog = factory.Services.GetRequiredService<ProcedureCatalog>();

        var snapshot = await catalog.CurrentAsync(CancellationToken.None);

        output.WriteLine($"{snapshot.Procedures.Count} procedures, rebuilt in {catalog.LastRebuild.TotalMilliseconds:0} ms");
        Assert.True(snapshot.Procedures.Count >= 3000);
        Assert.Equal("Thủ tục quy mô số 0000", snapshot.FindByCode("6.000000")?.Name);
        Assert.Equal("Thủ tục quy mô số 2999", snapshot.FindByCode("6.002999")?.Name);
    }
}
