using System.Net;
using System.Text.Json;
using Portal.Web.Tests.Features.Delivery;
using static Portal.Web.Tests.Features.Management.ManagementHttp;

namespace Portal.Web.Tests.Features.Management;

/// <summary>The document tree as each group sees it: the whole tree, or their start nodes and the way to them.</summary>
public sealed class DocumentTreeTests(ManagementSiteFixture fixture) : IClassFixture<ManagementSiteFixture>
{
    private readonly ManagementSite site = fixture.Site;

    [Fact]
    public async Task Root_Administrator_IsTheHomePageWithUmbracoShape()
    {
        var admin = await site.ClientForAsync(ManagementSite.Administrators);

        var root = await GetJsonAsync(admin, "tree/document/root?skip=0&take=100");

        Assert.Equal(["total", "items"], PropertyNames(root));
        var home = Assert.Single(root.GetProperty("items").EnumerateArray());
        Assert.Equal(["hasChildren", "id", "parent", "noAccess", "isTrashed", "isProtected", "documentType", "variants", "createDate"],
            PropertyNames(home));
        Assert.Equal(Seed.Home, home.GetProperty("id").GetGuid());
        Assert.True(home.GetProperty("hasChildren").GetBoolean());
        Assert.Equal(JsonValueKind.Null, home.GetProperty("parent").ValueKind);
        Assert.False(home.GetProperty("noAccess").GetBoolean());
        Assert.Equal(["id", "icon", "collection"], PropertyNames(home.GetProperty("documentType")));
        Assert.Equal(site.ContentTypeKeyOf("home"), home.GetProperty("documentType").GetProperty("id").GetGuid());
        var variant = home.GetProperty("variants")[0];
        Assert.Equal(["name", "culture", "state"], PropertyNames(variant));
        Assert.Equal("Published", variant.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Root_UnitEditors_IsTheirUnitPage()
    {
        var editors = await site.ClientForAsync(ManagementSiteFixture.UnitEditors);

        var root = await GetJsonAsync(editors, "tree/document/root");

        var unit = Assert.Single(root.GetProperty("items").EnumerateArray());
        Assert.Equal(Seed.InteriorUnit, unit.GetProperty("id").GetGuid());
        Assert.False(unit.GetProperty("noAccess").GetBoolean());
        Assert.Equal(Seed.UnitsRoot, unit.GetProperty("parent").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Children_AboveUnitEditorsStartNode_ShowOnlyTheWayDownWithNoAccess()
    {
        var editors = await site.ClientForAsync(ManagementSiteFixture.UnitEditors);

        var belowHome = await GetJsonAsync(editors, $"tree/document/children?parentId={Seed.Home}");
        var belowUnits = await GetJsonAsync(editors, $"tree/document/children?parentId={Seed.UnitsRoot}");

        var unitsRoot = Assert.Single(belowHome.GetProperty("items").EnumerateArray());
        Assert.Equal(Seed.UnitsRoot, unitsRoot.GetProperty("id").GetGuid());
        Assert.True(unitsRoot.GetProperty("noAccess").GetBoolean());
        var unit = Assert.Single(belowUnits.GetProperty("items").EnumerateArray());
        Assert.Equal(Seed.InteriorUnit, unit.GetProperty("id").GetGuid());
        Assert.False(unit.GetProperty("noAccess").GetBoolean());
    }

    [Fact]
    public async Task Children_NewDraftUnderUnit_ShownAsDraftToItsEditors()
    {
        var id = await site.CreateDocumentAsync(Seed.InteriorUnit, "Bản nháp của đơn vị");
        var editors = await site.ClientForAsync(ManagementSiteFixture.UnitEditors);

        var children = await GetJsonAsync(editors, $"tree/document/children?parentId={Seed.InteriorUnit}&take=1000");

        var item = children.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);
        Assert.Equal("Draft", item.GetProperty("variants")[0].GetProperty("state").GetString());
        Assert.Equal("Bản nháp của đơn vị", item.GetProperty("variants")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Children_Paging_TotalCountsAllAndTakeLimits()
    {
        var admin = await site.ClientForAsync(ManagementSite.Administrators);

        var page = await GetJsonAsync(admin, $"tree/document/children?parentId={Seed.UnitsRoot}&skip=2&take=5");

        Assert.Equal(Seed.Units, page.GetProperty("total").GetInt32());
        Assert.Equal(5, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Children_BadPaging_Answers400()
    {
        var admin = await site.ClientForAsync(ManagementSite.Administrators);

        using var response = await admin.GetAsync(Url($"tree/document/children?parentId={Seed.Home}&take=lots"));

        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
