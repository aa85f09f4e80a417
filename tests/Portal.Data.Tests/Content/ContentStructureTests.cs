using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Events;
using Portal.Core.Workflow;
using Portal.Data.Tests.TestHost;

namespace Portal.Data.Tests.Content;

/// <summary>ContentStructure on a real database: move, sort, trash and restore, with the stored paths checked.</summary>
public abstract class ContentStructureTests : DatabaseSuite
{
    private static readonly Actor Actor = SampleContent.Actor;

    [Fact]
    public async Task Move_PageSubtree_UpdatesPathsAndLevelsOfEveryDescendant()
    {
        await using var host = await StartAsync();
        var (home, column) = await host.CreatePublishedSiteAsync();
        var otherColumn = await host.CreatePublishedAsync("column", home, "Tin tức");
        var p = await host.CreateAsync("page", column, "Giới thiệu");
        var q = await host.CreateAsync("page", p, "Cơ cấu tổ chức");
        var r = await host.CreateAsync("page", q, "Lãnh đạo");

        var sideways = await host.Structure.MoveAsync(p, otherColumn, Actor);

        Assert.Equal(ContentOperationStatus.Success, sideways.Status);
        var documents = await host.LoadAllAsync();
        Assert.Equal((otherColumn, 3, $"/{home:N}/{otherColumn:N}/{p:N}/"), (documents[p].ParentKey!.Value, documents[p].Level, documents[p].Path));
        Assert.Equal((4, $"/{home:N}/{otherColumn:N}/{p:N}/{q:N}/"), (documents[q].Level, documents[q].Path));
        Assert.Equal((5, $"/{home:N}/{otherColumn:N}/{p:N}/{q:N}/{r:N}/"), (documents[r].Level, documents[r].Path));

        var upwards = await host.Structure.MoveAsync(p, home, Actor);

        Assert.Equal(ContentOperationStatus.Success, upwards.Status);
        documents = await host.LoadAllAsync();
        Assert.Equal(home, documents[p].ParentKey);
        Assert.Equal(2, documents[p].SortOrder);
        Assert.Equal((2, $"/{home:N}/{p:N}/"), (documents[p].Level, documents[p].Path));
        Assert.Equal(p, documents[q].ParentKey);
        Assert.Equal((3, $"/{home:N}/{p:N}/{q:N}/"), (documents[q].Level, documents[q].Path));
        Assert.Equal(q, documents[r].ParentKey);
        Assert.Equal((4, $"/{home:N}/{p:N}/{q:N}/{r:N}/"), (documents[r].Level, documents[r].Path));
        Assert.Equal($"/{home:N}/{column:N}/", documents[column].Path);
    }

    [Fact]
    public async Task Move_IntoOwnDescendantOrItself_MoveIntoOwnSubtree()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var p = await host.CreateAsync("page", column, "Giới thiệu");
        var q = await host.CreateAsync("page", p, "Cơ cấu tổ chức");
        var r = await host.CreateAsync("page", q, "Lãnh đạo");
        var before = await host.LoadAllAsync();

        Assert.Equal(ContentOperationStatus.MoveIntoOwnSubtree, (await host.Structure.MoveAsync(p, r, Actor)).Status);
        Assert.Equal(ContentOperationStatus.MoveIntoOwnSubtree, (await host.Structure.MoveAsync(p, q, Actor)).Status);
        Assert.Equal(ContentOperationStatus.MoveIntoOwnSubtree, (await host.Structure.MoveAsync(p, p, Actor)).Status);

