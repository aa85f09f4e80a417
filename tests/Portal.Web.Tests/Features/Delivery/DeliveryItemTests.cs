using System.Net;
using System.Text.Json;
using static Portal.Web.Tests.Features.Delivery.DeliveryHttp;

namespace Portal.Web.Tests.Features.Delivery;

/// <summary>content/item/{id}, content/item/{path}, content/items, Start-Item, expand and fields (one seeded host, read-only).</summary>
[Collection(SeededDeliveryCollection.Name)]
public sealed class DeliveryItemTests
{
    private readonly SeededDelivery site;

    public DeliveryItemTests(SeededDelivery site) => this.site = site;

    [Fact]
    public async Task ItemById_Published_AnswersTheItem()
    {
        var item = await site.GetJsonAsync($"content/item/{Seed.TrainingArticle}");

        Assert.Equal(Seed.TrainingArticle, Id(item));
        Assert.Equal("article", item.GetProperty("contentType").GetString());
        Assert.Equal(Seed.TrainingArticleName, Name(item));
    }

    [Fact]
    public async Task ItemById_UnknownKey_Answers404ProblemDetails()
    {
        var response = await site.GetAsync($"content/item/{Guid.NewGuid()}");

        DeliveryQueryTests.AssertProblem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ItemByPath_SegmentsInTheUrl_AnswersTheSameItemAsById()
    {
        var path = site.Tree.UrlOf(Seed.TrainingArticle)!;

        var item = await site.GetJsonAsync("content/item" + path);

        Assert.Equal(Seed.TrainingArticle, Id(item));
        Assert.Equal(path, RoutePath(item));
    }

    [Fact]
    public async Task ItemByPath_EscapedRoute_AnswersTheItem()
    {
        var item = await site.GetJsonAsync("content/item/" + Escape(Seed.ColumnPath));

        Assert.Equal(Seed.Column, Id(item));
    }

    [Fact]
    public async Task ItemByPath_WithoutTrailingSlashOrInOtherCase_AnswersTheItem()
    {
        var plain = await site.GetJsonAsync("content/item/chuyen-trang-cchc");
        var upper = await site.GetJsonAsync("content/item/CHUYEN-TRANG-CCHC/");

        Assert.Equal(Seed.Column, Id(plain));
        Assert.Equal(Seed.Column, Id(upper));
    }

    [Theory]
    [InlineData("content/item/khong-co-trang-nay/")]
    [InlineData("content/item/chuyen-trang-cchc/khong-co-bai-nay/")]
    public async Task ItemByPath_UnknownRoute_Answers404ProblemDetails(string relative)
    {
        var response = await site.GetAsync(relative);

        DeliveryQueryTests.AssertProblem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Items_SeveralIds_AnswersThemInRequestOrderSkippingUnknownOnes()
    {
        var items = await site.GetJsonAsync($"content/items?id={Seed.InteriorUnit}&id={Guid.NewGuid()}&id={Seed.TrainingArticle}&id=not-a-guid");

        Assert.Equal(JsonValueKind.Array, items.ValueKind);
        Assert.Equal([Seed.InteriorUnit, Seed.TrainingArticle], items.EnumerateArray().Select(Id).ToList());
        Assert.All(items.EnumerateArray(), i => Assert.True(i.TryGetProperty("cultures", out _)));
    }

    [Fact]
    public async Task Items_IdsOutOfAlphabeticalOrder_AnswersThemInRequestOrder()
    {
        var items = await site.GetJsonAsync($"content/items?id={Seed.TrainingArticle}&id={Seed.InteriorUnit}");

        Assert.Equal([Seed.TrainingArticle, Seed.InteriorUnit], items.EnumerateArray().Select(Id).ToList());
    }

    [Fact]
    public async Task Items_WithExpandAndFields_ShapeEveryItem()
    {
        var items = await site.GetJsonAsync($"content/items?id={Seed.TrainingArticle}&id={Seed.FeaturedArticle}"
            + "&expand=" + Escape("properties[unit]") + "&fields=" + Escape("properties[unit]"));

        Assert.Equal(2, items.GetArrayLength());
        Assert.All(items.EnumerateArray(), i =>
        {
            Assert.Equal(["unit"], PropertyNames(i.GetProperty("properties")));
            Assert.Equal(JsonValueKind.String, i.GetProperty("properties").GetProperty("unit").GetProperty("properties").GetProperty("unitName").ValueKind);
        });
    }

    [Fact]
    public async Task Items_OnlyUnknownIds_AnswersAnEmptyArray()
    {
        var items = await site.GetJsonAsync($"content/items?id={Guid.NewGuid()}");

        Assert.Equal(0, items.GetArrayLength());
    }

    // ---- Start-Item, Accept-Language -------------------------------------------------------------------------

    [Fact]
    public async Task StartItem_ByUrlSegment_ScopesPathLookups()
    {
        var item = await site.GetJsonAsync("content/item" + Seed.ColumnPath, ("Start-Item", Seed.HomeSegment));

        Assert.Equal(Seed.Column, Id(item));
    }

    [Fact]
    public async Task StartItem_ByGuid_ScopesQueries()
    {
        var (total, items) = await site.QueryAsync("fetch=children:" + Escape("/"), ("Start-Item", Seed.Home.ToString()));

        Assert.Equal(Seed.SectionsBelowHome, total);
        Assert.Contains(items, i => Id(i) == Seed.Column);
    }

    [Theory]
    [InlineData("khong-co-trang-nay")]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    [InlineData("chuyen-trang-cchc")]
    public async Task StartItem_NotALiveRoot_Answers404StartItemNotFound(string startItem)
    {
        // The same URLs answered without the header first: a stored answer must not be served for another start item.
        Assert.Equal(HttpStatusCode.OK, (await site.GetAsync($"content/item/{Seed.Column}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await site.GetAsync("content")).Status);

        var item = await site.GetAsync($"content/item/{Seed.Column}", ("Start-Item", startItem));
        var query = await site.GetAsync("content", ("Start-Item", startItem));

        DeliveryQueryTests.AssertProblem(item, HttpStatusCode.NotFound, "Start item not found");
        DeliveryQueryTests.AssertProblem(query, HttpStatusCode.NotFound, "Start item not found");
    }

    [Fact]
    public async Task AcceptLanguage_OnInvariantContent_AnswersTheSameItem()
    {
        var plain = await site.GetAsync($"content/item/{Seed.TrainingArticle}");
        var vietnamese = await site.GetAsync($"content/item/{Seed.TrainingArticle}", ("Accept-Language", "vi-VN"));
        var english = await site.GetAsync($"content/item/{Seed.TrainingArticle}", ("Accept-Language", "en-US"));

        Assert.Equal(HttpStatusCode.OK, vietnamese.Status);
        Assert.Equal(HttpStatusCode.OK, english.Status);
        Assert.Equal(plain.Body, vietnamese.Body);
        Assert.Equal(plain.Body, english.Body);
    }

    [Fact]
    public async Task Response_VariesByTheDeliveryHeaders()
    {
        var response = await site.GetAsync($"content/item/{Seed.TrainingArticle}");

        var vary = string.Join(",", response.Headers.Vary);
        Assert.Contains("Accept-Language", vary, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Start-Item", vary, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Api-Key", vary, StringComparison.OrdinalIgnoreCase);
    }

    // ---- expand -------------------------------------------------------------------------------------------------

    [Fact]
    public async Task ContentPicker_NotExpanded_IsAShallowItem()
    {
        var item = await site.GetJsonAsync($"content/item/{Seed.TrainingArticle}");

        var unit = item.GetProperty("properties").GetProperty("unit");
        Assert.Equal(["contentType", "name", "createDate", "updateDate", "route", "id", "properties"], PropertyNames(unit));
        Assert.Equal(Seed.InteriorUnit, Id(unit));
        Assert.Equal("unit", unit.GetProperty("contentType").GetString());
        Assert.Equal(Seed.InteriorUnitPath, RoutePath(unit));
        Assert.Empty(PropertyNames(unit.GetProperty("properties")));
    }

    [Fact]
    public async Task Expand_SinglePicker_FillsThePickedItemsProperties()
    {
        var item = await site.GetJsonAsync($"content/item/{Seed.TrainingArticle}?expand=" + Escape("properties[unit]"));

        var unit = item.GetProperty("properties").GetProperty("unit");
        Assert.Equal("Sở Nội vụ", unit.GetProperty("properties").GetProperty("unitName").GetString());
        Assert.Equal("snv.kontum.gov.vn", unit.GetProperty("properties").GetProperty("website").GetString());
        Assert.False(unit.TryGetProperty("cultures", out _));
    }

    [Fact]
    public async Task Expand_All_FillsEveryPicker()
    {
        var item = await site.GetJsonAsync($"content/item/{Seed.TrainingArticle}?expand=" + Escape("properties[$all]"));

        var unit = item.GetProperty("properties").GetProperty("unit");
        Assert.Equal("Sở Nội vụ", unit.GetProperty("properties").GetProperty("unitName").GetString());
    }

    [Fact]
    public async Task Expand_OtherProperty_LeavesThePickerShallow()
    {
        var item = await site.GetJsonAsync($"content/item/{Seed.TrainingArticle}?expand=" + Escape("properties[title]"));

        Assert.Empty(PropertyNames(item.GetProperty("properties").GetProperty("unit").GetProperty("properties")));
    }

    [Fact]
    public async Task MultiPicker_ExpandedOneLevel_LeavesPickersOfPickedItemsShallow()
    {
        var article = await site.GetJsonAsync($"content/item/{Seed.RelatedArticle}?expand=" + Escape("properties[relatedItems]"));

        var related = article.GetProperty("properties").GetProperty("relatedItems").EnumerateArray().ToList();
        Assert.Equal(Seed.RelatedArticleItems, related.Select(Id));
        var first = related[0].GetProperty("properties");
        Assert.Equal(JsonValueKind.String, first.GetProperty("title").ValueKind);
        Assert.Empty(PropertyNames(first.GetProperty("unit").GetProperty("properties")));
    }

    [Fact]
    public async Task Expand_Nested_FillsPickersOfPickedItems()
    {
        var article = await site.GetJsonAsync($"content/item/{Seed.RelatedArticle}?expand=" + Escape("properties[relatedItems[properties[unit]]]"));

        var related = article.GetProperty("properties").GetProperty("relatedItems").EnumerateArray().ToList();
        Assert.Equal(3, related.Count);
        Assert.All(related, r =>
        {
            var unit = r.GetProperty("properties").GetProperty("unit");
            Assert.Equal(JsonValueKind.String, unit.GetProperty("properties").GetProperty("unitName").ValueKind);
            Assert.False(r.TryGetProperty("cultures", out _));
            Assert.False(unit.TryGetProperty("cultures", out _));
        });
    }

    [Fact]
    public async Task Expand_AllWithNested_FillsPickersOfPickedItems()
    {
        var article = await site.GetJsonAsync($"content/item/{Seed.RelatedArticle}?expand=" + Escape("properties[$all[properties[unit]]]"));

        var first = article.GetProperty("properties").GetProperty("relatedItems")[0];
        Assert.Equal(JsonValueKind.String, first.GetProperty("properties").GetProperty("unit").GetProperty("properties").GetProperty("unitName").ValueKind);
    }

    // ---- fields -------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Fields_Named_OutputsOnlyThoseProperties()
    {
        var item = await site.GetJsonAsync($"content/item/{Seed.TrainingArticle}?fields=" + Escape("properties[title,summary]"));

        Assert.Equal(["summary", "title"], PropertyNames(item.GetProperty("properties")).Order(StringComparer.Ordinal));
        Assert.Equal(Seed.TrainingArticle, Id(item));
        Assert.Equal(JsonValueKind.Object, item.GetProperty("route").ValueKind);
    }

    [Fact]
    public async Task Fields_Nested_LimitsTheExpandedItemsProperties()
    {
        var item = await site.GetJsonAsync($"content/item/{Seed.TrainingArticle}?expand=" + Escape("properties[unit]")
            + "&fields=" + Escape("properties[title,unit[properties[unitName]]]"));

        var properties = item.GetProperty("properties");
        Assert.Equal(["title", "unit"], PropertyNames(properties).Order(StringComparer.Ordinal));
        Assert.Equal(["unitName"], PropertyNames(properties.GetProperty("unit").GetProperty("properties")));
    }

    [Fact]
    public async Task Fields_Empty_OutputsNoProperties()
    {
        var item = await site.GetJsonAsync($"content/item/{Seed.TrainingArticle}?fields=" + Escape("properties[]"));

        Assert.Empty(PropertyNames(item.GetProperty("properties")));
        Assert.Equal(Seed.TrainingArticleName, Name(item));
    }

    [Fact]
    public async Task Fields_All_OutputsEveryProperty()
    {
        var all = await site.GetJsonAsync($"content/item/{Seed.TrainingArticle}?fields=" + Escape("properties[$all]"));
        var plain = await site.GetJsonAsync($"content/item/{Seed.TrainingArticle}");

        Assert.Equal(PropertyNames(plain.GetProperty("properties")), PropertyNames(all.GetProperty("properties")));
        Assert.Equal(11, PropertyNames(all.GetProperty("properties")).Count);
    }
}
