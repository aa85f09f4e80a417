using Portal.Core.Content;
using Portal.Core.Workflow;

namespace Portal.Core.Tests.Content;

public sealed class DocumentTests
{
    private const string Editor = "bientapvien";
    private const string Approver = "lanhdao";

    private static readonly DateTime T0 = new(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private static Dictionary<string, string> Values(string body) =>
        new(StringComparer.Ordinal) { ["noiDung"] = body, ["tomTat"] = "Tóm tắt" };

    private static Document NewDocument(Document? parent = null, Guid? key = null) =>
        Document.Create(key ?? Guid.NewGuid(), "tinTuc", parent, 0, "Tin tức", "tin-tuc", Values("Bản đầu"), Editor, T0);

    private static Document NewLiveDocument()
    {
        var document = NewDocument();
        document.Publish(Approver, T0.AddMinutes(1));
        return document;
    }

    // ---- Create ----

    [Fact]
    public void Create_NewDocument_HasOneDraftEditionAndNothingLive()
    {
        var values = Values("Bản đầu");

        var document = Document.Create(Guid.NewGuid(), "tinTuc", null, 0, "Tin tức", "tin-tuc", values, Editor, T0);

        var edition = Assert.Single(document.Editions);
        Assert.Equal(1, edition.Number);
        Assert.Equal(EditionStatus.Draft, edition.Status);
        Assert.Equal("Tin tức", edition.Name);
        Assert.Equal("tin-tuc", edition.UrlSegment);
        Assert.Same(values, edition.Values);
        Assert.Equal(Editor, edition.CreatedBy);
        Assert.Equal(document.Key, edition.DocumentKey);
        Assert.Null(edition.PublishedAt);
        Assert.Null(edition.PublishedBy);
        Assert.Null(edition.CopiedFromNumber);
        Assert.Null(document.Live);
        Assert.Same(edition, document.Pending);
        Assert.Same(edition, document.Current);
    }

    [Fact]
    public void Create_NewDocument_StartsAtVersionOneWithCreationStamps()
    {
        var key = Guid.NewGuid();

        var document = Document.Create(key, "tinTuc", null, 4, "Tin tức", "tin-tuc", Values("x"), Editor, T0);

        Assert.Equal(key, document.Key);
        Assert.Equal("tinTuc", document.ContentTypeAlias);
        Assert.Equal(1, document.Version);
        Assert.Equal(4, document.SortOrder);
        Assert.Equal(T0, document.CreatedAt);
        Assert.Equal(T0, document.UpdatedAt);
        Assert.Equal(Editor, document.CreatedBy);
        Assert.False(document.Trashed);
    }

    [Fact]
    public void Create_AtRoot_PathIsOwnKeyAndLevelIsOne()
    {
        var key = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var document = NewDocument(key: key);

        Assert.Equal("/0f8fad5bd9cb469fa16570867728950e/", document.Path);
        Assert.Equal(1, document.Level);
        Assert.Null(document.ParentKey);
    }

    [Fact]
    public void Create_UnderParent_PathExtendsParentPathAndLevelIsParentPlusOne()
    {
        var rootKey = Guid.NewGuid();
        var childKey = Guid.NewGuid();
        var grandchildKey = Guid.NewGuid();
        var root = NewDocument(key: rootKey);

        var child = NewDocument(root, childKey);
        var grandchild = NewDocument(child, grandchildKey);

        Assert.Equal($"/{rootKey:N}/{childKey:N}/", child.Path);
        Assert.Equal(2, child.Level);
        Assert.Equal(rootKey, child.ParentKey);
        Assert.Equal($"/{rootKey:N}/{childKey:N}/{grandchildKey:N}/", grandchild.Path);
        Assert.Equal(3, grandchild.Level);
        Assert.Equal(childKey, grandchild.ParentKey);
    }

    [Fact]
    public void CreateUnder_ParentGivenByKeyPathAndLevel_PlacesDocumentLikeCreateWithParent()
    {
        var parent = NewDocument();
        var key = Guid.NewGuid();

        var document = Document.CreateUnder(key, "tinTuc", parent.Key, parent.Path, parent.Level, 2,
            "Tin con", "tin-con", Values("x"), Editor, T0);

        Assert.Equal(parent.Key, document.ParentKey);
        Assert.Equal(parent.Path + key.ToString("N") + "/", document.Path);
        Assert.Equal(2, document.Level);
        Assert.Equal(2, document.SortOrder);
    }

    [Fact]
    public void IsAncestorOf_TreeRelations_OnlyTrueForDocumentsBelow()
    {
        var root = NewDocument();
        var child = NewDocument(root);
        var grandchild = NewDocument(child);
        var sibling = NewDocument(root);

        Assert.True(root.IsAncestorOf(child));
        Assert.True(root.IsAncestorOf(grandchild));
        Assert.True(child.IsAncestorOf(grandchild));
        Assert.False(child.IsAncestorOf(root));
        Assert.False(child.IsAncestorOf(sibling));
        Assert.False(child.IsAncestorOf(child));
    }

    [Fact]
    public void FindEdition_ExistingAndMissingNumbers_ReturnsEditionOrNull()
    {
        var document = NewLiveDocument();
        document.SaveDraft("Tin tức mới", "tin-tuc", Values("Bản hai"), Editor, T0.AddMinutes(2));

        Assert.Equal("Tin tức mới", document.FindEdition(2)?.Name);
        Assert.Equal("Tin tức", document.FindEdition(1)?.Name);
        Assert.Null(document.FindEdition(3));
    }

    // ---- SaveDraft ----

    [Fact]
    public void SaveDraft_NeverPublishedDraft_RewritesEditionOneInPlace()
    {
        var document = NewDocument();
        var newValues = Values("Bản sửa");
        var later = T0.AddMinutes(5);

        var saved = document.SaveDraft("Tin tức sửa", "tin-tuc-sua", newValues, "nguoikhac", later);

        Assert.Same(saved, Assert.Single(document.Editions));
        Assert.Equal(1, saved.Number);
        Assert.Equal(EditionStatus.Draft, saved.Status);
        Assert.Equal("Tin tức sửa", saved.Name);
        Assert.Equal("tin-tuc-sua", saved.UrlSegment);
        Assert.Same(newValues, saved.Values);
        Assert.Equal(T0, saved.CreatedAt);
        Assert.Equal(Editor, saved.CreatedBy);
        Assert.Equal(later, saved.UpdatedAt);
        Assert.Equal(later, document.UpdatedAt);
        Assert.Equal(2, document.Version);
    }

    [Fact]
    public void SaveDraft_LiveDocument_CreatesEditionTwoAndLeavesLiveEditionUnchanged()
    {
        var document = NewLiveDocument();
        var live = document.Live!;
        var liveValues = live.Values;
        var liveValuesSnapshot = live.Values.ToDictionary(StringComparer.Ordinal);
        var livePublishedAt = live.PublishedAt;

        var draft = document.SaveDraft("Tin tức cập nhật", "tin-tuc-cap-nhat", Values("Bản hai"), Editor, T0.AddMinutes(2));

        Assert.Equal(2, document.Editions.Count);
        Assert.Equal(2, draft.Number);
        Assert.Equal(EditionStatus.Draft, draft.Status);
        Assert.Equal("Bản hai", draft.Values["noiDung"]);
        Assert.Same(live, document.Live);
        Assert.Equal(1, live.Number);
        Assert.Equal(EditionStatus.Published, live.Status);
        Assert.Equal("Tin tức", live.Name);
        Assert.Equal("tin-tuc", live.UrlSegment);
        Assert.Same(liveValues, live.Values);
        Assert.Equal(liveValuesSnapshot, live.Values);
        Assert.Equal(livePublishedAt, live.PublishedAt);
        Assert.Same(draft, document.Pending);
        Assert.Same(draft, document.Current);
    }

    [Fact]
    public void SaveDraft_TwiceOnLiveDocument_RewritesTheSameDraft()
    {
        var document = NewLiveDocument();
        var first = document.SaveDraft("Lần một", "lan-mot", Values("1"), Editor, T0.AddMinutes(2));

        var second = document.SaveDraft("Lần hai", "lan-hai", Values("2"), Editor, T0.AddMinutes(3));

        Assert.Same(first, second);
        Assert.Equal(2, document.Editions.Count);
        Assert.Equal("Lần hai", second.Name);
        Assert.Equal("Tin tức", document.Live!.Name);
    }

    [Fact]
    public void SaveDraft_ScheduledEdition_ReturnsItToDraftAndClearsPublishAt()
    {
        var document = NewDocument();
        Assert.Equal(ContentOperationStatus.Success, document.Schedule(T0.AddDays(1), null, T0));
        Assert.Equal(EditionStatus.Scheduled, document.Pending!.Status);

        var saved = document.SaveDraft("Tin tức sửa", "tin-tuc", Values("Sửa"), Editor, T0.AddMinutes(1));

        Assert.Equal(EditionStatus.Draft, saved.Status);
        Assert.Null(saved.PublishAt);
        Assert.Single(document.Editions);
    }

    [Fact]
    public void SaveDraft_AfterUnpublish_OpensNewDraftAndKeepsUnpublishedEdition()
    {
        var document = NewLiveDocument();
        document.Unpublish(T0.AddMinutes(2));

        var draft = document.SaveDraft("Tin tức mới", "tin-tuc", Values("Mới"), Editor, T0.AddMinutes(3));

        Assert.Equal(2, draft.Number);
        Assert.Equal(EditionStatus.Draft, draft.Status);
        Assert.Equal(EditionStatus.Unpublished, document.FindEdition(1)!.Status);
        Assert.Equal("Tin tức", document.FindEdition(1)!.Name);
    }

    // ---- Publish ----

    [Fact]
    public void CanPublish_NewDraft_IsSuccess()
    {
        var document = NewDocument();

        Assert.Equal(ContentOperationStatus.Success, document.CanPublish());
    }

    [Fact]
    public void Publish_NewDraft_MakesItLiveWithPublishedAtAndBy()
    {
        var document = NewDocument();
        var at = T0.AddHours(1);

        var published = document.Publish(Approver, at);

        Assert.Same(document.Editions[0], published);
        Assert.Equal(EditionStatus.Published, published.Status);
        Assert.Equal(at, published.PublishedAt);
        Assert.Equal(Approver, published.PublishedBy);
        Assert.Null(published.PublishAt);
        Assert.Same(published, document.Live);
        Assert.Null(document.Pending);
        Assert.Same(published, document.Current);
        Assert.Equal(at, document.UpdatedAt);
    }

    [Fact]
    public void Publish_SecondEdition_SupersedesFirstAndKeepsItsContent()
    {
        var document = NewLiveDocument();
        var first = document.Live!;
        var firstPublishedAt = first.PublishedAt;
        document.SaveDraft("Tin tức cập nhật", "tin-tuc", Values("Bản hai"), Editor, T0.AddMinutes(2));

        var second = document.Publish(Approver, T0.AddMinutes(3));

        Assert.Equal(2, second.Number);
        Assert.Equal(EditionStatus.Published, second.Status);
        Assert.Equal(EditionStatus.Superseded, first.Status);
        Assert.Equal("Tin tức", first.Name);
        Assert.Equal("Bản đầu", first.Values["noiDung"]);
        Assert.Equal(firstPublishedAt, first.PublishedAt);
        Assert.Same(second, document.Live);
        Assert.Single(document.Editions, e => e.Status == EditionStatus.Published);
    }

    [Fact]
    public void CanPublish_LiveDocumentWithNothingPending_IsNothingToPublish()
    {
        var document = NewLiveDocument();

        Assert.Equal(ContentOperationStatus.NothingToPublish, document.CanPublish());
    }

    [Fact]
    public void Publish_NothingToPublish_ThrowsAndLeavesLiveEditionAlone()
    {
        var document = NewLiveDocument();
        var version = document.Version;

        Assert.Throws<InvalidOperationException>(() => document.Publish(Approver, T0.AddMinutes(5)));

        Assert.Equal(EditionStatus.Published, document.Live!.Status);
        Assert.Equal(T0.AddMinutes(1), document.Live.PublishedAt);
        Assert.Equal(version, document.Version);
    }

    [Fact]
    public void Publish_ScheduledEdition_ClearsPublishAtAndKeepsUnpublishAt()
    {
        var document = NewDocument();
        var publishAt = T0.AddDays(1);
        var unpublishAt = T0.AddDays(30);
        document.Schedule(publishAt, unpublishAt, T0);

        var published = document.Publish("scheduler", publishAt);

        Assert.Equal(EditionStatus.Published, published.Status);
        Assert.Null(published.PublishAt);
        Assert.Equal(unpublishAt, published.UnpublishAt);
    }

    [Fact]
    public void Publish_NewEditionOverLiveWithEndDate_CarriesEndDateOverToNewLiveEdition()
    {
        var document = NewLiveDocument();
        var end = T0.AddDays(10);
        Assert.Equal(ContentOperationStatus.Success, document.Schedule(null, end, T0.AddMinutes(2)));
        document.SaveDraft("Tin tức cập nhật", "tin-tuc", Values("Bản hai"), Editor, T0.AddMinutes(3));

        var second = document.Publish(Approver, T0.AddMinutes(4));

        Assert.Equal(end, second.UnpublishAt);
        Assert.Null(document.FindEdition(1)!.UnpublishAt);
    }

    [Fact]
    public void Publish_NewEditionWithOwnEndDate_KeepsItsOwnEndDate()
    {
        var document = NewLiveDocument();
        document.Schedule(null, T0.AddDays(10), T0.AddMinutes(2));
        document.SaveDraft("Tin tức cập nhật", "tin-tuc", Values("Bản hai"), Editor, T0.AddMinutes(3));
        var ownEnd = T0.AddDays(20);
        document.Schedule(T0.AddDays(1), ownEnd, T0.AddMinutes(4));

        var second = document.Publish("scheduler", T0.AddDays(1));

        Assert.Equal(ownEnd, second.UnpublishAt);
        Assert.Null(document.FindEdition(1)!.UnpublishAt);
    }

    // ---- Unpublish ----

    [Fact]
    public void Unpublish_LiveDocument_TakesLiveEditionDownAndClearsEndDate()
    {
        var document = NewLiveDocument();
        document.Schedule(null, T0.AddDays(10), T0.AddMinutes(2));
        var live = document.Live!;

        var unpublished = document.Unpublish(T0.AddMinutes(3));

        Assert.Same(live, unpublished);
        Assert.Equal(EditionStatus.Unpublished, live.Status);
        Assert.Null(live.UnpublishAt);
        Assert.Null(document.Live);
        Assert.Null(document.Pending);
        Assert.Same(live, document.Current);
    }

    [Fact]
    public void Unpublish_NeverPublished_ReturnsNullAndChangesNothing()
    {
        var document = NewDocument();

        var unpublished = document.Unpublish(T0.AddMinutes(1));

        Assert.Null(unpublished);
        Assert.Equal(1, document.Version);
        Assert.Equal(EditionStatus.Draft, document.Editions[0].Status);
    }

    [Fact]
    public void Unpublish_LiveWithPendingDraft_KeepsDraftPending()
    {
        var document = NewLiveDocument();
        var draft = document.SaveDraft("Bản hai", "ban-hai", Values("2"), Editor, T0.AddMinutes(2));

        document.Unpublish(T0.AddMinutes(3));

        Assert.Null(document.Live);
        Assert.Same(draft, document.Pending);
        Assert.Equal(EditionStatus.Draft, draft.Status);
    }

    [Fact]
    public void Publish_AfterUnpublish_RepublishesTheSameEdition()
    {
        var document = NewLiveDocument();
        document.Unpublish(T0.AddMinutes(2));
        Assert.Equal(ContentOperationStatus.Success, document.CanPublish());

        var republished = document.Publish(Approver, T0.AddMinutes(3));

        Assert.Equal(1, republished.Number);
        Assert.Single(document.Editions);
        Assert.Equal(EditionStatus.Published, republished.Status);
        Assert.Equal(T0.AddMinutes(3), republished.PublishedAt);
        Assert.Same(republished, document.Live);
    }

    [Fact]
    public void Publish_AfterUnpublishTwice_RepublishesNewestUnpublishedEdition()
    {
        var document = NewLiveDocument();
        document.Unpublish(T0.AddMinutes(2));
        document.SaveDraft("Bản hai", "ban-hai", Values("2"), Editor, T0.AddMinutes(3));
        document.Publish(Approver, T0.AddMinutes(4));
        document.Unpublish(T0.AddMinutes(5));

        var republished = document.Publish(Approver, T0.AddMinutes(6));

        Assert.Equal(2, republished.Number);
        Assert.Equal("Bản hai", document.Live!.Name);
        Assert.Equal(EditionStatus.Unpublished, document.FindEdition(1)!.Status);
    }

    // ---- Schedule ----

    [Fact]
    public void Schedule_BothDatesNull_IsInvalidSchedule()
    {
        var document = NewDocument();

        Assert.Equal(ContentOperationStatus.InvalidSchedule, document.Schedule(null, null, T0));
    }

    [Theory]
    [InlineData(-60)]
    [InlineData(0)]
    public void Schedule_PublishAtNotInFuture_IsInvalidScheduleAndLeavesDraft(int minutesFromNow)
    {
        var document = NewDocument();

        var status = document.Schedule(T0.AddMinutes(minutesFromNow), null, T0);

        Assert.Equal(ContentOperationStatus.InvalidSchedule, status);
        Assert.Equal(EditionStatus.Draft, document.Pending!.Status);
        Assert.Null(document.Pending.PublishAt);
        Assert.Equal(1, document.Version);
    }

    [Theory]
    [InlineData(-60)]
    [InlineData(0)]
    public void Schedule_UnpublishAtNotInFuture_IsInvalidSchedule(int minutesFromNow)
    {
        var document = NewLiveDocument();

        var status = document.Schedule(null, T0.AddMinutes(minutesFromNow), T0);

        Assert.Equal(ContentOperationStatus.InvalidSchedule, status);
        Assert.Null(document.Live!.UnpublishAt);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public void Schedule_UnpublishNotAfterPublish_IsInvalidSchedule(int unpublishDaysAfterPublish)
    {
        var document = NewDocument();
        var publishAt = T0.AddDays(5);

        var status = document.Schedule(publishAt, publishAt.AddDays(unpublishDaysAfterPublish), T0);

        Assert.Equal(ContentOperationStatus.InvalidSchedule, status);
        Assert.Equal(EditionStatus.Draft, document.Pending!.Status);
    }

    [Fact]
    public void Schedule_PublishAtWithoutDraft_IsNothingToPublish()
    {
        var document = NewLiveDocument();
        var version = document.Version;

        var status = document.Schedule(T0.AddDays(1), null, T0.AddMinutes(2));

        Assert.Equal(ContentOperationStatus.NothingToPublish, status);
        Assert.Equal(EditionStatus.Published, document.Live!.Status);
        Assert.Null(document.Live.PublishAt);
        Assert.Equal(version, document.Version);
    }

    [Fact]
    public void Schedule_PublishAtOnDraft_MarksDraftScheduled()
    {
        var document = NewDocument();
        var publishAt = T0.AddDays(1);
        var unpublishAt = T0.AddDays(7);

        var status = document.Schedule(publishAt, unpublishAt, T0);

        Assert.Equal(ContentOperationStatus.Success, status);
        var pending = document.Pending!;
        Assert.Equal(EditionStatus.Scheduled, pending.Status);
        Assert.Equal(publishAt, pending.PublishAt);
        Assert.Equal(unpublishAt, pending.UnpublishAt);
        Assert.Null(document.Live);
        Assert.Equal(2, document.Version);
    }

    [Fact]
    public void Schedule_PublishAtOnDraftOverLive_SchedulesDraftAndLeavesLivePublished()
    {
        var document = NewLiveDocument();
        var draft = document.SaveDraft("Bản hai", "ban-hai", Values("2"), Editor, T0.AddMinutes(2));

        var status = document.Schedule(T0.AddDays(1), null, T0.AddMinutes(3));

        Assert.Equal(ContentOperationStatus.Success, status);
        Assert.Equal(EditionStatus.Scheduled, draft.Status);
        Assert.Equal(EditionStatus.Published, document.Live!.Status);
        Assert.Null(document.Live.PublishAt);
    }

    [Fact]
    public void Schedule_UnpublishAtOnlyOnLiveDocument_SetsLiveEndDate()
    {
        var document = NewLiveDocument();
        var end = T0.AddDays(3);

        var status = document.Schedule(null, end, T0.AddMinutes(2));

        Assert.Equal(ContentOperationStatus.Success, status);
        Assert.Equal(end, document.Live!.UnpublishAt);
        Assert.Equal(EditionStatus.Published, document.Live.Status);
        Assert.Null(document.Live.PublishAt);
    }

    [Fact]
    public void Schedule_UnpublishAtOnlyWithPlainDraftOverLive_SetsEndDateOnLiveEdition()
    {
        var document = NewLiveDocument();
        var draft = document.SaveDraft("Bản hai", "ban-hai", Values("2"), Editor, T0.AddMinutes(2));
        var end = T0.AddDays(3);

        document.Schedule(null, end, T0.AddMinutes(3));

        Assert.Equal(end, document.Live!.UnpublishAt);
        Assert.Null(draft.UnpublishAt);
        Assert.Equal(EditionStatus.Draft, draft.Status);
    }

    [Fact]
    public void Schedule_UnpublishAtOnlyWithScheduledDraft_SetsEndDateOnScheduledDraft()
    {
        var document = NewDocument();
        var publishAt = T0.AddDays(1);
        document.Schedule(publishAt, null, T0);
        var end = T0.AddDays(9);

        var status = document.Schedule(null, end, T0.AddMinutes(1));

        Assert.Equal(ContentOperationStatus.Success, status);
        var pending = document.Pending!;
        Assert.Equal(EditionStatus.Scheduled, pending.Status);
        Assert.Equal(publishAt, pending.PublishAt);
        Assert.Equal(end, pending.UnpublishAt);
    }

    [Fact]
    public void Schedule_UnpublishAtOnlyOnNeverPublishedDraft_IsNotPublished()
    {
        var document = NewDocument();

        var status = document.Schedule(null, T0.AddDays(3), T0);

        Assert.Equal(ContentOperationStatus.NotPublished, status);
        Assert.Null(document.Pending!.UnpublishAt);
        Assert.Equal(1, document.Version);
    }

    [Fact]
    public void Schedule_TrashedDocument_IsDocumentTrashed()
    {
        var document = NewDocument();
        document.MarkTrashed(true, T0.AddMinutes(1));

        var status = document.Schedule(T0.AddDays(1), null, T0.AddMinutes(2));

        Assert.Equal(ContentOperationStatus.DocumentTrashed, status);
        Assert.Equal(EditionStatus.Draft, document.Pending!.Status);
    }

    // ---- RollbackTo ----

    [Fact]
    public void RollbackTo_SupersededEdition_CopiesNameAndValuesIntoNewDraft()
    {
        var document = NewLiveDocument();
        document.SaveDraft("Bản hai", "ban-hai", Values("Nội dung hai"), Editor, T0.AddMinutes(2));
        document.Publish(Approver, T0.AddMinutes(3));
        var first = document.FindEdition(1)!;

        var (draft, discarded) = document.RollbackTo(first, "tin-tuc-khoi-phuc", "nguoikhoiphuc", T0.AddMinutes(4));

        Assert.Null(discarded);
        Assert.Equal(3, draft.Number);
        Assert.Equal(EditionStatus.Draft, draft.Status);
        Assert.Equal("Tin tức", draft.Name);
        Assert.Equal("tin-tuc-khoi-phuc", draft.UrlSegment);
        Assert.Equal(first.Values, draft.Values);
        Assert.Equal(1, draft.CopiedFromNumber);
        Assert.Equal("nguoikhoiphuc", draft.CreatedBy);
        Assert.Same(draft, document.Pending);
        Assert.Equal("Bản hai", document.Live!.Name);
        Assert.Equal(EditionStatus.Superseded, first.Status);
    }

    [Fact]
    public void RollbackTo_WithPendingDraft_DiscardsDraftButKeepsItInHistory()
    {
        var document = NewLiveDocument();
        var pending = document.SaveDraft("Bản đang soạn", "ban-dang-soan", Values("Đang soạn"), Editor, T0.AddMinutes(2));
        document.Schedule(T0.AddDays(1), null, T0.AddMinutes(3));

        var (draft, discarded) = document.RollbackTo(document.FindEdition(1)!, "tin-tuc", Editor, T0.AddMinutes(4));

        Assert.Same(pending, discarded);
        Assert.Equal(EditionStatus.Discarded, pending.Status);
        Assert.Null(pending.PublishAt);
        Assert.Contains(pending, document.Editions);
        Assert.Equal("Bản đang soạn", pending.Name);
        Assert.Equal(3, draft.Number);
        Assert.Same(draft, document.Pending);
        Assert.Equal(3, document.Editions.Count);
    }

    [Fact]
    public void RollbackTo_ThenPublish_OldContentGoesLiveAndPreviousLiveIsSuperseded()
    {
        var document = NewLiveDocument();
        document.SaveDraft("Bản hai", "ban-hai", Values("Nội dung hai"), Editor, T0.AddMinutes(2));
        document.Publish(Approver, T0.AddMinutes(3));
        document.RollbackTo(document.FindEdition(1)!, "tin-tuc", Editor, T0.AddMinutes(4));

        var live = document.Publish(Approver, T0.AddMinutes(5));

        Assert.Equal(3, live.Number);
        Assert.Equal("Tin tức", live.Name);
        Assert.Equal("Bản đầu", live.Values["noiDung"]);
        Assert.Equal(EditionStatus.Superseded, document.FindEdition(2)!.Status);
    }

    // ---- Discard ----

    [Fact]
    public void CanDiscardDraft_NoDraft_IsNothingToDiscard()
    {
        var document = NewLiveDocument();

        Assert.Equal(ContentOperationStatus.NothingToDiscard, document.CanDiscardDraft());
    }

    [Fact]
    public void CanDiscardDraft_DraftIsOnlyEdition_IsDraftIsOnlyEdition()
    {
        var document = NewDocument();

        Assert.Equal(ContentOperationStatus.DraftIsOnlyEdition, document.CanDiscardDraft());
    }

    [Fact]
    public void CanDiscardDraft_DraftOverLive_IsSuccess()
    {
        var document = NewLiveDocument();
        document.SaveDraft("Bản hai", "ban-hai", Values("2"), Editor, T0.AddMinutes(2));

        Assert.Equal(ContentOperationStatus.Success, document.CanDiscardDraft());
    }

    [Fact]
    public void DiscardDraft_DraftOverLive_LeavesLiveEditionPublishedAndUntouched()
    {
        var document = NewLiveDocument();
        var live = document.Live!;
        var liveValues = live.Values;
        var draft = document.SaveDraft("Bản hai", "ban-hai", Values("2"), Editor, T0.AddMinutes(2));

        var discarded = document.DiscardDraft(T0.AddMinutes(3));

        Assert.Same(draft, discarded);
        Assert.Equal(EditionStatus.Discarded, draft.Status);
        Assert.Same(live, document.Live);
        Assert.Equal(EditionStatus.Published, live.Status);
        Assert.Equal("Tin tức", live.Name);
        Assert.Same(liveValues, live.Values);
        Assert.Null(document.Pending);
        Assert.Same(live, document.Current);
        Assert.Equal(2, document.Editions.Count);
        Assert.Equal(ContentOperationStatus.NothingToPublish, document.CanPublish());
    }

    [Fact]
    public void DiscardDraft_ScheduledDraft_ClearsPublishAt()
    {
        var document = NewLiveDocument();
        var draft = document.SaveDraft("Bản hai", "ban-hai", Values("2"), Editor, T0.AddMinutes(2));
        document.Schedule(T0.AddDays(1), null, T0.AddMinutes(3));

        document.DiscardDraft(T0.AddMinutes(4));

        Assert.Equal(EditionStatus.Discarded, draft.Status);
        Assert.Null(draft.PublishAt);
    }

    [Fact]
    public void DiscardDraft_NoDraft_Throws()
    {
        var document = NewLiveDocument();

        Assert.Throws<InvalidOperationException>(() => document.DiscardDraft(T0.AddMinutes(2)));
        Assert.Equal(EditionStatus.Published, document.Live!.Status);
    }

    [Fact]
    public void SaveDraft_AfterDiscard_NumbersNewDraftAfterDiscardedOne()
    {
        var document = NewLiveDocument();
        document.SaveDraft("Bản hai", "ban-hai", Values("2"), Editor, T0.AddMinutes(2));
        document.DiscardDraft(T0.AddMinutes(3));

        var draft = document.SaveDraft("Bản ba", "ban-ba", Values("3"), Editor, T0.AddMinutes(4));

        Assert.Equal(3, draft.Number);
        Assert.Equal(EditionStatus.Discarded, document.FindEdition(2)!.Status);
        Assert.Equal("Bản hai", document.FindEdition(2)!.Name);
    }

    // ---- Trash ----

    [Fact]
    public void CanPublish_TrashedDocumentWithDraft_IsDocumentTrashed()
    {
        var document = NewDocument();

        document.MarkTrashed(true, T0.AddMinutes(1));

        Assert.True(document.Trashed);
        Assert.Equal(ContentOperationStatus.DocumentTrashed, document.CanPublish());
    }

    [Fact]
    public void MarkTrashed_ScheduledDraft_ScheduleDroppedAndDraftKept()
    {
        var document = NewDocument();
        Assert.Equal(ContentOperationStatus.Success, document.Schedule(T0.AddDays(1), T0.AddDays(2), T0.AddMinutes(1)));

        document.MarkTrashed(true, T0.AddMinutes(2));

        var draft = document.Pending!;
        Assert.Equal(EditionStatus.Draft, draft.Status);
        Assert.Null(draft.PublishAt);
        Assert.Null(draft.UnpublishAt);
        Assert.Equal("Tin tức", draft.Name);
    }

    [Fact]
    public void MarkTrashed_Restored_CanBePublishedAgain()
    {
        var document = NewDocument();
        document.MarkTrashed(true, T0.AddMinutes(1));

        document.MarkTrashed(false, T0.AddMinutes(2));

        Assert.False(document.Trashed);
        Assert.Equal(ContentOperationStatus.Success, document.CanPublish());
        Assert.Equal(3, document.Version);
    }

    // ---- Move ----

    [Fact]
    public void MoveTo_OtherParent_RewritesParentPathLevelAndSortOrder()
    {
        var oldParent = NewDocument();
        var newGrandparent = NewDocument();
        var newParent = NewDocument(newGrandparent);
        var document = NewDocument(oldParent);
        var moveTime = T0.AddHours(1);

        document.MoveTo(newParent, 7, moveTime);

        Assert.Equal(newParent.Key, document.ParentKey);
        Assert.Equal($"{newParent.Path}{document.Key:N}/", document.Path);
        Assert.Equal(3, document.Level);
        Assert.Equal(7, document.SortOrder);
        Assert.Equal(moveTime, document.UpdatedAt);
        Assert.Equal(2, document.Version);
        Assert.True(newParent.IsAncestorOf(document));
        Assert.False(oldParent.IsAncestorOf(document));
    }

    [Fact]
    public void MoveTo_Root_BecomesLevelOneWithOwnKeyPath()
    {
        var parent = NewDocument();
        var document = NewDocument(parent);

        document.MoveTo(null, 0, T0.AddHours(1));

        Assert.Null(document.ParentKey);
        Assert.Equal($"/{document.Key:N}/", document.Path);
        Assert.Equal(1, document.Level);
    }

    [Fact]
    public void FollowMovedAncestor_SubtreeMovedDeeper_RewritesDescendantPathsAndLevels()
    {
        var a = NewDocument();
        var b = NewDocument(a);
        var c = NewDocument(b);
        var d = NewDocument(c);
        var target = NewDocument(NewDocument());
        var oldBPath = b.Path;

        b.MoveTo(target, 0, T0.AddHours(1));
        c.FollowMovedAncestor(oldBPath, b, T0.AddHours(1));
        d.FollowMovedAncestor(oldBPath, b, T0.AddHours(1));

        Assert.Equal($"{target.Path}{b.Key:N}/{c.Key:N}/", c.Path);
        Assert.Equal(4, c.Level);
        Assert.Equal($"{target.Path}{b.Key:N}/{c.Key:N}/{d.Key:N}/", d.Path);
        Assert.Equal(5, d.Level);
        Assert.Equal(b.Key, c.ParentKey);
        Assert.True(b.IsAncestorOf(d));
        Assert.False(a.IsAncestorOf(c));
        Assert.Equal(2, c.Version);
    }

    [Fact]
    public void FollowMovedAncestor_SubtreeMovedToRoot_RaisesDescendantLevels()
    {
        var a = NewDocument();
        var b = NewDocument(a);
        var c = NewDocument(b);
        var oldBPath = b.Path;

        b.MoveTo(null, 0, T0.AddHours(1));
        c.FollowMovedAncestor(oldBPath, b, T0.AddHours(1));

        Assert.Equal($"/{b.Key:N}/{c.Key:N}/", c.Path);
        Assert.Equal(2, c.Level);
    }

    // ---- SortOrder ----

    [Fact]
    public void SetSortOrder_NewValue_ChangesOrderAndBumpsVersion()
    {
        var document = NewDocument();

        document.SetSortOrder(3, T0.AddMinutes(1));

        Assert.Equal(3, document.SortOrder);
        Assert.Equal(2, document.Version);
        Assert.Equal(T0.AddMinutes(1), document.UpdatedAt);
    }

    [Fact]
    public void SetSortOrder_SameValue_IsNotAChange()
    {
        var document = NewDocument();

        document.SetSortOrder(0, T0.AddMinutes(1));

        Assert.Equal(1, document.Version);
        Assert.Equal(T0, document.UpdatedAt);
    }

    // ---- Version ----

    [Fact]
    public void Version_EveryChange_IncrementsByOne()
    {
        var document = NewDocument();
        var versions = new List<int> { document.Version };

        document.SaveDraft("Bản sửa", "ban-sua", Values("1"), Editor, T0.AddMinutes(1));
        versions.Add(document.Version);
        document.Publish(Approver, T0.AddMinutes(2));
        versions.Add(document.Version);
        document.SaveDraft("Bản hai", "ban-hai", Values("2"), Editor, T0.AddMinutes(3));
        versions.Add(document.Version);
        document.Schedule(T0.AddDays(1), null, T0.AddMinutes(4));
        versions.Add(document.Version);
        document.DiscardDraft(T0.AddMinutes(5));
        versions.Add(document.Version);
        document.RollbackTo(document.FindEdition(2)!, "ban-hai", Editor, T0.AddMinutes(6));
        versions.Add(document.Version);
        document.Unpublish(T0.AddMinutes(7));
        versions.Add(document.Version);
        document.MoveTo(null, 2, T0.AddMinutes(8));
        versions.Add(document.Version);
        document.MarkTrashed(true, T0.AddMinutes(9));
        versions.Add(document.Version);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], versions);
        Assert.Equal(T0.AddMinutes(9), document.UpdatedAt);
    }

    [Fact]
    public void Version_RejectedOperations_DoNotChangeVersion()
    {
        var document = NewDocument();

        document.Schedule(null, null, T0);
        document.Schedule(T0.AddDays(-1), null, T0);
        document.Schedule(null, T0.AddDays(1), T0);
        document.Unpublish(T0);

        Assert.Equal(1, document.Version);
    }

    [Fact]
    public void CanPublish_LiveEditionNewerThanAnUnpublishedOne_IsNothingToPublish()
    {
        var document = NewLiveDocument();
        document.Unpublish(T0.AddMinutes(2));
        document.SaveDraft("Tin tức mới", "tin-tuc-moi", Values("Bản mới"), Editor, T0.AddMinutes(3));
        document.Publish(Approver, T0.AddMinutes(4));

        var status = document.CanPublish();

        Assert.Equal(Portal.Core.Workflow.ContentOperationStatus.NothingToPublish, status);
        Assert.Equal("Tin tức mới", document.Live!.Name);
    }
}
