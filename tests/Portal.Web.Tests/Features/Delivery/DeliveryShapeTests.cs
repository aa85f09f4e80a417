using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using static Portal.Web.Tests.Features.Delivery.DeliveryHttp;

namespace Portal.Web.Tests.Features.Delivery;

/// <summary>The JSON an Umbraco front end parses: item and list shapes, dates, routes, property values (one seeded host, read-only).</summary>
[Collection(SeededDeliveryCollection.Name)]
public sealed partial class DeliveryShapeTests
{
    private readonly SeededDelivery site;

    public DeliveryShapeTests(SeededDelivery site) => this.site = site;

    [Fact]
    public async Task Item_Json_HasUmbracosPropertiesInUmbracosOrder()
    {
        var response = await site.GetAsync($"content/item/{Seed.TrainingArticle}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.MediaType);
        var item = response.Json;
        Assert.Equal(["contentType", "name", "createDate", "updateDate", "route", "id", "properties", "cultures"], PropertyNames(item));
        Assert.Equal(["path", "startItem"], PropertyNames(item.GetProperty("route")));
        Assert.Equal(["id", "path"], PropertyNames(item.GetProperty("route").GetProperty("startItem")));
        Assert.Equal(JsonValueKind.Object, item.GetProperty("cultures").ValueKind);
        Assert.Empty(PropertyNames(item.GetProperty("cultures")));
    }

    [Fact]
    public async Task PagedList_Json_IsTotalThenItems()
    {
        var list = await site.GetJsonAsync($"content?fetch=children:{Seed.Column}&take=2");

        Assert.Equal(["total", "items"], PropertyNames(list));
        Assert.All(list.GetProperty("items").EnumerateArray(),
            i => Assert.Equal(["contentType", "name", "createDate", "updateDate", "route", "id", "properties", "cultures"], PropertyNames(i)));
    }

    [Fact]
    public async Task Dates_AreVietnamWallClockWithoutOffset()
    {
        var item = await site.GetJsonAsync($"content/item/{Seed.TrainingArticle}");

        var created = item.GetProperty("createDate").GetString()!;
        var updated = item.GetProperty("updateDate").GetString()!;
        Assert.Equal("2018-03-12T09:00:00", created);
        Assert.Matches(DateWithoutOffset(), updated);
    }

    [Fact]
    public async Task Dates_OfEveryItem_CarryNoOffset()
    {
        var (_, items) = await site.QueryAsync("take=100");

        Assert.All(items, i =>
        {
            Assert.Matches(DateWithoutOffset(), i.GetProperty("createDate").GetString()!);
            Assert.Matches(DateWithoutOffset(), i.GetProperty("updateDate").GetString()!);
        });
    }

    [Fact]
    public async Task Route_PathHasLeadingAndTrailingSlashAndStartItemIsTheRoot()
    {
        var article = await site.GetJsonAsync($"content/item/{Seed.TrainingArticle}");
        var column = await site.GetJsonAsync($"content/item/{Seed.Column}");
        var home = await site.GetJsonAsync($"content/item/{Seed.Home}");

        Assert.Equal(Seed.ColumnPath, RoutePath(column));
        Assert.Matches("^/chuyen-trang-cchc/[a-z0-9-]+/$", RoutePath(article));
        Assert.Equal("/", RoutePath(home));
        foreach (var item in new[] { article, column, home })
        {
            var start = item.GetProperty("route").GetProperty("startItem");
            Assert.Equal(Seed.Home, start.GetProperty("id").GetGuid());
            Assert.Equal(Seed.HomeSegment, start.GetProperty("path").GetString());
        }
    }

    [Fact]
    public async Task Article_Properties_HaveTheirEditorsShapes()
    {
        var item = await site.GetJsonAsync($"content/item/{Seed.TrainingArticle}");
        var properties = item.GetProperty("properties");

        Assert.Equal(Seed.TrainingArticleName, properties.GetProperty("title").GetString());
        Assert.StartsWith("Theo Kế hoạch số 457/KH-UBND", properties.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal("Ban Biên tập", properties.GetProperty("author").GetString());
        Assert.Equal("Tin tức", properties.GetProperty("category").GetString());
        Assert.Equal(["Tập huấn", "Bộ phận tiếp nhận và trả kết quả", "Một cửa"], properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(JsonValueKind.False, properties.GetProperty("featured").ValueKind);
        Assert.Equal(JsonValueKind.Array, properties.GetProperty("image").ValueKind);
        Assert.Equal(JsonValueKind.Object, properties.GetProperty("unit").ValueKind);
    }

    [Fact]
    public async Task RichText_Default_IsMarkupAndBlocks()
    {
        var item = await site.GetJsonAsync($"content/item/{Seed.TrainingArticle}");

        var body = item.GetProperty("properties").GetProperty("body");
        Assert.Equal(["markup", "blocks"], PropertyNames(body));
        Assert.StartsWith("<p>Nâng cao năng lực chuyên môn", body.GetProperty("markup").GetString(), StringComparison.Ordinal);
        Assert.Contains("<h2>Thành phần và số lượng</h2>", body.GetProperty("markup").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, body.GetProperty("blocks").GetArrayLength());
    }

    [Fact]
    public async Task Toggle_On_IsTrue()
    {
        var item = await site.GetJsonAsync($"content/item/{Seed.FeaturedArticle}");

        Assert.Equal(JsonValueKind.True, item.GetProperty("properties").GetProperty("featured").ValueKind);
    }

    [Fact]
    public async Task EmptyValues_AreNull()
    {
        var item = await site.GetJsonAsync($"content/item/{Seed.PostalArticle}");

        Assert.Equal(JsonValueKind.Null, item.GetProperty("properties").GetProperty("unit").ValueKind);
    }

    [Fact]
    public async Task MediaPicker_IsAlwaysAnArray()
    {
        var (_, items) = await site.QueryAsync("filter=contentType:article&fields=" + Escape("properties[image]") + "&take=100");

        Assert.Equal(Seed.Articles, items.Count);
        Assert.All(items, i => Assert.Equal(JsonValueKind.Array, i.GetProperty("properties").GetProperty("image").ValueKind));
    }

    [Fact]
    public async Task MultiPicker_IsAnArrayOfShallowItems()
    {
        var article = await site.GetJsonAsync($"content/item/{Seed.RelatedArticle}");

        var related = article.GetProperty("properties").GetProperty("relatedItems").EnumerateArray().ToList();
        Assert.Equal(3, related.Count);
        Assert.All(related, r =>
        {
            Assert.Equal(["contentType", "name", "createDate", "updateDate", "route", "id", "properties"], PropertyNames(r));
            Assert.Empty(PropertyNames(r.GetProperty("properties")));
        });
    }

    [Fact]
    public async Task MultiPicker_Empty_IsAnEmptyArray()
    {
        var article = await site.GetJsonAsync($"content/item/{Seed.TrainingArticle}");

        Assert.Equal(0, article.GetProperty("properties").GetProperty("relatedItems").GetArrayLength());
    }

    [Fact]
    public async Task BlockList_ColumnPlacements_AreItemsOfElementsWithPickedItemAndToggle()
    {
        var column = await site.GetJsonAsync($"content/item/{Seed.Column}");

        var items = column.GetProperty("properties").GetProperty("placements").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Seed.ColumnPlacementItems, items.Select(i => Id(i.GetProperty("content").GetProperty("properties").GetProperty("item"))));
        Assert.All(items, i =>
        {
            Assert.Equal(["content", "settings"], PropertyNames(i));
            Assert.Equal(JsonValueKind.Null, i.GetProperty("settings").ValueKind);
            var content = i.GetProperty("content");
            Assert.Equal(["contentType", "id", "properties"], PropertyNames(content));
            Assert.Equal("columnPlacement", content.GetProperty("contentType").GetString());
            var properties = content.GetProperty("properties");
            Assert.Equal(["item", "featured", "showFrom", "showUntil"], PropertyNames(properties));
            Assert.Empty(PropertyNames(properties.GetProperty("item").GetProperty("properties")));
            Assert.Equal(JsonValueKind.Null, properties.GetProperty("showFrom").ValueKind);
        });
        Assert.Equal([true, false, false], items.Select(i => i.GetProperty("content").GetProperty("properties").GetProperty("featured").GetBoolean()));
    }

    [Fact]
    public async Task DatePicker_IsUtcWithZ()
    {
        var directive = await site.GetJsonAsync($"content/item/{Seed.FirstDirective}");

        Assert.Equal("2018-02-23T00:00:00Z", directive.GetProperty("properties").GetProperty("issueDate").GetString());
    }

    [Fact]
    public async Task Integer_IsANumber()
    {
        var course = await site.GetJsonAsync($"content/item/{Seed.TrainingCourse}");

        var quota = course.GetProperty("properties").GetProperty("quotaProvincial");
        Assert.Equal(JsonValueKind.Number, quota.ValueKind);
        Assert.Equal(3, quota.GetInt32());
    }

    [Fact]
    public async Task VietnameseText_IsWrittenUnescapedAndComposed()
    {
        var response = await site.GetAsync($"content/item/{Seed.TrainingArticle}");

        Assert.Contains("\"name\":\"Sở Nội vụ chủ trì tập huấn", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u1EDF", response.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\\u00E1", response.Body, StringComparison.OrdinalIgnoreCase);
        Assert.True(response.Body.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public async Task Problem_ForUnknownItem_IsProblemJson()
    {
        var response = await site.GetAsync($"content/item/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(404, response.Json.GetProperty("status").GetInt32());
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?$")]
    private static partial Regex DateWithoutOffset();
}

/// <summary><c>RichTextOutputAsJson=true</c>: rich text as Umbraco's element tree.</summary>
public sealed class DeliveryRichTextJsonTests : IClassFixture<RichTextJsonDelivery>
{
    private readonly RichTextJsonDelivery site;

    public DeliveryRichTextJsonTests(RichTextJsonDelivery site) => this.site = site;

    [Fact]
    public async Task RichText_AsJson_IsARootElementTree()
    {
        var item = await site.GetJsonAsync($"content/item/{Seed.TrainingArticle}");

        var body = item.GetProperty("properties").GetProperty("body");
        Assert.False(body.TryGetProperty("markup", out _));
        Assert.Equal("#root", body.GetProperty("tag").GetString());
        Assert.Empty(PropertyNames(body.GetProperty("attributes")));
        Assert.Equal(0, body.GetProperty("blocks").GetArrayLength());
        var elements = body.GetProperty("elements").EnumerateArray().ToList();
        Assert.Equal("p", elements[0].GetProperty("tag").GetString());
        var text = elements[0].GetProperty("elements")[0];
        Assert.Equal("#text", text.GetProperty("tag").GetString());
        Assert.StartsWith("Nâng cao năng lực chuyên môn", text.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(elements, e => e.GetProperty("tag").GetString() == "h2");
        Assert.Contains(elements, e => e.GetProperty("tag").GetString() == "ul");
    }

    [Fact]
    public async Task RichText_AsJson_KeepsNestedInlineElements()
    {
        var item = await site.GetJsonAsync($"content/item/{Seed.TrainingArticle}");

        var list = item.GetProperty("properties").GetProperty("body").GetProperty("elements").EnumerateArray()
            .First(e => e.GetProperty("tag").GetString() == "ul");
        var firstItem = list.GetProperty("elements")[0];
        Assert.Equal("li", firstItem.GetProperty("tag").GetString());
        Assert.Equal("strong", firstItem.GetProperty("elements")[0].GetProperty("tag").GetString());
    }
}
