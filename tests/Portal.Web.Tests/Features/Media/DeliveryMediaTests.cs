using System.Net;
using System.Text.Json;
using Portal.Web.Tests.Features.Delivery;
using Portal.Web.Tests.Features.Management;
using static Portal.Web.Tests.Features.Media.MediaHttp;

namespace Portal.Web.Tests.Features.Media;

/// <summary>The Media Delivery API answering from the library: Umbraco's media item JSON, lookups by id and path, and the query.</summary>
public sealed class DeliveryMediaTests(MediaSiteFixture fixture) : IClassFixture<MediaSiteFixture>
{
    private readonly ManagementSite site = fixture.Site;

    private Task<DeliveryResponse> GetAsync(string relative) => DeliveryHttp.GetAsync(site.Anonymous, relative);

    private Task<JsonElement> GetJsonAsync(string relative) => DeliveryHttp.GetJsonAsync(site.Anonymous, relative);

    [Fact]
    public async Task ItemById_UploadedPng_HasUmbracoMediaItemShape()
    {
        var editors = await site.ClientForAsync(MediaSiteFixture.UnitEditors);
        var folder = await FolderAsync(editors, "Ảnh Delivery " + Guid.NewGuid().ToString("N")[..6]);
        var png = SampleFiles.Png(64, 48);
        var id = await UploadedAsync(editors, png, "Trụ sở.png", altText: "Trụ sở UBND tỉnh", parentId: folder, name: "Trụ sở UBND");
        var url = await UrlOfAsync(editors, id);
        var folderName = (await ManagementHttp.GetJsonAsync(editors, $"media/{folder}")).GetProperty("variants")[0].GetProperty("name").GetString()!;

        var item = await GetJsonAsync($"media/item/{id}");

        Assert.Equal(["path", "createDate", "updateDate", "id", "name", "mediaType", "url", "extension", "width", "height", "bytes",
            "properties", "focalPoint", "crops"], DeliveryHttp.PropertyNames(item));
        Assert.Equal($"/{folderName.ToLowerInvariant()}/trụ sở ubnd/", item.GetProperty("path").GetString());
        Assert.Equal(id, item.GetProperty("id").GetGuid());
        Assert.Equal("Trụ sở UBND", item.GetProperty("name").GetString());
        Assert.Equal("Image", item.GetProperty("mediaType").GetString());
        Assert.Equal(url, item.GetProperty("url").GetString());
        Assert.Equal("png", item.GetProperty("extension").GetString());
        Assert.Equal((64, 48, (long)png.Length),
            (item.GetProperty("width").GetInt32(), item.GetProperty("height").GetInt32(), item.GetProperty("bytes").GetInt64()));
        Assert.Equal("Trụ sở UBND tỉnh", item.GetProperty("properties").GetProperty("altText").GetString());
        Assert.Equal(0.5, item.GetProperty("focalPoint").GetProperty("left").GetDouble());
        Assert.Equal(0, item.GetProperty("crops").GetArrayLength());
        Assert.DoesNotContain("+", item.GetProperty("createDate").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemByPath_FolderAndItemNames_FindTheItem()
    {
        var editors = await site.ClientForAsync(MediaSiteFixture.UnitEditors);
        var folderName = "Hồ sơ " + Guid.NewGuid().ToString("N")[..6];
        var folder = await FolderAsync(editors, folderName);
        var id = await UploadedAsync(editors, SampleFiles.Pdf(), "mau-don.pdf", altText: null, parentId: folder, name: "Mẫu đơn");

        var item = await GetJsonAsync($"media/item/{Uri.EscapeDataString(folderName.ToUpperInvariant())}/{Uri.EscapeDataString("mẫu đơn")}");
        var missing = await GetAsync($"media/item/{Uri.EscapeDataString(folderName)}/khong-co");

        Assert.Equal(id, item.GetProperty("id").GetGuid());
        Assert.Equal("File", item.GetProperty("mediaType").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("width").ValueKind);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("focalPoint").ValueKind);
        DeliveryQueryTests.AssertProblem(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Items_KnownAndUnknownIds_ListTheKnownInOrder()
    {
        var editors = await site.ClientForAsync(MediaSiteFixture.UnitEditors);
        var a = await UploadedAsync(editors, SampleFiles.Png(), "a.png");
        var b = await UploadedAsync(editors, SampleFiles.Png(), "b.png");

        var items = await GetJsonAsync($"media/items?id={b}&id={Guid.NewGuid()}&id={a}");

        Assert.Equal([b, a], items.EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Query_ChildrenOfAFolderPath_FiltersSortsAndPages()
    {
        var editors = await site.ClientForAsync(MediaSiteFixture.UnitEditors);
        var folderName = "Thư viện " + Guid.NewGuid().ToString("N")[..6];
        var folder = await FolderAsync(editors, folderName);
        var gamma = await UploadedAsync(editors, SampleFiles.Png(), "g.png", parentId: folder, name: "Gamma ảnh");
        var alpha = await UploadedAsync(editors, SampleFiles.Png(), "a.png", parentId: folder, name: "Alpha ảnh");
        await UploadedAsync(editors, SampleFiles.Pdf(), "b.pdf", altText: null, parentId: folder, name: "Beta tài liệu");
        await FolderAsync(editors, "Con", folder);
        var fetch = Uri.EscapeDataString($"children:/{folderName}/");

        var images = await GetJsonAsync($"media?fetch={fetch}&filter=mediaType:Image&sort=name:asc");
        var named = await GetJsonAsync($"media?fetch=children:{folder}&filter=name:ẢNH&sort=name:desc&skip=1&take=1");
        var all = await GetJsonAsync($"media?fetch=children:{folder}&take=0");

        Assert.Equal(2, images.GetProperty("total").GetInt32());
        Assert.Equal([alpha, gamma], images.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal(2, named.GetProperty("total").GetInt32());
        Assert.Equal(alpha, Assert.Single(named.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(4, all.GetProperty("total").GetInt32());
        Assert.Equal(0, all.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Query_TwoSorts_ApplyInTheOrderGiven()
    {
        var editors = await site.ClientForAsync(MediaSiteFixture.UnitEditors);
        var folder = await FolderAsync(editors, "Sắp xếp " + Guid.NewGuid().ToString("N")[..6]);
        var firstB = await UploadedAsync(editors, SampleFiles.Png(), "b1.png", parentId: folder, name: "B");
        var a = await UploadedAsync(editors, SampleFiles.Png(), "a.png", parentId: folder, name: "A");
        var secondB = await UploadedAsync(editors, SampleFiles.Png(), "b2.png", parentId: folder, name: "B");

        var sorted = await GetJsonAsync($"media?fetch=children:{folder}&sort=name:asc&sort=createDate:desc");

        Assert.Equal([a, secondB, firstB], sorted.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Query_ChildrenOfRoot_IncludesATopLevelUpload()
    {
        var editors = await site.ClientForAsync(MediaSiteFixture.UnitEditors);
        var id = await UploadedAsync(editors, SampleFiles.Png(), "goc.png");

        var root = await GetJsonAsync("media?fetch=children:/&take=1000");

        Assert.Contains(id, root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    [Theory]
    [InlineData("media?fetch=children:/&filter=contentType:article", "Filter option not found")]
    [InlineData("media?fetch=children:/&sort=level:asc", "Sort option not found")]
    [InlineData("media?fetch=descendants:/", "Selector option not found")]
    public async Task Query_OptionsUmbracosMediaQueryLacks_Answer400(string relative, string title)
    {
        var response = await GetAsync(relative);

        DeliveryQueryTests.AssertProblem(response, HttpStatusCode.BadRequest, title);
    }
}
