using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Data;

namespace Portal.Web.Tests.Features.Management;

/// <summary>One host with API clients for Sở Nội vụ's writers and approvers (and administrators), shared by the flow tests.</summary>
public sealed class ApprovalFlowSite : IAsyncLifetime
{
    private ManagementSite? site;

    public ManagementSite Site => site ?? throw new InvalidOperationException("The site has not started.");

    public async Task InitializeAsync() =>
        site = await ManagementSite.StartAsync(ApprovalFlowTests.Editors, ApprovalFlowTests.Approvers);

    public async Task DisposeAsync()
    {
        if (site is not null)
        {
            await site.DisposeAsync();
        }
    }
}

/// <summary>
/// The approval workflow end to end through the Management API: a unit's writer writes and sends for approval, the
/// unit's approver publishes or sends back, an administrator may force publish with a reason, and somebody else must
/// then review it. What the public sees is checked on the site itself and in the Delivery API.
/// </summary>
public sealed class ApprovalFlowTests(ApprovalFlowSite fixture) : IClassFixture<ApprovalFlowSite>
{
    public const string Editors = "unit-so-noi-vu-editors";
    public const string Approvers = "unit-so-noi-vu-approvers";

    private const string UnitPath = "/don-vi/so-noi-vu/";
    private static readonly Guid InteriorUnit = Guid.Parse("495e4338-c512-5de3-8071-32a784a7bb02");

    private ManagementSite Site => fixture.Site;

