using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Tests.TestHost;
using static Portal.Web.Tests.Features.Procedures.ProcedureTestKit;

namespace Portal.Web.Tests.Features.Procedures;

/// <summary>A unit's subpage lists the procedures assigned to it, by level, and links to the finder filtered by the unit.</summary>
[Collection(ProcedureSiteCollection.Name)]
public sealed class UnitProceduresTests(ProcedureSite site)
{
    private PortalFactory Factory => site.Factory;

    private HttpClient Client => site.Client;

    [Fact]
    public async Task UnitPage_ListsItsProceduresByLevelAndLinksToTheFilteredFinder()
    {
        var unit = Units(Factory)[^1];
        var unitUrl = Factory.Services.GetRequiredService<PublishedRouteTree>().UrlOf(unit.Key)!;
        await PublishProcedureAsync(Factory, new TestProcedure("7.100001", "Thủ tục giao cho đơn vị cấp huyện") { Units = [(unit.Key, "Cấp huyện")], Keywords = ["kiemthudonvi"] });
        await PublishProcedureAsync(Factory, new TestProcedure("7.100002", "Thủ tục giao cho đơn vị cấp xã") { Units = [(unit.Key, "Cấp xã")], Keywords = ["kiemthudonvi"] });
        await PublishProcedureAsync(Factory, new TestProcedure("7.100003", "Thủ tục không giao cho đơn vị"));

        var html = await GetHtmlAsync(Client, unitUrl);

        // Seeded procedures may be assigned to the unit too: each test procedure must sit under its own level's heading.
        var district = html.IndexOf("<h3>Cấp huyện (", StringComparison.Ordinal);
        var commune = html.IndexOf("<h3>Cấp xã (", StringComparison.Ordinal);
        var first = html.IndexOf("Thủ tục giao cho đơn vị cấp huyện", StringComparison.Ordinal);
        var second = html.IndexOf("Thủ tục giao cho đơn vị cấp xã", StringComparison.Ordinal);
        Assert.True(district > 0 && first > district && commune > first && second > commune, $"{district} {first} {commune} {second}");
        Assert.Contains("<a href=\"/thu-tuc-hanh-chinh/7.100001\">Thủ tục giao cho đơn vị cấp huyện</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Thủ tục không giao cho đơn vị", html, StringComparison.Ordinal);
        var finder = $"/thu-tuc-hanh-chinh/?co-quan={unit.Key:N}";
        Assert.Contains($"<a href=\"{finder}\">", html, StringComparison.Ordinal);

        var filtered = await GetHtmlAsync(Client, finder + "&q=kiemthudonvi");
        Assert.Equal(["Thủ tục giao cho đơn vị cấp huyện", "Thủ tục giao cho đơn vị cấp xã"], ResultNames(filtered));
        Assert.Equal(2, Facet(filtered, unit.Name)!.Value.Count);
    }
}
