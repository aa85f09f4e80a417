using System.Net;
using System.Text.Json;
using static Portal.Web.Tests.Features.Delivery.DeliveryHttp;

namespace Portal.Web.Tests.Features.Delivery;

/// <summary><c>PublicAccess=false</c>: the Api-Key header is required on every route.</summary>
public sealed class DeliveryPrivateAccessTests : IClassFixture<PrivateDelivery>
{
    private readonly PrivateDelivery site;

    public DeliveryPrivateAccessTests(PrivateDelivery site) => this.site = site;

    public static TheoryData<string> Routes => new()
    {
        $"content/item/{Seed.TrainingArticle}",
        "content/item" + Seed.ColumnPath,
        $"content/items?id={Seed.TrainingArticle}",
        $"content?fetch=children:{Seed.Column}",
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task PrivateApi_WithoutKey_Answers401(string relative)
    {
        var response = await site.GetAsync(relative);

        DeliveryQueryTests.AssertProblem(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task PrivateApi_WithWrongKey_Answers401(string relative)
    {
        var wrong = await site.GetAsync(relative, ("Api-Key", "not-the-key"));
        var prefix = await site.GetAsync(relative, ("Api-Key", DeliverySite.ApiKey[..^1]));

        DeliveryQueryTests.AssertProblem(wrong, HttpStatusCode.Unauthorized);
        DeliveryQueryTests.AssertProblem(prefix, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task PrivateApi_WithKey_Answers200(string relative)
    {
        var response = await site.GetAsync(relative, ("Api-Key", DeliverySite.ApiKey));

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task PrivateApi_WithKeyThenWithout_DoesNotServeTheKeyedAnswerToAnonymousClients()
    {
        var relative = $"content/item/{Seed.Column}";
        var keyed = await site.GetAsync(relative, ("Api-Key", DeliverySite.ApiKey));
        var anonymous = await site.GetAsync(relative);

        Assert.Equal(HttpStatusCode.OK, keyed.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
    }

    [Fact]
    public async Task PrivateApi_MediaRoutes_NeedTheKeyToo()
    {
        var anonymous = await site.GetAsync($"media/items?id={Guid.NewGuid()}");
        var keyed = await site.GetAsync($"media/items?id={Guid.NewGuid()}", ("Api-Key", DeliverySite.ApiKey));

        DeliveryQueryTests.AssertProblem(anonymous, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, keyed.Status);
    }

    [Fact]
    public async Task PrivateApi_UnknownItemWithKey_Answers404()
    {
        var response = await site.GetAsync($"content/item/{Guid.NewGuid()}", ("Api-Key", DeliverySite.ApiKey));

        DeliveryQueryTests.AssertProblem(response, HttpStatusCode.NotFound);
    }
}

/// <summary>Preview on a public API: refused without the right key; with it, published content reads the same.</summary>
[Collection(SeededDeliveryCollection.Name)]
public sealed class DeliveryPreviewAccessTests
{
    private readonly SeededDelivery site;

    public DeliveryPreviewAccessTests(SeededDelivery site) => this.site = site;

    [Fact]
    public async Task Preview_WithoutKey_Answers401()
    {
        var item = await site.GetAsync($"content/item/{Seed.TrainingArticle}", ("Preview", "true"));
        var query = await site.GetAsync($"content?fetch=children:{Seed.Column}", ("Preview", "true"));

        DeliveryQueryTests.AssertProblem(item, HttpStatusCode.Unauthorized);
        DeliveryQueryTests.AssertProblem(query, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Preview_WithWrongKey_Answers401()
    {
        var response = await site.GetAsync($"content/item/{Seed.TrainingArticle}", ("Preview", "true"), ("Api-Key", "wrong"));

        DeliveryQueryTests.AssertProblem(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Preview_WithKeyOnPublishedContent_AnswersTheSameItem()
    {
        var published = await site.GetJsonAsync($"content/item/{Seed.TrainingArticle}");
        var preview = await site.GetJsonAsync($"content/item/{Seed.TrainingArticle}", ("Preview", "true"), ("Api-Key", DeliverySite.ApiKey));
        var byPath = await site.GetJsonAsync("content/item" + site.Tree.UrlOf(Seed.TrainingArticle), ("Preview", "true"), ("Api-Key", DeliverySite.ApiKey));

        Assert.Equal(published.GetProperty("name").GetString(), preview.GetProperty("name").GetString());
        Assert.Equal(RoutePath(published), RoutePath(preview));
        Assert.Equal(published.GetProperty("properties").GetProperty("title").GetString(), preview.GetProperty("properties").GetProperty("title").GetString());
        Assert.Equal(Seed.TrainingArticle, Id(byPath));
    }

    [Fact]
    public async Task Preview_False_IsAnOrdinaryRequest()
    {
        var response = await site.GetAsync($"content/item/{Seed.TrainingArticle}", ("Preview", "false"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task PublicApi_KeyNotRequired_WrongKeyIgnored()
    {
        var response = await site.GetAsync($"content/item/{Seed.TrainingArticle}", ("Api-Key", "whatever"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }
}

/// <summary><c>Enabled=false</c>: every Delivery API route answers 404, media included.</summary>
public sealed class DeliveryDisabledTests : IClassFixture<DisabledDelivery>
{
    private readonly DisabledDelivery site;

    public DeliveryDisabledTests(DisabledDelivery site) => this.site = site;

    [Theory]
    [InlineData("content")]
    [InlineData("content/item/chuyen-trang-cchc/")]
    [InlineData("content/item/03a90cee-c1d1-530e-8334-bb313eff4bfa")]
    [InlineData("content/items?id=03a90cee-c1d1-530e-8334-bb313eff4bfa")]
    [InlineData("media?fetch=children:/")]
    [InlineData("media/items?id=03a90cee-c1d1-530e-8334-bb313eff4bfa")]
    public async Task DisabledApi_AnyRoute_Answers404(string relative)
    {
        var response = await site.GetAsync(relative);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    [Fact]
    public async Task DisabledApi_PublicSite_StillServesPages()
    {
        var response = await site.GetAsync(Seed.ColumnPath);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }
}

/// <summary>The Media Delivery API with its default switch (off).</summary>
[Collection(SeededDeliveryCollection.Name)]
public sealed class DeliveryMediaDefaultTests
{
    private readonly SeededDelivery site;

    public DeliveryMediaDefaultTests(SeededDelivery site) => this.site = site;

    [Theory]
    [InlineData("media?fetch=children:/")]
    [InlineData("media/item/03a90cee-c1d1-530e-8334-bb313eff4bfa")]
    [InlineData("media/item/anh/logo.png")]
    [InlineData("media/items?id=03a90cee-c1d1-530e-8334-bb313eff4bfa")]
    public async Task MediaApi_ByDefault_Answers404(string relative)
    {
        var response = await site.GetAsync(relative);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }
}

/// <summary><c>Media:Enabled=true</c> on a site whose media library is still empty: the answers Umbraco gives then.</summary>
public sealed class DeliveryMediaEnabledTests : IClassFixture<MediaEnabledDelivery>
{
    private readonly MediaEnabledDelivery site;

    public DeliveryMediaEnabledTests(MediaEnabledDelivery site) => this.site = site;

    [Fact]
    public async Task MediaQuery_EmptyLibrary_AnswersAnEmptyPagedList()
    {
        var json = await site.GetJsonAsync("media?fetch=children:/&filter=mediaType:Image&filter=name:logo&sort=name:asc&skip=0&take=10");

        Assert.Equal(["total", "items"], PropertyNames(json));
        Assert.Equal(0, json.GetProperty("total").GetInt32());
        Assert.Equal(0, json.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("media")]
    [InlineData("media?fetch=descendants:/")]
    [InlineData("media?fetch=ancestors:/")]
    public async Task MediaQuery_WithoutChildrenFetch_Answers400SelectorOptionNotFound(string relative)
    {
        var response = await site.GetAsync(relative);

        DeliveryQueryTests.AssertProblem(response, HttpStatusCode.BadRequest, "Selector option not found", "The attempted 'fetch' option does not exist");
    }

    [Fact]
    public async Task MediaQuery_UnknownSort_Answers400SortOptionNotFound()
    {
        var response = await site.GetAsync("media?fetch=children:/&sort=popularity:asc");

        DeliveryQueryTests.AssertProblem(response, HttpStatusCode.BadRequest, "Sort option not found");
    }

    [Fact]
    public async Task MediaItems_UnknownIds_AnswersAnEmptyArray()
    {
        var json = await site.GetJsonAsync($"media/items?id={Guid.NewGuid()}&id={Guid.NewGuid()}");

        Assert.Equal(JsonValueKind.Array, json.ValueKind);
        Assert.Equal(0, json.GetArrayLength());
    }

    [Theory]
    [InlineData("media/item/8d1f3a57-0c44-4a8e-9c39-2f6c1e0b7a11")]
    [InlineData("media/item/anh/logo.png")]
    public async Task MediaItem_UnknownIdOrPath_Answers404(string relative)
    {
        var response = await site.GetAsync(relative);

        DeliveryQueryTests.AssertProblem(response, HttpStatusCode.NotFound);
    }
}

/// <summary><c>DisallowedContentTypeAliases</c>: the type is absent from items, lists and pickers.</summary>
public sealed class DeliveryDisallowedTypesTests : IClassFixture<ArticlesDisallowedDelivery>
{
    private readonly ArticlesDisallowedDelivery site;

    public DeliveryDisallowedTypesTests(ArticlesDisallowedDelivery site) => this.site = site;

    [Fact]
    public async Task DisallowedType_ItemByIdAndPath_Answers404()
    {
        var byId = await site.GetAsync($"content/item/{Seed.TrainingArticle}");
        var byPath = await site.GetAsync("content/item" + site.Tree.UrlOf(Seed.TrainingArticle));

        DeliveryQueryTests.AssertProblem(byId, HttpStatusCode.NotFound);
        DeliveryQueryTests.AssertProblem(byPath, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DisallowedType_ExcludedFromQueries()
    {
        var all = await site.QueryAsync("take=100");
        var articles = await site.QueryAsync("filter=contentType:article");
        var children = await site.QueryAsync($"fetch=children:{Seed.Column}&take=100");

        Assert.Equal(Seed.AllDocuments - Seed.Articles, all.Total);
        Assert.DoesNotContain(all.Items, i => i.GetProperty("contentType").GetString() == "article");
        Assert.Equal(0, articles.Total);
        Assert.Equal(Seed.ColumnChildren - Seed.Articles, children.Total);
    }

    [Fact]
    public async Task DisallowedType_SkippedInItems()
    {
        var items = await site.GetJsonAsync($"content/items?id={Seed.TrainingArticle}&id={Seed.InteriorUnit}");

        Assert.Equal([Seed.InteriorUnit], items.EnumerateArray().Select(Id).ToList());
    }

    [Fact]
    public async Task DisallowedType_LeftOutOfPickers()
    {
        var column = await site.GetJsonAsync($"content/item/{Seed.Column}");

        // Every placement names an article: inside the blocks the picker is empty, as a picker of a page would be.
        var placements = column.GetProperty("properties").GetProperty("placements").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Seed.ColumnPlacementItems.Length, placements.Count);
        Assert.All(placements, p => Assert.Equal(JsonValueKind.Null, p.GetProperty("content").GetProperty("properties").GetProperty("item").ValueKind));
    }

    [Fact]
    public async Task DisallowedType_OtherTypesStillServed()
    {
        var unit = await site.GetAsync($"content/item/{Seed.InteriorUnit}");

        Assert.Equal(HttpStatusCode.OK, unit.Status);
    }
}

/// <summary><c>AllowedContentTypeAliases</c>: only those types are exposed, even when the disallow list names them too.</summary>
public sealed class DeliveryAllowedTypesTests : IClassFixture<UnitsAllowedDelivery>
{
    private readonly UnitsAllowedDelivery site;

    public DeliveryAllowedTypesTests(UnitsAllowedDelivery site) => this.site = site;

    [Fact]
    public async Task AllowedType_BeatsTheDisallowList()
    {
        var unit = await site.GetAsync($"content/item/{Seed.InteriorUnit}");

        Assert.Equal(HttpStatusCode.OK, unit.Status);
    }

    [Theory]
    [InlineData("59a3e95b-88a5-5f0e-ad27-1ea1d5c743c1")]
    [InlineData("23e29ced-6d0e-5431-927b-afbf09a1bc53")]
    [InlineData("03a90cee-c1d1-530e-8334-bb313eff4bfa")]
    public async Task TypeNotAllowed_Item_Answers404(string id)
    {
        var response = await site.GetAsync($"content/item/{id}");

        DeliveryQueryTests.AssertProblem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TypeNotAllowed_ExcludedFromQueries()
    {
        var (total, items) = await site.QueryAsync("take=100");

        Assert.Equal(Seed.Units, total);
        Assert.All(items, i => Assert.Equal("unit", i.GetProperty("contentType").GetString()));
    }

    [Fact]
    public async Task TypeNotAllowed_DescendantsStillFoundBelowAHiddenAncestor()
    {
        var (total, _) = await site.QueryAsync("fetch=children:" + Escape(Seed.UnitsRootPath) + "&take=100");

        Assert.Equal(Seed.Units, total);
    }
}

/// <summary>The OpenAPI description is served in Development only.</summary>
[Collection(SeededDeliveryCollection.Name)]
public sealed class DeliveryOpenApiTests : IClassFixture<DevelopmentDelivery>
{
    private readonly DevelopmentDelivery development;
    private readonly SeededDelivery production;

    public DeliveryOpenApiTests(DevelopmentDelivery development, SeededDelivery production)
    {
        this.development = development;
        this.production = production;
    }

    [Fact]
    public async Task OpenApi_InDevelopment_DescribesTheContentRoutes()
    {
        var response = await development.GetAsync("/umbraco/openapi/delivery.json");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var paths = PropertyNames(response.Json.GetProperty("paths"));
        Assert.Contains("/umbraco/delivery/api/v2/content", paths.Select(p => p.TrimEnd('/')));
        Assert.Contains("/umbraco/delivery/api/v2/content/item/{id}", paths);
        Assert.Contains("/umbraco/delivery/api/v2/content/items", paths);
        Assert.Contains(paths, p => p.StartsWith("/umbraco/delivery/api/v2/content/item/{", StringComparison.Ordinal) && p.Contains("path", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenApi_InDevelopment_ApiStillAnswers()
    {
        var item = await development.GetJsonAsync($"content/item/{Seed.Column}");

        Assert.Equal(Seed.Column, Id(item));
    }

    [Fact]
    public async Task OpenApi_InProduction_IsNotServed()
    {
        var response = await production.GetAsync("/umbraco/openapi/delivery.json");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }
}
