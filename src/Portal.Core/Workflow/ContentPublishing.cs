using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Events;
using Portal.Core.Schema;

namespace Portal.Core.Workflow;

/// <summary>Verbs that change what the public sees: publish, unpublish, schedule, and the scheduler's due run.</summary>
public sealed class ContentPublishing(IContentSessionFactory sessions, ISchemaCatalog schema, TimeProvider clock)
{
    public static readonly Actor Scheduler = Actor.System("scheduler");

    public async Task<ContentOperationResult> PublishAsync(Guid key, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var session = sessions.Open();
        var document = await session.FindAsync(key, cancellationToken);
        if (document is null)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.NotFound);
        }

        if (!ContentAccess.Permits(actor, Permission.Publish, document))
        {
            return ContentOperationResult.Fail(ContentOperationStatus.Forbidden, key);
        }

        var result = await PublishInSessionAsync(session, document, actor, cancellationToken);
        return result.Succeeded
            ? await ContentEditing.CommitAsync(session, key, result.EditionNumber, cancellationToken)
            : result;
    }

    public async Task<ContentOperationResult> UnpublishAsync(Guid key, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var session = sessions.Open();
        var document = await session.FindAsync(key, cancellationToken);
        if (document is null)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.NotFound);
        }

        if (!ContentAccess.Permits(actor, Permission.Unpublish, document))
        {
            return ContentOperationResult.Fail(ContentOperationStatus.Forbidden, key);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var unpublished = document.Unpublish(now);
        if (unpublished is null)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.NotPublished, key);
        }

        session.Record(new TimelineEntry(key, unpublished.Number, TimelineAction.Unpublished, actor, now));
        session.Raise(new EditionUnpublished(key, unpublished.Number, document.ContentTypeAlias));
        return await ContentEditing.CommitAsync(session, key, unpublished.Number, cancellationToken);
    }

    public async Task<ContentOperationResult> ScheduleAsync(Guid key, DateTime? publishAt, DateTime? unpublishAt, Actor actor,
        CancellationToken cancellationToken = default)
    {
        await using var session = sessions.Open();
        var document = await session.FindAsync(key, cancellationToken);
        if (document is null)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.NotFound);
        }

        // An empty schedule is refused below as invalid; asking for Publish first keeps outsiders from learning even that.
        var needed = publishAt is null && unpublishAt is null
            ? Permission.Publish
            : (publishAt is null ? Permission.None : Permission.Publish) | (unpublishAt is null ? Permission.None : Permission.Unpublish);
        if (!ContentAccess.Permits(actor, needed, document))
        {
            return ContentOperationResult.Fail(ContentOperationStatus.Forbidden, key);
        }

        if (publishAt is not null && document.Pending is { } pending)
        {
            var invalid = ValidateForPublish(document, pending);
            if (invalid is not null)
            {
                return invalid;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var status = document.Schedule(publishAt?.ToUniversalTime(), unpublishAt?.ToUniversalTime(), now);
        if (status != ContentOperationStatus.Success)
        {
            return ContentOperationResult.Fail(status, key);
        }

        var target = publishAt is not null ? document.Pending! : document.Pending?.Status == EditionStatus.Scheduled ? document.Pending : document.Live!;
        session.Record(new TimelineEntry(key, target.Number, TimelineAction.Scheduled, actor, now, DescribeSchedule(target)));
        session.Raise(new EditionScheduled(key, target.Number, target.PublishAt, target.UnpublishAt));
        return await ContentEditing.CommitAsync(session, key, target.Number, cancellationToken);
    }

    /// <summary>Publishes scheduled editions whose time has come and takes down live ones whose end has passed.</summary>
    public async Task<IReadOnlyList<ContentOperationResult>> RunDueScheduleAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        IReadOnlyList<Guid> due;
        await using (var query = sessions.Open())
        {
            due = await query.DueForScheduleAsync(now, cancellationToken);
        }

        var results = new List<ContentOperationResult>(due.Count);
        foreach (var key in due)
        {
            await using var session = sessions.Open();
            var document = await session.FindAsync(key, cancellationToken);
            if (document is null)
            {
                continue;
            }

            ContentOperationResult result;
            if (document.Pending is { Status: EditionStatus.Scheduled, PublishAt: { } at } && at <= now)
            {
                result = await PublishInSessionAsync(session, document, Scheduler, cancellationToken);
            }
            else if (document.Live is { UnpublishAt: { } end } live && end <= now)
            {
                document.Unpublish(now);
                session.Record(new TimelineEntry(key, live.Number, TimelineAction.Unpublished, Scheduler, now, "Hết thời hạn hiển thị theo lịch"));
                session.Raise(new EditionUnpublished(key, live.Number, document.ContentTypeAlias));
                result = new ContentOperationResult(ContentOperationStatus.Success, key, live.Number);
            }
            else
            {
                continue;
            }

            results.Add(result.Succeeded ? await ContentEditing.CommitAsync(session, key, result.EditionNumber, cancellationToken) : result);
        }

        return results;
    }

    internal async Task<ContentOperationResult> PublishInSessionAsync(IContentSession session, Document document, Actor actor,
        CancellationToken cancellationToken)
    {
        var key = document.Key;
        var status = document.CanPublish();
        if (status != ContentOperationStatus.Success)
        {
            return ContentOperationResult.Fail(status, key);
        }

        if (document.Pending is { } pending && ValidateForPublish(document, pending) is { } invalid)
        {
            return invalid;
        }

        if (document.ParentKey is { } parentKey)
        {
            var parent = await session.FindAsync(parentKey, cancellationToken);
            if (parent?.Live is null)
            {
                return ContentOperationResult.Fail(ContentOperationStatus.ParentNotPublished, key);
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var published = document.Publish(actor.Name, now);
        session.Record(new TimelineEntry(key, published.Number, TimelineAction.Published, actor, now));
        session.Raise(new EditionPublished(key, published.Number, document.ContentTypeAlias));
        return new ContentOperationResult(ContentOperationStatus.Success, key, published.Number);
    }

    internal ContentOperationResult? ValidateForPublish(Document document, Edition edition)
    {
        var contentType = schema.FindContentType(document.ContentTypeAlias);
        if (contentType is null)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.ContentTypeNotFound, document.Key);
        }

        var errors = FieldValidator.Validate(contentType, schema, edition.Name, edition.Values, requireMandatory: true);
        return errors.Count > 0 ? ContentOperationResult.Invalid(errors, document.Key) : null;
    }

    private static string DescribeSchedule(Edition edition)
    {
        var parts = new List<string>(2);
        if (edition.PublishAt is { } publishAt)
        {
            parts.Add($"Xuất bản lúc {publishAt:O}");
        }

        if (edition.UnpublishAt is { } unpublishAt)
        {
            parts.Add($"Gỡ xuất bản lúc {unpublishAt:O}");
        }

        return string.Join("; ", parts);
    }
}
