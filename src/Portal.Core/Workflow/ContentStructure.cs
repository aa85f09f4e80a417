using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Events;
using Portal.Core.Schema;

namespace Portal.Core.Workflow;

/// <summary>Verbs that change where documents sit in the tree: move, sort, trash, restore, delete.</summary>
public sealed class ContentStructure(IContentSessionFactory sessions, ISchemaCatalog schema, TimeProvider clock)
{
    public async Task<ContentOperationResult> MoveAsync(Guid key, Guid? newParentKey, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var session = sessions.Open();
        var document = await session.FindAsync(key, cancellationToken);
        if (document is null)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.NotFound);
        }

        if (!ContentAccess.Permits(actor, Permission.Move, document))
        {
            return ContentOperationResult.Fail(ContentOperationStatus.Forbidden, key);
        }

        if (document.Trashed)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.DocumentTrashed, key);
        }

        Document? newParent = null;
        if (newParentKey is { } parentKey)
        {
            newParent = await session.FindAsync(parentKey, cancellationToken);
            if (newParent is null)
            {
                return ContentOperationResult.Fail(ContentOperationStatus.ParentNotFound, key);
            }

            if (newParent.Key == key || document.IsAncestorOf(newParent))
            {
                return ContentOperationResult.Fail(ContentOperationStatus.MoveIntoOwnSubtree, key);
            }

            if (newParent.Trashed)
            {
                return ContentOperationResult.Fail(ContentOperationStatus.ParentTrashed, key);
            }

            if (schema.FindContentType(newParent.ContentTypeAlias)?.AllowsChild(document.ContentTypeAlias) != true)
            {
                return ContentOperationResult.Fail(ContentOperationStatus.ContentTypeNotAllowedHere, key);
            }
        }
        else if (schema.FindContentType(document.ContentTypeAlias)?.AllowAtRoot != true)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.ContentTypeNotAllowedHere, key);
        }

        if (!ContentAccess.PermitsCreateUnder(actor, newParent))
        {
            return ContentOperationResult.Fail(ContentOperationStatus.Forbidden, key);
        }

        var takenThere = await session.SegmentsInUseAsync(newParentKey, key, cancellationToken);
        if (document.Editions.Any(e => (e.Status.IsPending() || e.Status == EditionStatus.Published) && takenThere.Contains(e.UrlSegment)))
        {
            return ContentOperationResult.Fail(ContentOperationStatus.UrlSegmentTaken, key);
        }

        var oldParentKey = document.ParentKey;
        var oldPath = document.Path;
        var descendants = await session.DescendantsAsync(document, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        document.MoveTo(newParent, await session.NextSortOrderAsync(newParentKey, cancellationToken), now);
        foreach (var descendant in descendants)
        {
            descendant.FollowMovedAncestor(oldPath, document, now);
        }

        session.Record(new TimelineEntry(key, document.Current.Number, TimelineAction.Moved, actor, now,
            $"Từ {oldParentKey?.ToString() ?? "gốc"} sang {newParentKey?.ToString() ?? "gốc"}"));
        session.Raise(new DocumentMoved(key, oldParentKey, newParentKey));
        return await ContentEditing.CommitAsync(session, key, null, cancellationToken);
    }

    /// <summary>Puts the children of <paramref name="parentKey"/> in the given order; the list must name each non-trashed child once.</summary>
    public async Task<ContentOperationResult> SortAsync(Guid? parentKey, IReadOnlyList<Guid> orderedKeys, Actor actor,
        CancellationToken cancellationToken = default)
    {
        await using var session = sessions.Open();
        Document? parent = null;
        if (parentKey is { } pk && (parent = await session.FindAsync(pk, cancellationToken)) is null)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.ParentNotFound);
        }

        if (!ContentAccess.Permits(actor, Permission.Sort, parent?.Path))
        {
            return ContentOperationResult.Fail(ContentOperationStatus.Forbidden, parentKey);
        }

        var children = (await session.ChildrenAsync(parentKey, cancellationToken)).Where(c => !c.Trashed).ToList();
        if (orderedKeys.Count != children.Count || orderedKeys.Distinct().Count() != children.Count
            || !children.All(c => orderedKeys.Contains(c.Key)))
        {
            return ContentOperationResult.Fail(ContentOperationStatus.SortSetMismatch, parentKey);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var byKey = children.ToDictionary(c => c.Key);
        for (var i = 0; i < orderedKeys.Count; i++)
        {
            byKey[orderedKeys[i]].SetSortOrder(i, now);
        }

        var timelineKey = parentKey ?? Guid.Empty;
        foreach (var child in children)
        {
            session.Record(new TimelineEntry(child.Key, null, TimelineAction.Sorted, actor, now, $"Vị trí {child.SortOrder + 1}"));
        }

        session.Raise(new DocumentsSorted(timelineKey, orderedKeys));
        return await ContentEditing.CommitAsync(session, timelineKey, null, cancellationToken);
    }

    /// <summary>Moves a document and its subtree to the recycle bin. Like Umbraco, trashing takes live editions down.</summary>
    public async Task<ContentOperationResult> TrashAsync(Guid key, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var session = sessions.Open();
        var document = await session.FindAsync(key, cancellationToken);
        if (document is null)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.NotFound);
        }

        if (!ContentAccess.Permits(actor, Permission.Delete, document))
        {
            return ContentOperationResult.Fail(ContentOperationStatus.Forbidden, key);
        }

        if (document.Trashed)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.DocumentTrashed, key);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var subtree = await SubtreeAsync(session, document, cancellationToken);
        foreach (var item in subtree.Where(d => !d.Trashed))
        {
            if (item.Unpublish(now) is { } unpublished)
            {
                session.Record(new TimelineEntry(item.Key, unpublished.Number, TimelineAction.Unpublished, actor, now, "Chuyển vào thùng rác"));

                // Readers of the live site (webhook receivers, caches) learn that the page went down, as for an unpublish.
                session.Raise(new EditionUnpublished(item.Key, unpublished.Number, item.ContentTypeAlias));
            }

            item.MarkTrashed(true, now);
            session.Record(new TimelineEntry(item.Key, item.Current.Number, TimelineAction.Trashed, actor, now));
        }

        session.Raise(new DocumentTrashed(key));
        return await ContentEditing.CommitAsync(session, key, null, cancellationToken);
    }

    /// <summary>Brings a document and its subtree back from the recycle bin, unpublished, to its old place.</summary>
    public async Task<ContentOperationResult> RestoreAsync(Guid key, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var session = sessions.Open();
        var document = await session.FindAsync(key, cancellationToken);
        if (document is null)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.NotFound);
        }

        if (!ContentAccess.Permits(actor, Permission.Delete, document))
        {
            return ContentOperationResult.Fail(ContentOperationStatus.Forbidden, key);
        }

        if (!document.Trashed)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.NotTrashed, key);
        }

        if (document.ParentKey is { } parentKey)
        {
            var parent = await session.FindAsync(parentKey, cancellationToken);
            if (parent is null || parent.Trashed)
            {
                return ContentOperationResult.Fail(ContentOperationStatus.ParentTrashed, key);
            }
        }

        var takenThere = await session.SegmentsInUseAsync(document.ParentKey, key, cancellationToken);
        if (takenThere.Contains(document.Current.UrlSegment))
        {
            return ContentOperationResult.Fail(ContentOperationStatus.UrlSegmentTaken, key);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var subtree = await SubtreeAsync(session, document, cancellationToken);
        foreach (var item in subtree.Where(d => d.Trashed))
        {
            item.MarkTrashed(false, now);
            session.Record(new TimelineEntry(item.Key, item.Current.Number, TimelineAction.Restored, actor, now));
        }

        session.Raise(new DocumentRestored(key));
        return await ContentEditing.CommitAsync(session, key, null, cancellationToken);
    }

    /// <summary>Removes a document from the recycle bin for good, with its subtree. The timeline keeps its history.</summary>
    public async Task<ContentOperationResult> DeleteAsync(Guid key, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var session = sessions.Open();
        var document = await session.FindAsync(key, cancellationToken);
        if (document is null)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.NotFound);
        }

        if (!ContentAccess.Permits(actor, Permission.Delete, document))
        {
            return ContentOperationResult.Fail(ContentOperationStatus.Forbidden, key);
        }

        if (!document.Trashed)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.NotTrashed, key);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var subtree = await SubtreeAsync(session, document, cancellationToken);
        foreach (var item in subtree)
        {
            session.Record(new TimelineEntry(item.Key, item.Current.Number, TimelineAction.Deleted, actor, now, item.Current.Name));
            session.Remove(item);
        }

        session.Raise(new DocumentDeleted(key, document.ContentTypeAlias, subtree.Select(d => d.Key).ToList()));
        return await ContentEditing.CommitAsync(session, key, null, cancellationToken);
    }

    /// <summary>The document and everything below it: trash, restore and delete act on the whole branch.</summary>
    private static async Task<List<Document>> SubtreeAsync(IContentSession session, Document document, CancellationToken cancellationToken)
    {
        var subtree = new List<Document> { document };
        subtree.AddRange(await session.DescendantsAsync(document, cancellationToken));
        return subtree;
    }
}
