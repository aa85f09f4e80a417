using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Events;

namespace Portal.Core.Workflow;

/// <summary>
/// The approval workflow Umbraco sells separately: writers send drafts for approval, approvers publish or send them
/// back with a reason, and an administrator may publish without approval (GOV.UK's force publish) when a written
/// reason is given; such an edition stays flagged until another approver has reviewed it.
/// </summary>
public sealed class ContentApproval(IContentSessionFactory sessions, ContentPublishing publishing, TimeProvider clock)
{
    public async Task<ContentOperationResult> SendForApprovalAsync(Guid key, Actor actor, string? note = null,
        CancellationToken cancellationToken = default)
    {
        await using var session = sessions.Open();
        var document = await session.FindAsync(key, cancellationToken);
        var refused = Refuse(document, actor, Permission.SendForApproval);
        if (refused is not null)
        {
            return refused;
        }

        if (document!.Pending is not { } pending)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.NothingToPublish, key);
        }

        if (pending.Status == EditionStatus.InReview)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.AlreadyInReview, key);
        }

        // Approvers should not be asked to approve what could not be published anyway.
        if (publishing.ValidateForPublish(document, pending) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        document.SendForApproval(now);
        session.Record(new TimelineEntry(key, pending.Number, TimelineAction.SentForApproval, actor, now, Clean(note)));
        session.Raise(new EditionSentForApproval(key, pending.Number, document.ContentTypeAlias, actor.Name));
        return await ContentEditing.CommitAsync(session, key, pending.Number, cancellationToken);
    }

    /// <summary>Publishes the draft that waits for approval.</summary>
    public async Task<ContentOperationResult> ApproveAsync(Guid key, Actor actor, string? note = null, CancellationToken cancellationToken = default)
    {
        await using var session = sessions.Open();
        var document = await session.FindAsync(key, cancellationToken);
        var refused = Refuse(document, actor, Permission.Publish);
        if (refused is not null)
        {
            return refused;
        }

        if (document!.Pending is not { Status: EditionStatus.InReview } pending)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.NotInReview, key);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        session.Record(new TimelineEntry(key, pending.Number, TimelineAction.Approved, actor, now, Clean(note)));
        var result = await publishing.PublishInSessionAsync(session, document, actor, cancellationToken);
        return result.Succeeded ? await ContentEditing.CommitAsync(session, key, result.EditionNumber, cancellationToken) : result;
    }

    /// <summary>Sends the draft back to its writer; it becomes an ordinary draft again, with nothing lost.</summary>
    public async Task<ContentOperationResult> RejectAsync(Guid key, Actor actor, string reason, CancellationToken cancellationToken = default)
    {
        await using var session = sessions.Open();
        var document = await session.FindAsync(key, cancellationToken);
        var refused = Refuse(document, actor, Permission.Publish);
        if (refused is not null)
        {
            return refused;
        }

        if (Clean(reason) is not { } why)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.ReasonRequired, key);
        }

        if (document!.Pending is not { Status: EditionStatus.InReview } pending)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.NotInReview, key);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        document.ReturnToDraft(now);
        session.Record(new TimelineEntry(key, pending.Number, TimelineAction.Rejected, actor, now, why));
        session.Raise(new EditionRejected(key, pending.Number, why, actor.Name));
        return await ContentEditing.CommitAsync(session, key, pending.Number, cancellationToken);
    }

    /// <summary>An administrator publishes without approval; the reason is on record and approvers are asked to review.</summary>
    public async Task<ContentOperationResult> ForcePublishAsync(Guid key, Actor actor, string reason, CancellationToken cancellationToken = default)
    {
        await using var session = sessions.Open();
        var document = await session.FindAsync(key, cancellationToken);
        if (document is null)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.NotFound);
        }

        if (!actor.IsAdministrator)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.Forbidden, key);
        }

        if (Clean(reason) is not { } why)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.ReasonRequired, key);
        }

        var result = await publishing.PublishInSessionAsync(session, document, actor, cancellationToken);
        if (!result.Succeeded)
        {
            return result;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var live = document.Live!;
        live.ForcePublishReason = why;
        live.ForcePublishedBy = actor.Name;
        session.Record(new TimelineEntry(key, live.Number, TimelineAction.ForcePublished, actor, now, why));
        session.Raise(new EditionForcePublished(key, live.Number, why, actor.Name));
        return await ContentEditing.CommitAsync(session, key, live.Number, cancellationToken);
    }

    /// <summary>Another approver has looked at a force-published edition: the flag comes off.</summary>
    public async Task<ContentOperationResult> ReviewAsync(Guid key, Actor actor, string? note = null, CancellationToken cancellationToken = default)
    {
        await using var session = sessions.Open();
        var document = await session.FindAsync(key, cancellationToken);
        var refused = Refuse(document, actor, Permission.Publish);
        if (refused is not null)
        {
            return refused;
        }

        if (document!.Live is not { AwaitsReview: true } live)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.NotAwaitingReview, key);
        }

        if (string.Equals(live.ForcePublishedBy, actor.Name, StringComparison.OrdinalIgnoreCase))
        {
            return ContentOperationResult.Fail(ContentOperationStatus.ReviewerIsForcePublisher, key);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        document.MarkReviewed(actor.Name, now);
        session.Record(new TimelineEntry(key, live.Number, TimelineAction.Reviewed, actor, now, Clean(note)));
        return await ContentEditing.CommitAsync(session, key, live.Number, cancellationToken);
    }

    private static ContentOperationResult? Refuse(Document? document, Actor actor, Permission permission)
    {
        if (document is null)
        {
            return ContentOperationResult.Fail(ContentOperationStatus.NotFound);
        }

        if (!ContentAccess.Permits(actor, permission, document))
        {
            return ContentOperationResult.Fail(ContentOperationStatus.Forbidden, document.Key);
        }

        return document.Trashed ? ContentOperationResult.Fail(ContentOperationStatus.DocumentTrashed, document.Key) : null;
    }

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Text.VietnameseText.Nfc(text.Trim());
}
