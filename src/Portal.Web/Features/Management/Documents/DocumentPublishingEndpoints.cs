using Portal.Core.Workflow;

namespace Portal.Web.Features.Management.Documents;

/// <summary>
/// Publishing (now or on a schedule), unpublishing, and Portal's approval verbs, which Umbraco sells separately:
/// send for approval, approve, reject with a reason, force publish with a reason (administrators), review.
/// </summary>
internal static class DocumentPublishingEndpoints
{
    public static void MapDocumentPublishing(this RouteGroupBuilder document)
    {
        document.MapPut("/{id:guid}/publish", PublishAsync).WithName("PutDocumentByIdPublish")
            .WithSummary("Publishes now, or schedules publishing and/or unpublishing.")
            .Accepts<PublishDocumentRequest>("application/json").Produces(StatusCodes.Status200OK);
        document.MapPut("/{id:guid}/unpublish", UnpublishAsync).WithName("PutDocumentByIdUnpublish")
            .WithSummary("Takes the live edition down.").Accepts<UnpublishDocumentRequest>("application/json").Produces(StatusCodes.Status200OK);
        document.MapPut("/{id:guid}/send-for-approval", SendForApprovalAsync).WithName("PutDocumentByIdSendForApproval")
            .WithSummary("Sends the draft to the approvers (Portal).").Accepts<NoteRequest>("application/json").Produces(StatusCodes.Status200OK);
        document.MapPut("/{id:guid}/approve", ApproveAsync).WithName("PutDocumentByIdApprove")
            .WithSummary("Publishes the draft waiting for approval (Portal).").Accepts<NoteRequest>("application/json").Produces(StatusCodes.Status200OK);
        document.MapPut("/{id:guid}/reject", RejectAsync).WithName("PutDocumentByIdReject")
            .WithSummary("Sends the draft back to its writer with a reason (Portal).").Accepts<ReasonRequest>("application/json")
            .Produces(StatusCodes.Status200OK);
        document.MapPut("/{id:guid}/force-publish", ForcePublishAsync).WithName("PutDocumentByIdForcePublish")
            .WithSummary("Publishes without approval, with a reason; administrators only (Portal).").Accepts<ReasonRequest>("application/json")
            .Produces(StatusCodes.Status200OK);
        document.MapPut("/{id:guid}/review", ReviewAsync).WithName("PutDocumentByIdReview")
            .WithSummary("Marks a force-published edition as reviewed (Portal).").Accepts<NoteRequest>("application/json")
            .Produces(StatusCodes.Status200OK);
    }

    private static async Task<IResult> PublishAsync(HttpContext http, Guid id, ContentPublishing publishing)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        var (body, malformed) = await ManagementRequests.ReadAsync<PublishDocumentRequest>(http, required: false);
        if (malformed is not null)
        {
            return malformed;
        }

        var schedules = body?.PublishSchedules ?? [];
        if (schedules.Any(s => s.Culture is not null) || schedules.Count > 1)
        {
            return ManagementRequests.Malformed("Cổng chỉ có một ngôn ngữ: publishSchedules gồm tối đa một mục với culture null.");
        }

        var schedule = schedules is [{ Schedule: { } given }] ? given : null;
        if (schedule?.PublishTime is { } publishAt)
        {
            return DocumentInput.Answer(await publishing.ScheduleAsync(id, publishAt.UtcDateTime, schedule.UnpublishTime?.UtcDateTime, actor,
                http.RequestAborted));
        }

        // No publish time: publish now, and when an unpublish time is given, schedule the end of the live edition too.
        var published = await publishing.PublishAsync(id, actor, http.RequestAborted);
        if (!published.Succeeded || schedule?.UnpublishTime is not { } unpublishAt)
        {
            return DocumentInput.Answer(published);
        }

        return DocumentInput.Answer(await publishing.ScheduleAsync(id, null, unpublishAt.UtcDateTime, actor, http.RequestAborted));
    }

    private static async Task<IResult> UnpublishAsync(HttpContext http, Guid id, ContentPublishing publishing)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        var (body, malformed) = await ManagementRequests.ReadAsync<UnpublishDocumentRequest>(http, required: false);
        if (malformed is not null)
        {
            return malformed;
        }

        if (body?.Cultures is { Count: > 0 })
        {
            return ManagementRequests.Malformed("Cổng chỉ có một ngôn ngữ: cultures phải là null.");
        }

        return DocumentInput.Answer(await publishing.UnpublishAsync(id, actor, http.RequestAborted));
    }

    private static Task<IResult> SendForApprovalAsync(HttpContext http, Guid id, ContentApproval approval) =>
        WithNoteAsync(http, (actor, note) => approval.SendForApprovalAsync(id, actor, note, http.RequestAborted));

    private static Task<IResult> ApproveAsync(HttpContext http, Guid id, ContentApproval approval) =>
        WithNoteAsync(http, (actor, note) => approval.ApproveAsync(id, actor, note, http.RequestAborted));

    private static Task<IResult> ReviewAsync(HttpContext http, Guid id, ContentApproval approval) =>
        WithNoteAsync(http, (actor, note) => approval.ReviewAsync(id, actor, note, http.RequestAborted));

    private static Task<IResult> RejectAsync(HttpContext http, Guid id, ContentApproval approval) =>
        WithReasonAsync(http, (actor, reason) => approval.RejectAsync(id, actor, reason, http.RequestAborted));

    private static Task<IResult> ForcePublishAsync(HttpContext http, Guid id, ContentApproval approval) =>
        WithReasonAsync(http, (actor, reason) => approval.ForcePublishAsync(id, actor, reason, http.RequestAborted));

    private static async Task<IResult> WithNoteAsync(HttpContext http, Func<Core.Access.Actor, string?, Task<ContentOperationResult>> verb)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        var (body, malformed) = await ManagementRequests.ReadAsync<NoteRequest>(http, required: false);
        return malformed ?? DocumentInput.Answer(await verb(actor, body?.Note));
    }

    /// <summary>A missing reason reaches Core as empty, which answers ReasonRequired with its Vietnamese message.</summary>
    private static async Task<IResult> WithReasonAsync(HttpContext http, Func<Core.Access.Actor, string, Task<ContentOperationResult>> verb)
    {
        if (await ManagementApi.ActorFrom(http) is not { } actor)
        {
            return ManagementProblems.Unauthorized();
        }

        var (body, malformed) = await ManagementRequests.ReadAsync<ReasonRequest>(http, required: false);
        return malformed ?? DocumentInput.Answer(await verb(actor, body?.Reason ?? string.Empty));
    }
}