        var after = await host.LoadAllAsync();
        Assert.All(after.Values, d => Assert.Equal((before[d.Key].Path, before[d.Key].Version), (d.Path, d.Version)));
    }

    [Fact]
    public async Task Move_WhereSiblingHasSameUrlSegment_UrlSegmentTaken()
    {
        await using var host = await StartAsync();
        var (home, column) = await host.CreatePublishedSiteAsync();
        var otherColumn = await host.CreatePublishedAsync("column", home, "Tin tức");
        var page = await host.CreateAsync("page", column, "Giới thiệu");
        await host.CreateAsync("page", otherColumn, "Giới thiệu");

        var result = await host.Structure.MoveAsync(page, otherColumn, Actor);

        Assert.Equal(ContentOperationStatus.UrlSegmentTaken, result.Status);
        Assert.Equal(column, (await host.LoadAsync(page)).ParentKey);
    }

    [Fact]
    public async Task Move_ArticleUnderHome_ContentTypeNotAllowedHere()
    {
        await using var host = await StartAsync();
        var (home, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreateArticleAsync(column, "Bài viết");

        Assert.Equal(ContentOperationStatus.ContentTypeNotAllowedHere, (await host.Structure.MoveAsync(article, home, Actor)).Status);
        Assert.Equal(ContentOperationStatus.ContentTypeNotAllowedHere, (await host.Structure.MoveAsync(article, null, Actor)).Status);
        Assert.Equal(column, (await host.LoadAsync(article)).ParentKey);
    }

    [Fact]
    public async Task Sort_ReversedChildren_StoresNewSortOrder()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var a = await host.CreateArticleAsync(column, "Bài A");
        var b = await host.CreateArticleAsync(column, "Bài B");
        var c = await host.CreateArticleAsync(column, "Bài C");
        var before = await host.LoadAllAsync();
        Assert.Equal((0, 1, 2), (before[a].SortOrder, before[b].SortOrder, before[c].SortOrder));

        var result = await host.Structure.SortAsync(column, [c, a, b], Actor);

        Assert.Equal(ContentOperationStatus.Success, result.Status);
        var after = await host.LoadAllAsync();
        Assert.Equal((1, 2, 0), (after[a].SortOrder, after[b].SortOrder, after[c].SortOrder));
        await using var session = host.Sessions.Open();
        Assert.Equal([c, a, b], (await session.ChildrenAsync(column, CancellationToken.None)).Select(d => d.Key));
    }

    [Fact]
    public async Task Sort_ListMissingAChild_SortSetMismatchAndOrderUnchanged()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var a = await host.CreateArticleAsync(column, "Bài A");
        var b = await host.CreateArticleAsync(column, "Bài B");
        var c = await host.CreateArticleAsync(column, "Bài C");

        Assert.Equal(ContentOperationStatus.SortSetMismatch, (await host.Structure.SortAsync(column, [c, a], Actor)).Status);
        Assert.Equal(ContentOperationStatus.SortSetMismatch, (await host.Structure.SortAsync(column, [c, a, a], Actor)).Status);
        Assert.Equal(ContentOperationStatus.SortSetMismatch, (await host.Structure.SortAsync(column, [c, a, b, Guid.NewGuid()], Actor)).Status);

        var after = await host.LoadAllAsync();
        Assert.Equal((0, 1, 2), (after[a].SortOrder, after[b].SortOrder, after[c].SortOrder));
    }

    [Fact]
    public async Task Trash_ColumnWithArticles_SubtreeTrashedAndLiveEditionsUnpublished()
    {
        await using var host = await StartAsync();
        var (home, column) = await host.CreatePublishedSiteAsync();
        var live = await host.CreatePublishedArticleAsync(column, "Bài đang hiển thị");
        var draft = await host.CreateArticleAsync(column, "Bài nháp");
        var otherColumn = await host.CreatePublishedAsync("column", home, "Tin tức");

        var result = await host.Structure.TrashAsync(column, Actor);

        Assert.Equal(ContentOperationStatus.Success, result.Status);
        var documents = await host.LoadAllAsync();
        Assert.All([documents[column], documents[live], documents[draft]], d => Assert.True(d.Trashed));
        Assert.Equal(EditionStatus.Unpublished, Assert.Single(documents[column].Editions).Status);
        Assert.Equal(EditionStatus.Unpublished, Assert.Single(documents[live].Editions).Status);
        Assert.Equal(EditionStatus.Draft, Assert.Single(documents[draft].Editions).Status);
        Assert.False(documents[home].Trashed);
        Assert.False(documents[otherColumn].Trashed);
        Assert.NotNull(documents[otherColumn].Live);
        Assert.Equal(ContentOperationStatus.DocumentTrashed, (await host.Structure.TrashAsync(column, Actor)).Status);
        Assert.Equal(
            [TimelineAction.Created, TimelineAction.Published, TimelineAction.Unpublished, TimelineAction.Trashed],
            (await host.TimelineAsync(live)).Select(t => t.Action));
        Assert.Equal([TimelineAction.Created, TimelineAction.Trashed], (await host.TimelineAsync(draft)).Select(t => t.Action));
    }

    [Fact]
    public async Task Restore_TrashedColumn_SubtreeBackInPlaceButUnpublished()
    {
        await using var host = await StartAsync();
        var (home, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreatePublishedArticleAsync(column, "Bài đang hiển thị");
        await host.Structure.TrashAsync(column, Actor);

        var result = await host.Structure.RestoreAsync(column, Actor);

        Assert.Equal(ContentOperationStatus.Success, result.Status);
        var documents = await host.LoadAllAsync();
        Assert.False(documents[column].Trashed);
        Assert.False(documents[article].Trashed);
        Assert.Equal(home, documents[column].ParentKey);
        Assert.Equal(column, documents[article].ParentKey);
        Assert.Null(documents[column].Live);
        Assert.Null(documents[article].Live);
        Assert.Equal(EditionStatus.Unpublished, Assert.Single(documents[article].Editions).Status);
        Assert.Equal(ContentOperationStatus.NotTrashed, (await host.Structure.RestoreAsync(column, Actor)).Status);
    }

    [Fact]
    public async Task Delete_TrashedColumn_SubtreeGoneTimelineKeptOneEvent()
    {
        await using var host = await StartAsync();
        var (home, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreatePublishedArticleAsync(column, "Bài sẽ bị xóa");
        await host.Structure.TrashAsync(column, Actor);
        var outboxBefore = (await host.OutboxAsync()).Count;

        var result = await host.Structure.DeleteAsync(column, Actor);

        Assert.Equal(ContentOperationStatus.Success, result.Status);
        var documents = await host.LoadAllAsync();
        Assert.False(documents.ContainsKey(column));
        Assert.False(documents.ContainsKey(article));
        Assert.True(documents.ContainsKey(home));
        Assert.Equal(TimelineAction.Deleted, (await host.TimelineAsync(article))[^1].Action);
        var deleted = Assert.Single((await host.OutboxAsync()).Skip(outboxBefore));
        Assert.Equal(nameof(DocumentDeleted), deleted.Type);
        Assert.Equal(ContentOperationStatus.NotFound, (await host.Structure.DeleteAsync(column, Actor)).Status);
    }

    [Fact]
    public async Task Delete_DocumentNotInRecycleBin_NotTrashedAndKept()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreatePublishedArticleAsync(column, "Bài đang hiển thị");

        var result = await host.Structure.DeleteAsync(article, Actor);

        Assert.Equal(ContentOperationStatus.NotTrashed, result.Status);
        Assert.NotNull((await host.LoadAsync(article)).Live);
    }

    [Fact]
    public async Task RestoreOrCreate_UnderTrashedParent_ParentTrashed()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreatePublishedArticleAsync(column, "Bài viết");
        await host.Structure.TrashAsync(article, Actor);
        await host.Structure.TrashAsync(column, Actor);

        var result = await host.Structure.RestoreAsync(article, Actor);

        Assert.Equal(ContentOperationStatus.ParentTrashed, result.Status);
        Assert.True((await host.LoadAsync(article)).Trashed);
        var created = await host.Editing.CreateAsync("article", column, "Bài mới", SampleContent.Article("Bài mới"), Actor);
        Assert.Equal(ContentOperationStatus.ParentTrashed, created.Status);
    }

    [Fact]
    public async Task SaveDraft_TrashedDocument_DocumentTrashed()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var article = await host.CreateArticleAsync(column, "Bài viết");
        await host.Structure.TrashAsync(article, Actor);

        var result = await host.Editing.SaveDraftAsync(article, null, "Sửa trong thùng rác", SampleContent.Article("Sửa trong thùng rác"), Actor);

        Assert.Equal(ContentOperationStatus.DocumentTrashed, result.Status);
        Assert.Equal("Bài viết", Assert.Single((await host.LoadAsync(article)).Editions).Name);
        Assert.Equal(ContentOperationStatus.DocumentTrashed, (await host.Publishing.PublishAsync(article, Actor)).Status);
    }

    [Fact]
    public async Task Create_TrashedSiblingWithSameTitle_DoesNotHoldTheSegment()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var trashed = await host.CreateArticleAsync(column, "Bài viết");
        await host.Structure.TrashAsync(trashed, Actor);

        var fresh = await host.CreateArticleAsync(column, "Bài viết");

        Assert.Equal("bai-viet", (await host.LoadAsync(fresh)).Current.UrlSegment);
        Assert.Equal(ContentOperationStatus.UrlSegmentTaken, (await host.Structure.RestoreAsync(trashed, Actor)).Status);
    }
}

public sealed class ContentStructureTestsOnSqlite : ContentStructureTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class ContentStructureTestsOnPostgreSql : ContentStructureTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