    [Fact]
    public async Task Approve_ArticleSentByUnitWriter_LiveOnTheSiteAndInTheDeliveryApi()
    {
        var editor = await Site.ClientForAsync(Editors);
        var approver = await Site.ClientForAsync(Approvers);
        const string title = "Sở Nội vụ tổ chức hội nghị tổng kết cải cách hành chính";
        var article = await WriteArticleAsync(editor, title);

        await Ok(await Put(editor, $"document/{article}/send-for-approval", new { note = "Kính trình lãnh đạo duyệt" }), "send for approval");
        await Forbidden(await Put(editor, $"document/{article}/publish", PublishNow), "writer's publish");
        Assert.Equal(HttpStatusCode.NotFound, await DeliveryStatusAsync(article));
        await Ok(await Put(approver, $"document/{article}/approve", new { note = "Đồng ý đăng" }), "approve");

        var delivered = await DeliveryItemAsync(article);
        Assert.Equal(title, delivered.GetProperty("name").GetString());
        var path = delivered.GetProperty("route").GetProperty("path").GetString()!;
        Assert.StartsWith(UnitPath, path, StringComparison.Ordinal);
        using var page = await Site.Anonymous.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(title, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Published", StateOf(await Site.GetDocumentAsync(article)));
    }

    [Fact]
    public async Task Publish_ByUnitWriter_ForbiddenAndTheDraftUnchanged()
    {
        var editor = await Site.ClientForAsync(Editors);
        var article = await WriteArticleAsync(editor, "Bài biên tập viên muốn tự đăng");
        var before = (await Site.GetDocumentAsync(article)).GetRawText();

        var problem = await Forbidden(await Put(editor, $"document/{article}/publish", PublishNow), "writer's publish");

        Assert.Equal("Forbidden", problem.GetProperty("title").GetString());
        Assert.Equal(before, (await Site.GetDocumentAsync(article)).GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, await DeliveryStatusAsync(article));
    }

    [Fact]
    public async Task Reject_WithoutReason_400AndStillWaitingForApproval()
    {
        var editor = await Site.ClientForAsync(Editors);
        var approver = await Site.ClientForAsync(Approvers);
        var article = await WriteArticleAsync(editor, "Bài bị trả lại không lý do");
        await Ok(await Put(editor, $"document/{article}/send-for-approval", null), "send for approval");

        var problem = await Problem(await Put(approver, $"document/{article}/reject", new { reason = "  " }), HttpStatusCode.BadRequest);

        Assert.Equal("ReasonRequired", problem.GetProperty("title").GetString());
        Assert.Equal("InReview", (await Site.GetDocumentAsync(article)).GetProperty("approval").GetProperty("pendingStatus").GetString());
    }

    [Fact]
    public async Task Reject_WithReason_DraftAgainWithReasonRecordedAndWriterCanResend()
    {
        var editor = await Site.ClientForAsync(Editors);
        var approver = await Site.ClientForAsync(Approvers);
        const string title = "Bài cần bổ sung số liệu";
        var article = await WriteArticleAsync(editor, title);
        await Ok(await Put(editor, $"document/{article}/send-for-approval", null), "send for approval");

        await Ok(await Put(approver, $"document/{article}/reject", new { reason = "Bổ sung số liệu quý I" }), "reject");

        var document = await Site.GetDocumentAsync(article);
        Assert.Equal("Draft", StateOf(document));
        Assert.Equal(title, document.GetProperty("variants")[0].GetProperty("name").GetString());
        Assert.Equal(EditionStatus.Draft, (await LoadAsync(article)).Pending!.Status);
        var rejected = Assert.Single(await TimelineAsync(article), t => t.Action == TimelineAction.Rejected);
        Assert.Equal("Bổ sung số liệu quý I", rejected.Note);
        Assert.Equal(HttpStatusCode.NotFound, await DeliveryStatusAsync(article));
        await Ok(await Put(editor, $"document/{article}/send-for-approval", null), "send again");
    }

    [Fact]
    public async Task ForcePublish_ByUnitApprover_Forbidden()
    {
        var editor = await Site.ClientForAsync(Editors);
        var approver = await Site.ClientForAsync(Approvers);
        var article = await WriteArticleAsync(editor, "Bài người duyệt muốn đăng gấp");

        await Forbidden(await Put(approver, $"document/{article}/force-publish", new { reason = "Đăng gấp" }), "approver's force publish");

        Assert.Null((await LoadAsync(article)).Live);
    }

    [Fact]
    public async Task ForcePublish_AdministratorWithoutReasonThenWithReason_400ThenLiveAndAwaitingReview()
    {
        var editor = await Site.ClientForAsync(Editors);
        var admin = await Site.ClientForAsync(ManagementSite.Administrators);
        const string title = "Thông báo khẩn lịch tiếp công dân tháng 3";
        var article = await WriteArticleAsync(editor, title);

        var missing = await Problem(await Put(admin, $"document/{article}/force-publish", null), HttpStatusCode.BadRequest);
        Assert.Equal("ReasonRequired", missing.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, await DeliveryStatusAsync(article));

        await Ok(await Put(admin, $"document/{article}/force-publish", new { reason = "Chủ tịch UBND tỉnh yêu cầu đăng ngay" }), "force publish");

        Assert.Equal("Published", StateOf(await Site.GetDocumentAsync(article)));
        var path = (await DeliveryItemAsync(article)).GetProperty("route").GetProperty("path").GetString()!;
        using var page = await Site.Anonymous.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        var approval = (await Site.GetDocumentAsync(article)).GetProperty("approval");
        Assert.True(approval.GetProperty("awaitsReview").GetBoolean());
        Assert.Equal("Chủ tịch UBND tỉnh yêu cầu đăng ngay", approval.GetProperty("forcePublishReason").GetString());
        Assert.False(string.IsNullOrEmpty(approval.GetProperty("forcePublishedBy").GetString()));
        var entry = Assert.Single(await TimelineAsync(article), t => t.Action == TimelineAction.ForcePublished);
        Assert.Equal("Chủ tịch UBND tỉnh yêu cầu đăng ngay", entry.Note);
    }

    [Fact]
    public async Task Review_BySameAdministratorThenByApprover_400ThenFlagCleared()
    {
        var editor = await Site.ClientForAsync(Editors);
        var approver = await Site.ClientForAsync(Approvers);
        var admin = await Site.ClientForAsync(ManagementSite.Administrators);
        var article = await WriteArticleAsync(editor, "Bài đăng gấp chờ xem xét lại");
        await Ok(await Put(admin, $"document/{article}/force-publish", new { reason = "Đăng gấp theo chỉ đạo" }), "force publish");

        var own = await Problem(await Put(admin, $"document/{article}/review", null), HttpStatusCode.BadRequest);
        Assert.Equal("ReviewerIsForcePublisher", own.GetProperty("title").GetString());
        Assert.True((await LoadAsync(article)).Live!.AwaitsReview);

        await Ok(await Put(approver, $"document/{article}/review", new { note = "Đã kiểm tra" }), "approver's review");

        var approval = (await Site.GetDocumentAsync(article)).GetProperty("approval");
        Assert.False(approval.GetProperty("awaitsReview").GetBoolean());
        Assert.False(string.IsNullOrEmpty(approval.GetProperty("reviewedBy").GetString()));
        Assert.Contains(await TimelineAsync(article), t => t.Action == TimelineAction.Reviewed && t.Note == "Đã kiểm tra");
    }

    [Fact]
    public async Task Review_ByUnitWriter_ForbiddenAndStillAwaitingReview()
    {
        var editor = await Site.ClientForAsync(Editors);
        var admin = await Site.ClientForAsync(ManagementSite.Administrators);
        var article = await WriteArticleAsync(editor, "Bài biên tập viên không xem xét được");
        await Ok(await Put(admin, $"document/{article}/force-publish", new { reason = "Đăng gấp" }), "force publish");

        await Forbidden(await Put(editor, $"document/{article}/review", null), "writer's review");

        Assert.True((await LoadAsync(article)).Live!.AwaitsReview);
    }

    // ---- helpers ----

    private static readonly string[] NewsCategory = ["Tin tức"];

    private static readonly object PublishNow = new { publishSchedules = new[] { new { culture = (string?)null, schedule = (object?)null } } };

    /// <summary>The writer creates an article on Sở Nội vụ's page with every mandatory field.</summary>
    private static async Task<Guid> WriteArticleAsync(HttpClient editor, string title)
    {
        using var response = await ManagementHttp.PostJsonAsync(editor, "document", new
        {
            parent = new { id = InteriorUnit },
            documentType = new { id = Guid.Parse("0cfb16ce-7d8c-5be2-965d-3b81e14c1057") },
            template = (object?)null,
            values = new object[]
            {
                new { alias = "title", culture = (string?)null, segment = (string?)null, value = (object)title },
                new { alias = "summary", culture = (string?)null, segment = (string?)null, value = (object)$"Tóm tắt: {title}" },
                new { alias = "body", culture = (string?)null, segment = (string?)null,
                    value = (object)new { markup = "<p>Nội dung bài viết của Sở Nội vụ.</p>", blocks = (object?)null } },
                new { alias = "category", culture = (string?)null, segment = (string?)null, value = (object)NewsCategory },
            },
            variants = new[] { new { culture = (string?)null, segment = (string?)null, name = title } },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"writer's POST /document: {(int)response.StatusCode} {body}");
        return Guid.Parse(response.Headers.GetValues("Umb-Generated-Resource").Single());
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, string relative, object? body) => body is null
        ? client.PutAsync(ManagementHttp.Url(relative), null)
        : ManagementHttp.PutJsonAsync(client, relative, body);

    private static async Task Ok(HttpResponseMessage response, string what)
    {
        using (response)
        {
            await ManagementHttp.AssertOkAsync(response, what);
        }
    }

    private static async Task<JsonElement> Forbidden(HttpResponseMessage response, string what)
    {
        using (response)
        {
            var problem = await ManagementHttp.ProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.True(problem.TryGetProperty("detail", out _), what);
            return problem;
        }
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            return await ManagementHttp.ProblemAsync(response, status);
        }
    }

    private static string? StateOf(JsonElement document) => document.GetProperty("variants")[0].GetProperty("state").GetString();

    private static Uri DeliveryItem(Guid key) => new($"/umbraco/delivery/api/v2/content/item/{key}", UriKind.Relative);

    private async Task<HttpStatusCode> DeliveryStatusAsync(Guid key)
    {
        using var response = await Site.Anonymous.GetAsync(DeliveryItem(key));
        return response.StatusCode;
    }

    private async Task<JsonElement> DeliveryItemAsync(Guid key)
    {
        using var response = await Site.Anonymous.GetAsync(DeliveryItem(key));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Delivery API item {key}: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    private async Task<Document> LoadAsync(Guid key)
    {
        await using var db = await Site.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Documents.AsNoTracking().Include(d => d.Editions).SingleAsync(d => d.Key == key);
    }

    private async Task<List<TimelineEntry>> TimelineAsync(Guid key)
    {
        await using var db = await Site.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Timeline.AsNoTracking().Where(t => t.DocumentKey == key).OrderBy(t => t.Id).ToListAsync();
    }
}
