using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Events;
using Portal.Core.Schema;
using Portal.Core.Text;

namespace Portal.Core.Workflow;

/// <summary>Verbs that write editions: create, save a draft, discard it, roll back to an older edition.</summary>
public sealed class ContentEditing(IContentSessionFactory sessions, ISchemaCatalog schema, EditionInput input, TimeProvider clock)
{
    public async Task<ContentOperationResult> CreateAsync(string contentTypeAlias, Guid? parentKey, string name,
        IReadOnlyDictionary<string, string> values, Actor actor, Guid? key = null, DateTime? createdAt = null,
        CancellationToken cancellationToken = default)
    {
        var contentType = schema.FindContentType(contentTypeAlias);
        if (contentType is null || contentType.IsElement)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.ContentTypeNotFound);
        }

        await using var session = sessions.Open();
        Document? parent = null;
        if (parentKey is { } pk)
        {
            parent = await session.FindAsync(pk, cancellationToken);
            if (parent is null)
            {
                return ContentOperationResult.Fail(ContentOperationStatus.ParentNotFound);
            }

            if (parent.Trashed)
            {
                return ContentOperationResult.Fail(ContentOperationStatus.ParentTrashed);
            }

            if (schema.FindContentType(parent.ContentTypeAlias)?.AllowsChild(contentType.Alias) != true)
            {
                return ContentOperationResult.Fail(ContentOperationStatus.ContentTypeNotAllowedHere);
            }
        }
        else if (!contentType.AllowAtRoot)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.ContentTypeNotAllowedHere);
        }

        if (!ContentAccess.PermitsCreateUnder(actor, parent))
        {
            return ContentOperationResult.Fail(ContentOperationStatus.Forbidden);
        }

        var documentKey = key ?? Guid.NewGuid();
        if (key is not null && await session.FindAsync(documentKey, cancellationToken) is not null)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.DuplicateKey, documentKey);
        }

        var (cleanName, cleanValues) = input.Prepare(contentType, name, values);
        var errors = FieldValidator.Validate(contentType, schema, cleanName, cleanValues, requireMandatory: false);
        if (errors.Count > 0)
        {
            return ContentOperationResult.Invalid(errors);
        }

        var segment = UrlSegment.MakeUnique(UrlSegment.From(cleanName),
            await session.SegmentsInUseAsync(parentKey, documentKey, cancellationToken));
        var now = clock.GetUtcNow().UtcDateTime;
        var sortOrder = await session.NextSortOrderAsync(parentKey, cancellationToken);

        // Imports keep the date the page was first written on the site it came from; the timeline still says when it arrived here.
        var document = Document.Create(documentKey, contentType.Alias, parent, sortOrder, cleanName, segment, cleanValues, actor.Name, createdAt ?? now);
        session.Add(document);
        session.Record(new TimelineEntry(documentKey, 1, TimelineAction.Created, actor, now));
        session.Raise(new DocumentCreated(documentKey, parentKey, contentType.Alias));
        return await CommitAsync(session, documentKey, 1, cancellationToken);
    }

    /// <param name="expectedVersion">The <see cref="Document.Version"/> the editor started from; a newer one means someone else saved first.</param>
    public async Task<ContentOperationResult> SaveDraftAsync(Guid key, int? expectedVersion, string name,
        IReadOnlyDictionary<string, string> values, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var session = sessions.Open();
        var document = await session.FindAsync(key, cancellationToken);
        if (document is null)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.NotFound);
        }

        if (!ContentAccess.Permits(actor, Permission.Update, document))
        {
            return ContentOperationResult.Fail(ContentOperationStatus.Forbidden, key);
        }

        if (expectedVersion is { } expected && expected != document.Version)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.Conflict, key);
        }

        if (document.Trashed)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.DocumentTrashed, key);
        }

        var contentType = schema.FindContentType(document.ContentTypeAlias);
        if (contentType is null)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.ContentTypeNotFound, key);
        }

        var (cleanName, cleanValues) = input.Prepare(contentType, name, values);
        var errors = FieldValidator.Validate(contentType, schema, cleanName, cleanValues, requireMandatory: false);
        if (errors.Count > 0)
        {
            return ContentOperationResult.Invalid(errors, key);
        }

        var segment = UrlSegment.MakeUnique(UrlSegment.From(cleanName),
            await session.SegmentsInUseAsync(document.ParentKey, key, cancellationToken));
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = document.SaveDraft(cleanName, segment, cleanValues, actor.Name, now);
        session.Record(new TimelineEntry(key, draft.Number, TimelineAction.DraftSaved, actor, now));
        session.Raise(new DraftSaved(key, draft.Number));
        return await CommitAsync(session, key, draft.Number, cancellationToken);
    }

    public async Task<ContentOperationResult> DiscardDraftAsync(Guid key, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var session = sessions.Open();
        var document = await session.FindAsync(key, cancellationToken);
        if (document is null)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.NotFound);
        }

        if (!ContentAccess.Permits(actor, Permission.Update, document))
        {
            return ContentOperationResult.Fail(ContentOperationStatus.Forbidden, key);
        }

        var status = document.CanDiscardDraft();
        if (status != ContentOperationStatus.Success)
        {
            return ContentOperationResult.Fail(status, key);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var discarded = document.DiscardDraft(now);
        session.Record(new TimelineEntry(key, discarded.Number, TimelineAction.DraftDiscarded, actor, now));
        session.Raise(new DraftDiscarded(key, discarded.Number));
        return await CommitAsync(session, key, discarded.Number, cancellationToken);
    }

    /// <summary>Copies edition <paramref name="editionNumber"/> into a new draft; the live edition stays live until that draft is published.</summary>
    public async Task<ContentOperationResult> RollbackAsync(Guid key, int editionNumber, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var session = sessions.Open();
        var document = await session.FindAsync(key, cancellationToken);
        if (document is null)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.NotFound);
        }

        if (!ContentAccess.Permits(actor, Permission.Rollback, document))
        {
            return ContentOperationResult.Fail(ContentOperationStatus.Forbidden, key);
        }

        if (document.Trashed)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.DocumentTrashed, key);
        }

        var source = document.FindEdition(editionNumber);
        if (source is null)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.EditionNotFound, key);
        }

        if (source == document.Pending)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.CannotRollbackToDraft, key);
        }

        var segment = UrlSegment.MakeUnique(UrlSegment.From(source.Name),
            await session.SegmentsInUseAsync(document.ParentKey, key, cancellationToken));
        var now = clock.GetUtcNow().UtcDateTime;
        var (draft, discarded) = document.RollbackTo(source, segment, actor.Name, now);
        if (discarded is not null)
        {
            session.Record(new TimelineEntry(key, discarded.Number, TimelineAction.DraftDiscarded, actor, now,
                $"Thay bằng bản khôi phục từ phiên bản {editionNumber}"));
        }

        session.Record(new TimelineEntry(key, draft.Number, TimelineAction.RolledBack, actor, now, $"Khôi phục từ phiên bản {editionNumber}"));
        session.Raise(new DraftSaved(key, draft.Number));
        return await CommitAsync(session, key, draft.Number, cancellationToken);
    }

    internal static async Task<ContentOperationResult> CommitAsync(IContentSession session, Guid key, int? editionNumber,
        CancellationToken cancellationToken) =>
        await session.CommitAsync(cancellationToken)
            ? new ContentOperationResult(ContentOperationStatus.Success, key, editionNumber)
            : ContentOperationResult.Fail(ContentOperationStatus.Conflict, key);
}
