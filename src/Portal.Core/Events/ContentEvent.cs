namespace Portal.Core.Events;

/// <summary>
/// Something that happened to content, written to the outbox in the same transaction as the change and
/// handed to consumers (published cache, search, webhooks) only after that transaction has committed.
/// </summary>
public abstract record ContentEvent(Guid DocumentKey);

public sealed record DocumentCreated(Guid DocumentKey, Guid? ParentKey, string ContentTypeAlias) : ContentEvent(DocumentKey);

public sealed record DraftSaved(Guid DocumentKey, int EditionNumber) : ContentEvent(DocumentKey);

public sealed record DraftDiscarded(Guid DocumentKey, int EditionNumber) : ContentEvent(DocumentKey);

public sealed record EditionScheduled(Guid DocumentKey, int EditionNumber, DateTime? PublishAt, DateTime? UnpublishAt) : ContentEvent(DocumentKey);

public sealed record EditionPublished(Guid DocumentKey, int EditionNumber, string ContentTypeAlias) : ContentEvent(DocumentKey);

public sealed record EditionUnpublished(Guid DocumentKey, int EditionNumber, string ContentTypeAlias) : ContentEvent(DocumentKey);

/// <summary>A writer asked the approvers of the page to publish its draft.</summary>
public sealed record EditionSentForApproval(Guid DocumentKey, int EditionNumber, string ContentTypeAlias, string SentBy) : ContentEvent(DocumentKey);

/// <summary>An approver sent the draft back to its writer with a reason.</summary>
public sealed record EditionRejected(Guid DocumentKey, int EditionNumber, string Reason, string RejectedBy) : ContentEvent(DocumentKey);

/// <summary>An administrator published without approval; approvers are asked to review it. Also raised: <see cref="EditionPublished"/>.</summary>
public sealed record EditionForcePublished(Guid DocumentKey, int EditionNumber, string Reason, string PublishedBy) : ContentEvent(DocumentKey);

public sealed record DocumentMoved(Guid DocumentKey, Guid? OldParentKey, Guid? NewParentKey) : ContentEvent(DocumentKey);

/// <summary>Raised once for the parent whose children were re-ordered; <see cref="ContentEvent.DocumentKey"/> is the parent (empty for the root).</summary>
public sealed record DocumentsSorted(Guid DocumentKey, IReadOnlyList<Guid> OrderedKeys) : ContentEvent(DocumentKey);

public sealed record DocumentTrashed(Guid DocumentKey) : ContentEvent(DocumentKey);

public sealed record DocumentRestored(Guid DocumentKey) : ContentEvent(DocumentKey);

/// <summary>A trashed document and its subtree were removed for good; <see cref="DeletedKeys"/> lists every removed document.</summary>
public sealed record DocumentDeleted(Guid DocumentKey, string ContentTypeAlias, IReadOnlyList<Guid> DeletedKeys) : ContentEvent(DocumentKey);

/// <summary>Many documents were written at once (synthetic seed, bulk import): consumers reload instead of following one by one.</summary>
public sealed record ContentBulkLoaded(Guid DocumentKey, int Count) : ContentEvent(DocumentKey);

public static class ContentEventTypes
{
    private static readonly Dictionary<string, Type> ByName = new[]
    {
        typeof(DocumentCreated), typeof(DraftSaved), typeof(DraftDiscarded), typeof(EditionScheduled), typeof(EditionPublished),
        typeof(EditionUnpublished), typeof(DocumentMoved), typeof(DocumentsSorted), typeof(DocumentTrashed), typeof(DocumentRestored), typeof(DocumentDeleted),
        typeof(ContentBulkLoaded), typeof(EditionSentForApproval), typeof(EditionRejected), typeof(EditionForcePublished),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static string NameOf(ContentEvent contentEvent) => contentEvent.GetType().Name;

    public static Type? Find(string name) => ByName.GetValueOrDefault(name);
}
