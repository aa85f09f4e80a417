using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Web.Features.Management.Documents;

// Request and response bodies of the document endpoints, in Umbraco 17's Management API shapes (camelCase JSON).
// Portal's documents are invariant: culture and segment are always null.

internal sealed record ReferenceById(Guid Id);

internal sealed record DocumentValueModel(string? Alias, string? Culture, string? Segment, JsonElement Value);

internal sealed record DocumentVariantRequest(string? Culture, string? Segment, string? Name);

internal sealed record CreateDocumentRequest(Guid? Id, ReferenceById? Parent, ReferenceById? DocumentType, ReferenceById? Template,
    IReadOnlyList<DocumentValueModel>? Values, IReadOnlyList<DocumentVariantRequest>? Variants);

internal sealed record UpdateDocumentRequest(ReferenceById? Template, IReadOnlyList<DocumentValueModel>? Values,
    IReadOnlyList<DocumentVariantRequest>? Variants);

internal sealed record PublishDocumentRequest(IReadOnlyList<CultureAndSchedule>? PublishSchedules);

internal sealed record CultureAndSchedule(string? Culture, ScheduleRequest? Schedule);

internal sealed record ScheduleRequest(DateTimeOffset? PublishTime, DateTimeOffset? UnpublishTime);

internal sealed record UnpublishDocumentRequest(IReadOnlyList<string>? Cultures);

internal sealed record MoveDocumentRequest(ReferenceById? Target);

internal sealed record SortDocumentRequest(ReferenceById? Parent, IReadOnlyList<SortItem>? Sorting);

internal sealed record SortItem(Guid Id, int SortOrder);

internal sealed record NoteRequest(string? Note);

internal sealed record ReasonRequest(string? Reason);

internal sealed record DocumentTypeReference(Guid Id, string? Icon, object? Collection);

internal sealed record PagedResponse<T>(int Total, IReadOnlyList<T> Items);

internal sealed record DocumentTreeItem(bool HasChildren, Guid Id, ReferenceById? Parent, bool NoAccess, bool IsTrashed, bool IsProtected,
    DocumentTypeReference DocumentType, IReadOnlyList<DocumentTreeVariant> Variants, DateTimeOffset CreateDate);

internal sealed record DocumentTreeVariant(string Name, string? Culture, string State);

internal sealed record DocumentValueResponse(string EditorAlias, string Alias, string? Culture, string? Segment, JsonNode? Value);

internal sealed record DocumentVariantResponse(string? Culture, string? Segment, string Name, DateTimeOffset CreateDate, DateTimeOffset UpdateDate,
    string State, DateTimeOffset? PublishDate, DateTimeOffset? ScheduledPublishDate, DateTimeOffset? ScheduledUnpublishDate);

internal sealed record DocumentResponse(Guid Id, DocumentTypeReference DocumentType, ReferenceById? Template, bool IsTrashed,
    IReadOnlyList<DocumentValueResponse> Values, IReadOnlyList<DocumentVariantResponse> Variants, DocumentApprovalResponse Approval);

/// <summary>
/// Portal's addition: where the document stands in the approval workflow. <c>pendingStatus</c> is the draft's
/// EditionStatus (Draft, InReview, Scheduled) or null; a force-published live edition awaits review until another approver looks.
/// </summary>
internal sealed record DocumentApprovalResponse(string? PendingStatus, bool AwaitsReview, string? ForcePublishReason, string? ForcePublishedBy,
    string? ReviewedBy, DateTimeOffset? ReviewedAt);

internal sealed record DocumentVersionItem(Guid Id, ReferenceById Document, ReferenceById DocumentType, ReferenceById? User,
    DateTimeOffset VersionDate, bool IsCurrentPublishedVersion, bool IsCurrentDraftVersion, bool PreventCleanup);

internal sealed record DocumentVersionResponse(Guid Id, ReferenceById Document, DocumentTypeReference DocumentType,
    IReadOnlyList<DocumentValueResponse> Values, IReadOnlyList<DocumentVariantResponse> Variants);

/// <summary>Umbraco's publish states of a document variant.</summary>
internal static class DocumentVariantState
{
    public const string NotCreated = "NotCreated";
    public const string Draft = "Draft";
    public const string Published = "Published";
    public const string PublishedPendingChanges = "PublishedPendingChanges";

    public static string Of(bool hasLive, bool hasPending) =>
        hasLive ? hasPending ? PublishedPendingChanges : Published : Draft;
}
