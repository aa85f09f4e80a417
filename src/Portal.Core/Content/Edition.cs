using Portal.Core.Schema;

namespace Portal.Core.Content;

/// <summary>
/// A numbered version of a document. Its content (name, URL segment, field values) is frozen once it
/// has been published; only the workflow changes its status and schedule.
/// </summary>
public sealed class Edition
{
    private Edition()
    {
        Name = string.Empty;
        UrlSegment = string.Empty;
        CreatedBy = string.Empty;
        Values = new Dictionary<string, string>();
    }

    internal Edition(Guid documentKey, int number, string name, string urlSegment,
        IReadOnlyDictionary<string, string> values, string createdBy, DateTime createdAt, int? copiedFromNumber)
    {
        Key = Guid.NewGuid();
        DocumentKey = documentKey;
        Number = number;
        Status = EditionStatus.Draft;
        Name = name;
        UrlSegment = urlSegment;
        Values = values;
        UnitKey = UnitNamedIn(values);
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        CopiedFromNumber = copiedFromNumber;
    }

    /// <summary>The edition's own id, as the Management API's document versions are addressed.</summary>
    public Guid Key { get; private set; }
    public Guid DocumentKey { get; private set; }
    public int Number { get; private set; }
    public EditionStatus Status { get; internal set; }
    public string Name { get; private set; }
    public string UrlSegment { get; private set; }
    public IReadOnlyDictionary<string, string> Values { get; private set; }

    /// <summary>
    /// The unit the <c>unit</c> field picks, kept beside the values so that "items of a unit" (unit pages, the
    /// Delivery API's <c>unit:</c> filter) is a lookup in the route tree instead of a read of every article's fields.
    /// </summary>
    public Guid? UnitKey { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public string? PublishedBy { get; internal set; }
    public DateTime? PublishedAt { get; internal set; }
    public DateTime? PublishAt { get; internal set; }
    public DateTime? UnpublishAt { get; internal set; }

    /// <summary>Why an administrator published this edition without approval; the edition is flagged until reviewed.</summary>
    public string? ForcePublishReason { get; internal set; }
    public string? ForcePublishedBy { get; internal set; }
    public string? ReviewedBy { get; internal set; }
    public DateTime? ReviewedAt { get; internal set; }

    /// <summary>Force-published and not yet looked at by another approver.</summary>
    public bool AwaitsReview => ForcePublishReason is not null && ReviewedAt is null;

    /// <summary>The edition this one was rolled back from, when it was made by a rollback.</summary>
    public int? CopiedFromNumber { get; private set; }

    internal void Rewrite(string name, string urlSegment, IReadOnlyDictionary<string, string> values, DateTime now)
    {
        if (!Status.IsPending())
        {
            throw new InvalidOperationException($"Edition {Number} of {DocumentKey} is {Status} and cannot be rewritten.");
        }

        Name = name;
        UrlSegment = urlSegment;
        Values = values;
        UnitKey = UnitNamedIn(values);
        UpdatedAt = now;
        Status = EditionStatus.Draft;
        PublishAt = null;
    }

    public const string UnitField = "unit";

    private static Guid? UnitNamedIn(IReadOnlyDictionary<string, string> values) =>
        values.TryGetValue(UnitField, out var picked) && DocumentUdi.TryParse(picked, out var unit) ? unit : null;
}
