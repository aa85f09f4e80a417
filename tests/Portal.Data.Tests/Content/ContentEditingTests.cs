using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Events;
using Portal.Core.Workflow;
using Portal.Data.Outbox;
using Portal.Data.Tests.TestHost;

namespace Portal.Data.Tests.Content;

/// <summary>ContentEditing on a real database: create, save draft, discard, roll back, segments, NFC, sanitising, conflicts.</summary>
public abstract class ContentEditingTests : DatabaseSuite
{
    private static readonly Actor Actor = SampleContent.Actor;
    private static readonly Actor EditorA = Actor.System("a@cchc.gov.vn");
    private static readonly Actor EditorB = Actor.System("b@cchc.gov.vn");

    [Fact]
    public async Task Create_HomeColumnArticle_StoresTreeWithPathsLevelsAndDraftEditions()
    {
        await using var host = await StartAsync();

        var home = await host.CreateAsync("home", null, SampleContent.HomeName);
        var column = await host.CreateAsync("column", home, SampleContent.ColumnName);
        var article = await host.CreateArticleAsync(column, "Hội nghị triển khai cải cách hành chính");

        var documents = await host.LoadAllAsync();
        Assert.Equal(3, documents.Count);
        Assert.Null(documents[home].ParentKey);
        Assert.Equal(1, documents[home].Level);
        Assert.Equal($"/{home:N}/", documents[home].Path);
        Assert.Equal(home, documents[column].ParentKey);
        Assert.Equal(2, documents[column].Level);
        Assert.Equal($"/{home:N}/{column:N}/", documents[column].Path);
        Assert.Equal(column, documents[article].ParentKey);
        Assert.Equal(3, documents[article].Level);
        Assert.Equal($"/{home:N}/{column:N}/{article:N}/", documents[article].Path);
        foreach (var document in documents.Values)
        {
            var edition = Assert.Single(document.Editions);
            Assert.Equal(1, edition.Number);
            Assert.Equal(EditionStatus.Draft, edition.Status);
            Assert.Equal(Actor.Name, edition.CreatedBy);
            Assert.Null(document.Live);
            Assert.Equal(1, document.Version);
            Assert.False(document.Trashed);
        }

        Assert.Equal(SampleContent.ColumnSegment, documents[column].Current.UrlSegment);
        Assert.Equal("hoi-nghi-trien-khai-cai-cach-hanh-chinh", documents[article].Current.UrlSegment);
        Assert.Equal(
            [nameof(DocumentCreated), nameof(DocumentCreated), nameof(DocumentCreated)],
            (await host.OutboxAsync()).Select(m => m.Type));
        var created = Assert.IsType<DocumentCreated>(OutboxSerializer.FromMessage((await host.OutboxAsync())[2]));
        Assert.Equal(new DocumentCreated(article, column, "article"), created);
    }

    [Fact]
    public async Task Create_ArticleAtRootOrDirectlyUnderHome_ContentTypeNotAllowedHere()
    {
        await using var host = await StartAsync();

        var atRoot = await host.Editing.CreateAsync("article", null, "Bài ở gốc", SampleContent.Article("Bài ở gốc"), Actor);

        Assert.Equal(ContentOperationStatus.ContentTypeNotAllowedHere, atRoot.Status);
        await AssertNothingStoredAsync(host);

        var home = await host.CreateAsync("home", null, SampleContent.HomeName);
        var underHome = await host.Editing.CreateAsync("article", home, "Bài dưới trang chủ", SampleContent.Article("Bài dưới trang chủ"), Actor);

        Assert.Equal(ContentOperationStatus.ContentTypeNotAllowedHere, underHome.Status);
        Assert.Single(await host.LoadAllAsync());
    }

    [Fact]
    public async Task Create_UnknownContentType_ContentTypeNotFound()
    {
        await using var host = await StartAsync();

        var result = await host.Editing.CreateAsync("khongTonTai", null, "Trang lạ", SampleContent.Titled("Trang lạ"), Actor);

        Assert.Equal(ContentOperationStatus.ContentTypeNotFound, result.Status);
        await AssertNothingStoredAsync(host);
    }

    [Fact]
    public async Task Create_UnknownParent_ParentNotFound()
    {
        await using var host = await StartAsync();

        var result = await host.Editing.CreateAsync("column", Guid.NewGuid(), SampleContent.ColumnName,
            SampleContent.Titled(SampleContent.ColumnName), Actor);

        Assert.Equal(ContentOperationStatus.ParentNotFound, result.Status);
        await AssertNothingStoredAsync(host);
    }

    [Fact]
    public async Task SaveDraft_CategoryNotInDropdown_ValidationFailedNamingCategory()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreateArticleAsync(column, "Bài viết");
        var values = SampleContent.Article("Bài viết");
        values["category"] = "[\"Thể thao\"]";

