using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Workflow;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Tests.TestHost;
using static Portal.Web.Tests.Features.Delivery.DeliveryHttp;

namespace Portal.Web.Tests.Features.Delivery;

/// <summary>Tests that change content: drafts seen in preview, publishes and unpublishes seen by clients (a fresh seeded host each).</summary>
public sealed class DeliveryPreviewTests : FreshSiteTests
{
    private static readonly Actor Tester = Actor.System("tester");
    private static readonly (string, string) Preview = ("Preview", "true");
    private static readonly (string, string) Key = ("Api-Key", DeliverySite.ApiKey);

    private protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["Umbraco:CMS:DeliveryApi:ApiKey"] = DeliverySite.ApiKey };

    private PublishedRouteTree Tree => Factory.Services.GetRequiredService<PublishedRouteTree>();

    [Fact]
    public async Task Preview_SavedDraftOfPublishedArticle_ShowsTheDraftOnlyWithPreviewAndKey()
    {
        var editing = Factory.Services.GetRequiredService<ContentEditing>();
        var saved = await editing.SaveDraftAsync(Seed.TrainingArticle, null, "Bản nháp: tập huấn năm 2019", ArticleValues("Bản nháp: tập huấn năm 2019"), Tester);
        Assert.True(saved.Succeeded, saved.Status.ToString());

        var preview = await DeliveryHttp.GetJsonAsync(Client, $"content/item/{Seed.TrainingArticle}", Preview, Key);
        var previewByDraftPath = await DeliveryHttp.GetJsonAsync(Client, "content/item" + RoutePath(preview), Preview, Key);
        var published = await DeliveryHttp.GetJsonAsync(Client, $"content/item/{Seed.TrainingArticle}");
        var publishedByPath = await DeliveryHttp.GetJsonAsync(Client, "content/item" + Tree.UrlOf(Seed.TrainingArticle));
        var publishedWithKey = await DeliveryHttp.GetJsonAsync(Client, $"content/item/{Seed.TrainingArticle}", Key);

        Assert.Equal("Bản nháp: tập huấn năm 2019", Name(preview));
        Assert.Equal("Bản nháp: tập huấn năm 2019", preview.GetProperty("properties").GetProperty("title").GetString());
        Assert.Equal(Seed.TrainingArticleName, Name(published));
        Assert.Equal(Seed.TrainingArticleName, published.GetProperty("properties").GetProperty("title").GetString());
        Assert.Equal(Seed.TrainingArticleName, Name(publishedWithKey));
        Assert.Equal(Seed.TrainingArticle, Id(previewByDraftPath));
        Assert.Equal("Bản nháp: tập huấn năm 2019", Name(previewByDraftPath));
        Assert.Equal(Seed.TrainingArticleName, Name(publishedByPath));
    }

    [Fact]
    public async Task Preview_AfterTheSameUrlWasAnsweredWithTheKey_StillShowsTheDraft()
    {
        var publishedWithKey = await DeliveryHttp.GetJsonAsync(Client, $"content/item/{Seed.TrainingArticle}", Key);
        var editing = Factory.Services.GetRequiredService<ContentEditing>();
        var saved = await editing.SaveDraftAsync(Seed.TrainingArticle, null, "Bản nháp sau khi đã đọc", ArticleValues("Bản nháp sau khi đã đọc"), Tester);
        Assert.True(saved.Succeeded, saved.Status.ToString());

        var preview = await DeliveryHttp.GetJsonAsync(Client, $"content/item/{Seed.TrainingArticle}", Preview, Key);
        var publishedAgain = await DeliveryHttp.GetJsonAsync(Client, $"content/item/{Seed.TrainingArticle}", Key);

        Assert.Equal(Seed.TrainingArticleName, Name(publishedWithKey));
        Assert.Equal("Bản nháp sau khi đã đọc", Name(preview));
        Assert.Equal(Seed.TrainingArticleName, Name(publishedAgain));
    }

    [Fact]
    public async Task Preview_Query_IncludesDraftContent()
    {
        var editing = Factory.Services.GetRequiredService<ContentEditing>();
        var created = await editing.CreateAsync("article", Seed.Column, "Bài nháp trong danh sách xem trước", ArticleValues("Bài nháp trong danh sách xem trước"), Tester);
        Assert.True(created.Succeeded, created.Status.ToString());
        var key = created.DocumentKey!.Value;

        var preview = await DeliveryHttp.QueryAsync(Client, $"fetch=children:{Seed.Column}&take=100", Preview, Key);
        var published = await DeliveryHttp.QueryAsync(Client, $"fetch=children:{Seed.Column}&take=100");

        Assert.Contains(preview.Items, i => Id(i) == key);
        Assert.Equal(Seed.ColumnChildren + 1, preview.Total);
        Assert.DoesNotContain(published.Items, i => Id(i) == key);
    }

    [Fact]
    public async Task Preview_SavedDraftOfPublishedArticle_ItemsEndpointShowsTheDraft()
    {
        var editing = Factory.Services.GetRequiredService<ContentEditing>();
        var saved = await editing.SaveDraftAsync(Seed.TrainingArticle, null, "Bản nháp mới", ArticleValues("Bản nháp mới"), Tester);
        Assert.True(saved.Succeeded, saved.Status.ToString());

        var preview = await DeliveryHttp.GetJsonAsync(Client, $"content/items?id={Seed.TrainingArticle}", Preview, Key);
        var published = await DeliveryHttp.GetJsonAsync(Client, $"content/items?id={Seed.TrainingArticle}");

        Assert.Equal("Bản nháp mới", Name(preview[0]));
        Assert.Equal(Seed.TrainingArticleName, Name(published[0]));
    }

    [Fact]
    public async Task Preview_NeverPublishedArticle_FoundByIdAndPathOnlyInPreview()
    {
        var editing = Factory.Services.GetRequiredService<ContentEditing>();
        var created = await editing.CreateAsync("article", Seed.Column, "Bài chưa xuất bản về một cửa", ArticleValues("Bài chưa xuất bản về một cửa"), Tester);
        Assert.True(created.Succeeded, created.Status.ToString());
        var key = created.DocumentKey!.Value;

        var previewById = await DeliveryHttp.GetJsonAsync(Client, $"content/item/{key}", Preview, Key);
        var previewByPath = await DeliveryHttp.GetJsonAsync(Client, "content/item" + RoutePath(previewById), Preview, Key);
        var publicById = await DeliveryHttp.GetAsync(Client, $"content/item/{key}");
        var publicByPath = await DeliveryHttp.GetAsync(Client, "content/item" + RoutePath(previewById));
        var (_, children) = await DeliveryHttp.QueryAsync(Client, $"fetch=children:{Seed.Column}&take=100");

        Assert.Equal("Bài chưa xuất bản về một cửa", Name(previewById));
        Assert.StartsWith(Seed.ColumnPath, RoutePath(previewById), StringComparison.Ordinal);
        Assert.EndsWith("/", RoutePath(previewById), StringComparison.Ordinal);
        Assert.Equal(Seed.HomeSegment, previewById.GetProperty("route").GetProperty("startItem").GetProperty("path").GetString());
        Assert.Equal(key, Id(previewByPath));
        DeliveryQueryTests.AssertProblem(publicById, HttpStatusCode.NotFound);
        DeliveryQueryTests.AssertProblem(publicByPath, HttpStatusCode.NotFound);
        Assert.DoesNotContain(children, i => Id(i) == key);
    }

    [Fact]
    public async Task Preview_TrashedArticle_Answers404()
    {
        var trashed = await Factory.Services.GetRequiredService<ContentStructure>().TrashAsync(Seed.TrainingArticle, Tester);
        Assert.True(trashed.Succeeded, trashed.Status.ToString());

        var preview = await DeliveryHttp.GetAsync(Client, $"content/item/{Seed.TrainingArticle}", Preview, Key);
        var published = await DeliveryHttp.GetAsync(Client, $"content/item/{Seed.TrainingArticle}");

        DeliveryQueryTests.AssertProblem(preview, HttpStatusCode.NotFound);
        DeliveryQueryTests.AssertProblem(published, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publish_ArticleBelowAUnit_AppearsInUnitParentAndUpdateDateQueries()
    {
        var unitBefore = await DeliveryHttp.QueryAsync(Client, $"filter=unit:{Seed.InteriorUnit}&take=100");
        var parentBefore = await DeliveryHttp.QueryAsync(Client, $"filter=parentId:{Seed.InteriorUnit}");
        Assert.Equal(0, parentBefore.Total);
        var key = await PublishArticleAsync(Seed.InteriorUnit, "Sở Nội vụ tổng kết công tác cải cách hành chính");

        var unit = await DeliveryHttp.QueryAsync(Client, $"filter=unit:{Seed.InteriorUnit}&take=100");
        var parent = await DeliveryHttp.QueryAsync(Client, $"filter=parentId:{Seed.InteriorUnit}");
        var newest = await DeliveryHttp.QueryAsync(Client, "sort=updateDate:desc&take=1");
        var item = await DeliveryHttp.GetJsonAsync(Client, $"content/item/{key}");

        Assert.Contains(unit.Items, i => Id(i) == key);
        Assert.Equal(unitBefore.Total + 1, unit.Total);
        Assert.True(Seed.InteriorColumnArticles.ToHashSet().IsSubsetOf(unit.Items.Select(Id)));
        Assert.Equal([key], parent.Items.Select(Id));
        Assert.Equal(key, Id(newest.Items[0]));
        Assert.StartsWith(Seed.InteriorUnitPath, RoutePath(item), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_NewArticle_CountsInTotalsAndFiltersByItsOwnUpdateDate()
    {
        var before = await DeliveryHttp.QueryAsync(Client, $"fetch=children:{Seed.Column}");
        var key = await PublishArticleAsync(Seed.Column, "Tin mới về dịch vụ công trực tuyến");
        var item = await DeliveryHttp.GetJsonAsync(Client, $"content/item/{key}");
        var updated = item.GetProperty("updateDate").GetString()!;

        var after = await DeliveryHttp.QueryAsync(Client, $"fetch=children:{Seed.Column}");
        var fromUpdate = await DeliveryHttp.QueryAsync(Client, $"fetch=children:{Seed.Column}&filter=" + Escape("updateDate>:" + updated) + "&take=100");

        Assert.Equal(before.Total + 1, after.Total);
        Assert.Contains(fromUpdate.Items, i => Id(i) == key);
    }

    [Fact]
    public async Task Publish_ColumnArticlePickingAUnit_AppearsInTheUnitsQuery()
    {
        var before = await DeliveryHttp.QueryAsync(Client, $"filter=unit:{Seed.InteriorUnit}&take=100");
        var values = ArticleValues("Sở Nội vụ hướng dẫn chấm điểm chỉ số cải cách hành chính");
        values["unit"] = $"umb://document/{Seed.InteriorUnit:N}";
        var created = await Factory.Services.GetRequiredService<ContentEditing>().CreateAsync("article", Seed.Column, values["title"], values, Tester);
        Assert.True(created.Succeeded, created.Status.ToString());
        var key = created.DocumentKey!.Value;
        Assert.True((await Factory.Services.GetRequiredService<ContentPublishing>().PublishAsync(key, Tester)).Succeeded);

        var after = await DeliveryHttp.QueryAsync(Client, $"filter=unit:{Seed.InteriorUnit}&take=100");

        Assert.Equal(before.Total + 1, after.Total);
        Assert.Contains(after.Items, i => Id(i) == key);
        Assert.StartsWith(Seed.ColumnPath, RoutePath(after.Items.Single(i => Id(i) == key)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_NewEditionOfAnItemAlreadyRead_ClientsSeeTheNewValues()
    {
        var path = Tree.UrlOf(Seed.PostalArticle)!;
        var oldById = await DeliveryHttp.GetJsonAsync(Client, $"content/item/{Seed.PostalArticle}");
        var oldList = await DeliveryHttp.QueryAsync(Client, $"fetch=children:{Seed.Column}&fields=" + Escape("properties[title]") + "&take=100");
        var values = ArticleValues("Tiêu đề mới của bài bưu chính công ích");

        var saved = await Factory.Services.GetRequiredService<ContentEditing>().SaveDraftAsync(Seed.PostalArticle, null, Name(oldById), values, Tester);
        Assert.True(saved.Succeeded, saved.Status.ToString());
        Assert.True((await Factory.Services.GetRequiredService<ContentPublishing>().PublishAsync(Seed.PostalArticle, Tester)).Succeeded);

        var byId = await DeliveryHttp.GetJsonAsync(Client, $"content/item/{Seed.PostalArticle}");
        var byPath = await DeliveryHttp.GetJsonAsync(Client, "content/item" + path);
        var list = await DeliveryHttp.QueryAsync(Client, $"fetch=children:{Seed.Column}&fields=" + Escape("properties[title]") + "&take=100");

        Assert.NotEqual("Tiêu đề mới của bài bưu chính công ích", oldById.GetProperty("properties").GetProperty("title").GetString());
        Assert.Equal("Tiêu đề mới của bài bưu chính công ích", byId.GetProperty("properties").GetProperty("title").GetString());
        Assert.Equal("Tiêu đề mới của bài bưu chính công ích", byPath.GetProperty("properties").GetProperty("title").GetString());
        Assert.Equal(Seed.ColumnChildren, oldList.Total);
        Assert.Equal("Tiêu đề mới của bài bưu chính công ích",
            list.Items.Single(i => Id(i) == Seed.PostalArticle).GetProperty("properties").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Publish_RenamedPickedUnit_ArticlesReadBeforeShowTheNewNameAndRoute()
    {
        var before = await DeliveryHttp.GetJsonAsync(Client, $"content/item/{Seed.TrainingArticle}");
        Assert.Equal("Sở Nội vụ", Name(before.GetProperty("properties").GetProperty("unit")));
        var unitValues = new Dictionary<string, string>
        {
            ["unitName"] = "Sở Nội vụ tỉnh Kon Tum",
            ["kind"] = "[\"Sở, ban, ngành\"]",
        };

        var saved = await Factory.Services.GetRequiredService<ContentEditing>().SaveDraftAsync(Seed.InteriorUnit, null, "Sở Nội vụ tỉnh Kon Tum", unitValues, Tester);
        Assert.True(saved.Succeeded, saved.Status.ToString());
        Assert.True((await Factory.Services.GetRequiredService<ContentPublishing>().PublishAsync(Seed.InteriorUnit, Tester)).Succeeded);

        var after = await DeliveryHttp.GetJsonAsync(Client, $"content/item/{Seed.TrainingArticle}");
        var unit = after.GetProperty("properties").GetProperty("unit");
        Assert.Equal("Sở Nội vụ tỉnh Kon Tum", Name(unit));
        Assert.Equal(Tree.UrlOf(Seed.InteriorUnit), RoutePath(unit));
        Assert.NotEqual(Seed.InteriorUnitPath, RoutePath(unit));
    }

    [Fact]
    public async Task Unpublish_Article_LeavesItemsAndQueries()
    {
        var beforeItem = await DeliveryHttp.GetAsync(Client, $"content/item/{Seed.TrainingArticle}");
        var beforeChildren = await DeliveryHttp.QueryAsync(Client, $"fetch=children:{Seed.Column}&take=100");
        var beforeUnit = await DeliveryHttp.QueryAsync(Client, $"filter=unit:{Seed.InteriorUnit}&take=100");
        Assert.Equal(HttpStatusCode.OK, beforeItem.Status);
        Assert.Contains(beforeChildren.Items, i => Id(i) == Seed.TrainingArticle);
        Assert.Contains(beforeUnit.Items, i => Id(i) == Seed.TrainingArticle);
        var result = await Factory.Services.GetRequiredService<ContentPublishing>().UnpublishAsync(Seed.TrainingArticle, Tester);
        Assert.True(result.Succeeded, result.Status.ToString());

        var item = await DeliveryHttp.GetAsync(Client, $"content/item/{Seed.TrainingArticle}");
        var items = await DeliveryHttp.GetJsonAsync(Client, $"content/items?id={Seed.TrainingArticle}");
        var (total, children) = await DeliveryHttp.QueryAsync(Client, $"fetch=children:{Seed.Column}&take=100");
        var unit = await DeliveryHttp.QueryAsync(Client, $"filter=unit:{Seed.InteriorUnit}&take=100");

        DeliveryQueryTests.AssertProblem(item, HttpStatusCode.NotFound);
        Assert.Equal(0, items.GetArrayLength());
        Assert.Equal(Seed.ColumnChildren - 1, total);
        Assert.DoesNotContain(children, i => Id(i) == Seed.TrainingArticle);
        Assert.DoesNotContain(unit.Items, i => Id(i) == Seed.TrainingArticle);
    }

    private async Task<Guid> PublishArticleAsync(Guid parent, string title)
    {
        var created = await Factory.Services.GetRequiredService<ContentEditing>().CreateAsync("article", parent, title, ArticleValues(title), Tester);
        Assert.True(created.Succeeded, created.Status.ToString());
        var key = created.DocumentKey!.Value;
        var published = await Factory.Services.GetRequiredService<ContentPublishing>().PublishAsync(key, Tester);
        Assert.True(published.Succeeded, published.Status.ToString());
        Assert.NotNull(Tree.Find(key));
        return key;
    }

    /// <summary>An article's values; the <c>unit</c> picker is left empty so that only the tree can tie it to a unit.</summary>
    private static Dictionary<string, string> ArticleValues(string title) => new()
    {
        ["title"] = title,
        ["summary"] = "Tóm tắt tin, bài về cải cách hành chính tỉnh Kon Tum.",
        ["body"] = "<p>Nội dung chi tiết của tin, bài.</p>",
        ["category"] = "[\"Tin tức\"]",
    };
}
