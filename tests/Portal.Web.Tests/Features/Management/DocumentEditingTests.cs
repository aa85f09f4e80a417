using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Portal.Web.Tests.Features.Delivery;
using static Portal.Web.Tests.Features.Management.ManagementHttp;

namespace Portal.Web.Tests.Features.Management;

/// <summary>Create, read, save and publish documents through the Management API, as an administrator's program would.</summary>
public sealed class DocumentEditingTests(ManagementSiteFixture fixture) : IClassFixture<ManagementSiteFixture>
{
    private static readonly string[] Tags = ["cải cách", "một cửa"];
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly ManagementSite site = fixture.Site;

    private Task<HttpClient> AdminAsync() => site.ClientForAsync(ManagementSite.Administrators);

    [Fact]
    public async Task Create_ValidBody_Answers201WithLocationAndGeneratedResourceAndNoBody()
    {
        var admin = await AdminAsync();
        var id = Guid.NewGuid();

        using var response = await PostJsonAsync(admin, "document", new
        {
            id,
            parent = new { id = Seed.Column },
            documentType = new { id = site.ContentTypeKeyOf("page") },
            template = (object?)null,
            values = new[] { new { alias = "title", culture = (string?)null, segment = (string?)null, value = "Trang tạo qua API" } },
            variants = new[] { new { culture = (string?)null, segment = (string?)null, name = "Trang tạo qua API" } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/umbraco/management/api/v1/document/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(id.ToString(), response.Headers.GetValues("Umb-Generated-Resource").Single());
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_CreatedDocument_HasUmbracoShapeValuesAndETag()
    {
        var id = await site.CreateDocumentAsync(Seed.Column, "Trang có nội dung", values: new Dictionary<string, object?>
        {
            ["title"] = "Tiêu đề trang",
            ["body"] = new { markup = "<p>Nội dung <strong>đậm</strong></p>", blocks = (object?)null },
        });
        var admin = await AdminAsync();

        using var response = await admin.GetAsync(Url($"document/{id}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^\"[0-9]+\"$", response.Headers.ETag?.Tag ?? string.Empty);
        var json = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        Assert.Equal(["id", "documentType", "template", "isTrashed", "values", "variants", "approval"], PropertyNames(json));
        Assert.Equal(id, json.GetProperty("id").GetGuid());
        Assert.Equal(site.ContentTypeKeyOf("page"), json.GetProperty("documentType").GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("template").ValueKind);
        Assert.False(json.GetProperty("isTrashed").GetBoolean());
        var values = json.GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("alias").GetString()!);
        Assert.Equal(["editorAlias", "alias", "culture", "segment", "value"], PropertyNames(values["title"]));
        Assert.Equal("Umbraco.TextBox", values["title"].GetProperty("editorAlias").GetString());
        Assert.Equal("Tiêu đề trang", values["title"].GetProperty("value").GetString());
        Assert.Equal("Umbraco.RichText", values["body"].GetProperty("editorAlias").GetString());
        Assert.Contains("<strong>đậm</strong>", values["body"].GetProperty("value").GetProperty("markup").GetString(), StringComparison.Ordinal);
        var variant = json.GetProperty("variants").EnumerateArray().Single();
        Assert.Equal(["culture", "segment", "name", "createDate", "updateDate", "state", "publishDate", "scheduledPublishDate", "scheduledUnpublishDate"],
            PropertyNames(variant));
        Assert.Equal("Trang có nội dung", variant.GetProperty("name").GetString());
        Assert.Equal("Draft", variant.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, variant.GetProperty("publishDate").ValueKind);
    }

    [Fact]
    public async Task UpdateThenPublish_PublishedPage_DeliveryApiShowsNewName()
    {
        var id = await site.CreateDocumentAsync(Seed.Column, "Bản nháp đầu");
        var admin = await AdminAsync();

        using (var saved = await PutJsonAsync(admin, $"document/{id}", UpdateBody("Bản đã sửa")))
        {
            await AssertOkAsync(saved, "PUT document");
            Assert.Equal(string.Empty, await saved.Content.ReadAsStringAsync());
        }

        await site.PublishAsync(id);

        var item = await DeliveryHttp.GetJsonAsync(site.Anonymous, $"content/item/{id}");
        Assert.Equal("Bản đã sửa", item.GetProperty("name").GetString());
        var variant = (await site.GetDocumentAsync(id)).GetProperty("variants")[0];
        Assert.Equal("Published", variant.GetProperty("state").GetString());
        Assert.NotEqual(JsonValueKind.Null, variant.GetProperty("publishDate").ValueKind);
    }

    [Fact]
    public async Task Update_PublishedPage_StateIsPublishedPendingChangesAndLiveUnchanged()
    {
        var id = await site.CreatePublishedAsync(Seed.Column, "Trang đang xuất bản");
        var admin = await AdminAsync();

        using var saved = await PutJsonAsync(admin, $"document/{id}", UpdateBody("Trang sửa chưa xuất bản"));

        await AssertOkAsync(saved, "PUT document");
        var variant = (await site.GetDocumentAsync(id)).GetProperty("variants")[0];
        Assert.Equal("PublishedPendingChanges", variant.GetProperty("state").GetString());
        Assert.Equal("Trang sửa chưa xuất bản", variant.GetProperty("name").GetString());
        var live = await DeliveryHttp.GetJsonAsync(site.Anonymous, $"content/item/{id}");
        Assert.Equal("Trang đang xuất bản", live.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Update_StaleIfMatch_Answers409AndDraftUnchanged()
    {
        var id = await site.CreateDocumentAsync(Seed.Column, "Bản gốc");
        var admin = await AdminAsync();
        using var first = await admin.GetAsync(Url($"document/{id}"));
        var staleTag = first.Headers.ETag!;
        using (var other = await PutJsonAsync(admin, $"document/{id}", UpdateBody("Người khác lưu trước")))
        {
            await AssertOkAsync(other, "first save");
        }

        using var request = new HttpRequestMessage(HttpMethod.Put, Url($"document/{id}"))
        {
            Content = JsonContent(UpdateBody("Bản lưu muộn")),
        };
        request.Headers.IfMatch.Add(staleTag);
        using var response = await admin.SendAsync(request);

        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("chưa bị ghi đè", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var variant = (await site.GetDocumentAsync(id)).GetProperty("variants")[0];
        Assert.Equal("Người khác lưu trước", variant.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Update_CurrentIfMatch_Saves()
    {
        var id = await site.CreateDocumentAsync(Seed.Column, "Bản có ETag");
        var admin = await AdminAsync();
        using var first = await admin.GetAsync(Url($"document/{id}"));

        using var request = new HttpRequestMessage(HttpMethod.Put, Url($"document/{id}")) { Content = JsonContent(UpdateBody("Bản đúng phiên bản")) };
        request.Headers.IfMatch.Add(first.Headers.ETag!);
        using var response = await admin.SendAsync(request);

        await AssertOkAsync(response, "PUT with If-Match");
        using var after = await admin.GetAsync(Url($"document/{id}"));
        Assert.NotEqual(first.Headers.ETag!.Tag, after.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Publish_WithSchedule_IsScheduledAndNotYetLive()
    {
        var id = await site.CreateDocumentAsync(Seed.Column, "Trang hẹn giờ");
        var admin = await AdminAsync();
        var at = DateTimeOffset.UtcNow.AddDays(2);

        using var response = await PutJsonAsync(admin, $"document/{id}/publish", new
        {
            publishSchedules = new[] { new { culture = (string?)null, schedule = new { publishTime = at, unpublishTime = at.AddDays(7) } } },
        });

        await AssertOkAsync(response, "scheduled publish");
        var variant = (await site.GetDocumentAsync(id)).GetProperty("variants")[0];
        Assert.Equal("Draft", variant.GetProperty("state").GetString());
        Assert.Equal(at.ToUnixTimeSeconds(), variant.GetProperty("scheduledPublishDate").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(at.AddDays(7).ToUnixTimeSeconds(), variant.GetProperty("scheduledUnpublishDate").GetDateTimeOffset().ToUnixTimeSeconds());
        var delivery = await DeliveryHttp.GetAsync(site.Anonymous, $"content/item/{id}");
        Assert.Equal(HttpStatusCode.NotFound, delivery.Status);
    }

    [Fact]
    public async Task Publish_ScheduleInThePast_Answers400WithVietnameseMessage()
    {
        var id = await site.CreateDocumentAsync(Seed.Column, "Trang lịch sai");
        var admin = await AdminAsync();

        using var response = await PutJsonAsync(admin, $"document/{id}/publish", new
        {
            publishSchedules = new[] { new { culture = (string?)null, schedule = new { publishTime = DateTimeOffset.UtcNow.AddDays(-1) } } },
        });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Lịch không hợp lệ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unpublish_LivePage_DisappearsFromDelivery()
    {
        var id = await site.CreatePublishedAsync(Seed.Column, "Trang sẽ gỡ");
        var admin = await AdminAsync();

        using var response = await PutJsonAsync(admin, $"document/{id}/unpublish", new { cultures = (string[]?)null });

        await AssertOkAsync(response, "unpublish");
        Assert.Equal(HttpStatusCode.NotFound, (await DeliveryHttp.GetAsync(site.Anonymous, $"content/item/{id}")).Status);
    }

    [Fact]
    public async Task Create_MissingMandatoryTitleOnPublish_Answers400WithFieldErrors()
    {
        var id = await site.CreateDocumentAsync(Seed.Column, "Trang thiếu tiêu đề", values: new Dictionary<string, object?>());
        var admin = await AdminAsync();

        using var response = await PutJsonAsync(admin, $"document/{id}/publish", new { publishSchedules = Array.Empty<object>() });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out var title));
        Assert.False(string.IsNullOrEmpty(title[0].GetString()));
    }

    [Theory]
    [InlineData("{\"parent\": ")]
    [InlineData("{\"parent\": {\"id\": \"không-phải-guid\"}}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("")]
    public async Task Create_MalformedBody_Answers400ProblemInVietnamese(string body)
    {
        var admin = await AdminAsync();

        using var response = await admin.PostAsync(Url("document"), new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("yêu cầu", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithoutDocumentType_Answers400NamingIt()
    {
        var admin = await AdminAsync();

        using var response = await PostJsonAsync(admin, "document", new { parent = new { id = Seed.Column }, variants = new[] { new { name = "x" } } });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("documentType", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_ValueWithCulture_Answers400AndChangesNothing()
    {
        var id = await site.CreateDocumentAsync(Seed.Column, "Trang một ngôn ngữ");
        var admin = await AdminAsync();

        using var response = await PutJsonAsync(admin, $"document/{id}", new
        {
            values = new[] { new { alias = "title", culture = "en-US", segment = (string?)null, value = "English" } },
            variants = new[] { new { culture = (string?)null, segment = (string?)null, name = "Đổi tên" } },
        });

        await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Trang một ngôn ngữ", (await site.GetDocumentAsync(id)).GetProperty("variants")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Get_UnknownDocument_Answers404Problem()
    {
        var admin = await AdminAsync();

        using var response = await admin.GetAsync(Url($"document/{Guid.NewGuid()}"));

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Không tìm thấy trang.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Get_DocumentOutsideTheGroupsStartNodes_Answers403()
    {
        var id = await site.CreateDocumentAsync(Seed.Column, "Trang của chuyên trang");
        var unitEditors = await site.ClientForAsync(ManagementSiteFixture.UnitEditors);

        using var response = await unitEditors.GetAsync(Url($"document/{id}"));

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("không có quyền", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_StructuredEditors_RoundTripAsJson()
    {
        var id = await site.CreateDocumentAsync(Seed.InteriorUnit, "Bài có thẻ", "article", new Dictionary<string, object?>
        {
            ["title"] = "Bài có thẻ",
            ["summary"] = "Tóm tắt",
            ["body"] = new { markup = "<p>Thân bài</p>", blocks = (object?)null },
            ["tags"] = Tags,
            ["featured"] = true,
        });

        var document = await site.GetDocumentAsync(id);

        var values = document.GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("alias").GetString()!, v => v.GetProperty("value"));
        Assert.Equal(Tags, values["tags"].EnumerateArray().Select(t => t.GetString()!).ToArray());
        Assert.Equal(JsonValueKind.True, values["featured"].ValueKind);
        Assert.Equal(JsonValueKind.Object, values["body"].ValueKind);
        Assert.Equal("Tóm tắt", values["summary"].GetString());
    }

    private static object UpdateBody(string name) => new
    {
        template = (object?)null,
        values = new[] { new { alias = "title", culture = (string?)null, segment = (string?)null, value = name } },
        variants = new[] { new { culture = (string?)null, segment = (string?)null, name } },
    };

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, Web), Encoding.UTF8,
            new MediaTypeHeaderValue("application/json"));
}