        var result = await host.Editing.SaveDraftAsync(article, null, "Bài viết", values, Actor);

        Assert.Equal(ContentOperationStatus.ValidationFailed, result.Status);
        Assert.Equal("category", Assert.Single(result.Errors!).Field);
        Assert.Equal(SampleContent.NewsCategory, (await host.LoadAsync(article)).Current.Values["category"]);
    }

    [Fact]
    public async Task SaveDraft_LiveArticle_CreatesEditionTwoAsDraftAndLeavesEditionOneUnchanged()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreatePublishedArticleAsync(column, "Bản đầu tiên");
        var before = (await host.LoadAsync(article)).FindEdition(1)!;

        var result = await host.Editing.SaveDraftAsync(article, null, "Bản sửa đổi", SampleContent.Article("Bản sửa đổi"), Actor);

        Assert.Equal(ContentOperationStatus.Success, result.Status);
        Assert.Equal(2, result.EditionNumber);
        var document = await host.LoadAsync(article);
        Assert.Equal(2, document.Editions.Count);
        var first = document.FindEdition(1)!;
        Assert.Equal(EditionStatus.Published, first.Status);
        Assert.Equal("Bản đầu tiên", first.Name);
        Assert.Equal("ban-dau-tien", first.UrlSegment);
        Assert.Equal(before.Values, first.Values);
        Assert.Equal("Bản đầu tiên", first.Values["title"]);
        var second = document.FindEdition(2)!;
        Assert.Equal(EditionStatus.Draft, second.Status);
        Assert.Equal("Bản sửa đổi", second.Name);
        Assert.Equal("ban-sua-doi", second.UrlSegment);
        Assert.Equal("Bản sửa đổi", second.Values["title"]);
        Assert.Equal(1, document.Live!.Number);
        Assert.Equal(2, document.Pending!.Number);
    }

    [Fact]
    public async Task DiscardDraft_NewDraftOfLiveArticle_EditionOneStaysPublishedAndLive()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreatePublishedArticleAsync(column, "Bài đang hiển thị");
        await host.SaveDraftAsync(article, "Bản nháp bỏ đi");

        var result = await host.Editing.DiscardDraftAsync(article, Actor);

        Assert.Equal(ContentOperationStatus.Success, result.Status);
        Assert.Equal(2, result.EditionNumber);
        var document = await host.LoadAsync(article);
        Assert.Equal(EditionStatus.Discarded, document.FindEdition(2)!.Status);
        Assert.Equal(EditionStatus.Published, document.FindEdition(1)!.Status);
        Assert.Equal(1, document.Live!.Number);
        Assert.Null(document.Pending);
        Assert.Equal("Bài đang hiển thị", document.Current.Name);
        Assert.Equal(ContentOperationStatus.NothingToDiscard, (await host.Editing.DiscardDraftAsync(article, Actor)).Status);
    }

    [Fact]
    public async Task Rollback_ToEditionOne_NewDraftCopiedFromOneWhileLiveEditionStaysLive()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreatePublishedArticleAsync(column, "Bản gốc");
        await host.SaveDraftAsync(article, "Bản thứ hai");
        await host.PublishAsync(article);
        var original = (await host.LoadAsync(article)).FindEdition(1)!;

        var result = await host.Editing.RollbackAsync(article, 1, Actor);

        Assert.Equal(ContentOperationStatus.Success, result.Status);
        Assert.Equal(3, result.EditionNumber);
        var document = await host.LoadAsync(article);
        var draft = document.FindEdition(3)!;
        Assert.Equal(EditionStatus.Draft, draft.Status);
        Assert.Equal(1, draft.CopiedFromNumber);
        Assert.Equal("Bản gốc", draft.Name);
        Assert.Equal("ban-goc", draft.UrlSegment);
        Assert.Equal(original.Values, draft.Values);
        Assert.Equal(2, document.Live!.Number);
        Assert.Equal("Bản thứ hai", document.Live.Name);
        Assert.Equal(EditionStatus.Superseded, document.FindEdition(1)!.Status);
        Assert.Equal(ContentOperationStatus.CannotRollbackToDraft, (await host.Editing.RollbackAsync(article, 3, Actor)).Status);
        Assert.Equal(ContentOperationStatus.EditionNotFound, (await host.Editing.RollbackAsync(article, 9, Actor)).Status);
        Assert.Equal(3, (await host.LoadAsync(article)).Editions.Count);
    }

    [Fact]
    public async Task Create_TwoArticlesWithSameTitle_SecondSegmentGetsSuffix()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();

        var first = await host.CreateArticleAsync(column, "Đối thoại với doanh nghiệp");
        var second = await host.CreateArticleAsync(column, "Đối thoại với doanh nghiệp");
        var third = await host.CreateArticleAsync(column, "Đối thoại với doanh nghiệp");

        Assert.Equal("doi-thoai-voi-doanh-nghiep", (await host.LoadAsync(first)).Current.UrlSegment);
        Assert.Equal("doi-thoai-voi-doanh-nghiep-1", (await host.LoadAsync(second)).Current.UrlSegment);
        Assert.Equal("doi-thoai-voi-doanh-nghiep-2", (await host.LoadAsync(third)).Current.UrlSegment);

        var secondHome = await host.CreateAsync("home", null, SampleContent.HomeName);
        Assert.Equal("trang-chu-1", (await host.LoadAsync(secondHome)).Current.UrlSegment);
        Assert.Equal(1, (await host.LoadAsync(secondHome)).SortOrder);
    }

    [Fact]
    public async Task Create_NfdTitle_SameSegmentAsNfcTitle()
    {
        await using var host = await StartAsync();
        var (home, column) = await host.CreatePublishedSiteAsync();
        var otherColumn = await host.CreateAsync("column", home, "Tin tức");
        const string title = "Hướng dẫn thủ tục đăng ký hộ kinh doanh";
        var nfd = title.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(title, nfd);

        var nfcArticle = await host.CreateArticleAsync(column, title);
        var nfdArticle = await host.CreateAsync("article", otherColumn, nfd, SampleContent.Article(nfd));
        var nfdSibling = await host.CreateAsync("article", column, nfd, SampleContent.Article(nfd));

        Assert.Equal("huong-dan-thu-tuc-dang-ky-ho-kinh-doanh", (await host.LoadAsync(nfcArticle)).Current.UrlSegment);
        Assert.Equal("huong-dan-thu-tuc-dang-ky-ho-kinh-doanh", (await host.LoadAsync(nfdArticle)).Current.UrlSegment);
        Assert.Equal("huong-dan-thu-tuc-dang-ky-ho-kinh-doanh-1", (await host.LoadAsync(nfdSibling)).Current.UrlSegment);
    }

    [Fact]
    public async Task Create_NfdNameAndValues_StoredAsNfc()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        const string title = "Quyết định phê duyệt Đề án";
        const string author = "Phòng Nội vụ huyện Đức Thọ";
        var values = SampleContent.Article(title.Normalize(NormalizationForm.FormD));
        values["author"] = author.Normalize(NormalizationForm.FormD);
        values["category"] = SampleContent.NewsCategory.Normalize(NormalizationForm.FormD);

        var result = await host.Editing.CreateAsync("article", column, title.Normalize(NormalizationForm.FormD), values, Actor);

        Assert.True(result.Succeeded, PortalTestHost.Describe(result));
        var edition = (await host.LoadAsync(result.DocumentKey!.Value)).Current;
        Assert.Equal(title, edition.Name);
        Assert.Equal(title, edition.Values["title"]);
        Assert.Equal(author, edition.Values["author"]);
        Assert.Equal(SampleContent.NewsCategory, edition.Values["category"]);
        Assert.All(edition.Values.Values.Append(edition.Name), v => Assert.True(v.IsNormalized(NormalizationForm.FormC), v));
    }

    [Fact]
    public async Task CreateAndSaveDraft_BodyWithScriptAndEventHandlers_StoredSanitisedAsRichTextJson()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        const string bareHtml = "<p>Xin chào bạn đọc</p><script>alert(1)</script><p onclick=\"alert(2)\">Nội dung an toàn</p>";

        var key = await host.CreateAsync("article", column, "Bài có mã độc", SampleContent.Article("Bài có mã độc", bareHtml));

        var markup = StoredMarkup((await host.LoadAsync(key)).Current.Values["body"]);
        Assert.DoesNotContain("<script", markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", markup, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<p>Xin chào bạn đọc</p>", markup, StringComparison.Ordinal);
        Assert.Contains("Nội dung an toàn", markup, StringComparison.Ordinal);

        var values = SampleContent.Article("Bài có mã độc");
        values["body"] = JsonSerializer.Serialize(new
        {
            markup = "<p>Đoạn một</p><img src=\"/media/anh.jpg\" onerror=\"alert(3)\"><script>document.cookie</script>",
            blocks = (object?)null,
        });
        var saved = await host.Editing.SaveDraftAsync(key, null, "Bài có mã độc", values, Actor);

        Assert.True(saved.Succeeded, PortalTestHost.Describe(saved));
        markup = StoredMarkup((await host.LoadAsync(key)).Current.Values["body"]);
        Assert.Contains("<p>Đoạn một</p>", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("script", markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("cookie", markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SaveDraft_ExpectedVersionOlderThanDocument_ConflictAndStoredDraftUnchanged()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreateArticleAsync(column, "Bản ban đầu");
        var opened = (await host.LoadAsync(article)).Version;
        var first = await host.Editing.SaveDraftAsync(article, opened, "Bản của biên tập viên A",
            SampleContent.Article("Bản của biên tập viên A"), EditorA);
        Assert.Equal(ContentOperationStatus.Success, first.Status);

        var second = await host.Editing.SaveDraftAsync(article, opened, "Bản của biên tập viên B",
            SampleContent.Article("Bản của biên tập viên B"), EditorB);

        Assert.Equal(ContentOperationStatus.Conflict, second.Status);
        var document = await host.LoadAsync(article);
        Assert.Equal(opened + 1, document.Version);
        var edition = Assert.Single(document.Editions);
        Assert.Equal("Bản của biên tập viên A", edition.Name);
        Assert.Equal("Bản của biên tập viên A", edition.Values["title"]);
        Assert.DoesNotContain(await host.TimelineAsync(article), t => t.Actor == EditorB.Name);
    }

    [Fact]
    public async Task Commit_TwoSessionsRewriteSameDraft_FirstWinsSecondReturnsFalse()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreateArticleAsync(column, "Bản ban đầu");

        await using var sessionA = host.Sessions.Open();
        await using var sessionB = host.Sessions.Open();
        var documentA = (await sessionA.FindAsync(article, CancellationToken.None))!;
        var documentB = (await sessionB.FindAsync(article, CancellationToken.None))!;
        documentA.SaveDraft("Bản A", "ban-a", SampleContent.Article("Bản A"), "a@cchc.gov.vn", host.Now);
        documentB.SaveDraft("Bản B", "ban-b", SampleContent.Article("Bản B"), "b@cchc.gov.vn", host.Now);

        Assert.True(await sessionA.CommitAsync(CancellationToken.None));
        Assert.False(await sessionB.CommitAsync(CancellationToken.None));

        var stored = await host.LoadAsync(article);
        var edition = Assert.Single(stored.Editions);
        Assert.Equal("Bản A", edition.Name);
        Assert.Equal("ban-a", edition.UrlSegment);
        Assert.Equal("Bản A", edition.Values["title"]);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Commit_TwoSessionsOpenEditionTwoOnLiveArticle_FirstWinsSecondReturnsFalse()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreatePublishedArticleAsync(column, "Bản đang hiển thị");
        var versionBefore = (await host.LoadAsync(article)).Version;

        await using var sessionA = host.Sessions.Open();
        await using var sessionB = host.Sessions.Open();
        var documentA = (await sessionA.FindAsync(article, CancellationToken.None))!;
        var documentB = (await sessionB.FindAsync(article, CancellationToken.None))!;
        Assert.Equal(2, documentA.SaveDraft("Bản A", "ban-a", SampleContent.Article("Bản A"), "a@cchc.gov.vn", host.Now).Number);
        Assert.Equal(2, documentB.SaveDraft("Bản B", "ban-b", SampleContent.Article("Bản B"), "b@cchc.gov.vn", host.Now).Number);

        Assert.True(await sessionA.CommitAsync(CancellationToken.None));
        Assert.False(await sessionB.CommitAsync(CancellationToken.None));

        var stored = await host.LoadAsync(article);
        Assert.Equal(2, stored.Editions.Count);
        Assert.Equal(EditionStatus.Published, stored.FindEdition(1)!.Status);
        Assert.Equal("Bản đang hiển thị", stored.FindEdition(1)!.Name);
        Assert.Equal("Bản A", stored.FindEdition(2)!.Name);
        Assert.Equal("a@cchc.gov.vn", stored.FindEdition(2)!.CreatedBy);
        Assert.Equal(versionBefore + 1, stored.Version);
    }

    /// <summary>The markup of a stored rich-text value, which must be Umbraco's JSON shape with <c>blocks</c> null.</summary>
    private static string StoredMarkup(string stored)
    {
        using var json = JsonDocument.Parse(stored);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("blocks").ValueKind);
        return json.RootElement.GetProperty("markup").GetString()!;
    }

    private static async Task AssertNothingStoredAsync(PortalTestHost host)
    {
        await using var db = await host.NewContextAsync();
        Assert.Equal(0, await db.Documents.CountAsync());
        Assert.Equal(0, await db.Editions.CountAsync());
        Assert.Equal(0, await db.Timeline.CountAsync());
        Assert.Equal(0, await db.Outbox.CountAsync());
    }
}

public sealed class ContentEditingTestsOnSqlite : ContentEditingTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class ContentEditingTestsOnPostgreSql : ContentEditingTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
