using Portal.Core.Workflow;

namespace Portal.Core.Content;

/// <summary>
/// The stable identity of a page in the content tree. Its editions hold what is published; the document
/// itself only knows where it sits in the tree and which edition is live.
/// </summary>
public sealed class Document
{
    private readonly List<Edition> editions = [];

    private Document()
    {
        ContentTypeAlias = string.Empty;
        Path = string.Empty;
        CreatedBy = string.Empty;
    }

    public Guid Key { get; private set; }
    public string ContentTypeAlias { get; private set; }
    public Guid? ParentKey { get; private set; }

    /// <summary>Keys from the root down to this document, each as 32 hex digits between slashes: <c>/k1/k2/</c>.</summary>
    public string Path { get; private set; }
    public int Level { get; private set; }
    public int SortOrder { get; private set; }
    public bool Trashed { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>Bumped on every change; a save based on an older version is a conflict.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<Edition> Editions => editions;

    public Edition? Live => editions.FirstOrDefault(e => e.Status == EditionStatus.Published);

    public Edition? Pending => editions.FirstOrDefault(e => e.Status.IsPending());

    /// <summary>The edition an editor sees: the pending one, else the live one, else the newest.</summary>
    public Edition Current => Pending ?? Live ?? editions.MaxBy(e => e.Number)!;

    public static string PathOf(Guid key, string? parentPath) => (parentPath ?? "/") + key.ToString("N") + "/";

    public static Document Create(Guid key, string contentTypeAlias, Document? parent, int sortOrder,
        string name, string urlSegment, IReadOnlyDictionary<string, string> values, string actor, DateTime now) =>
        CreateUnder(key, contentTypeAlias, parent?.Key, parent?.Path, parent?.Level ?? 0, sortOrder, name, urlSegment, values, actor, now);

    /// <summary>Creates a document below a parent known only by key, path and level (bulk writes load no parent entities).</summary>
    public static Document CreateUnder(Guid key, string contentTypeAlias, Guid? parentKey, string? parentPath, int parentLevel, int sortOrder,
        string name, string urlSegment, IReadOnlyDictionary<string, string> values, string actor, DateTime now)
    {
        var document = new Document
        {
            Key = key,
            ContentTypeAlias = contentTypeAlias,
            ParentKey = parentKey,
            Path = PathOf(key, parentPath),
            Level = parentLevel + 1,
            SortOrder = sortOrder,
            CreatedAt = now,
            CreatedBy = actor,
            UpdatedAt = now,
            Version = 1,
        };
        document.editions.Add(new Edition(key, 1, name, urlSegment, values, actor, now, copiedFromNumber: null));
        return document;
    }

    public bool IsAncestorOf(Document other) => other.Key != Key && other.Path.StartsWith(Path, StringComparison.Ordinal);

    public Edition? FindEdition(int number) => editions.FirstOrDefault(e => e.Number == number);

    /// <summary>Writes into the pending edition, or opens a new draft when the document is live or was unpublished.</summary>
    public Edition SaveDraft(string name, string urlSegment, IReadOnlyDictionary<string, string> values, string actor, DateTime now)
    {
        var pending = Pending;
        if (pending is not null)
        {
            pending.Rewrite(name, urlSegment, values, now);
        }
        else
        {
            pending = new Edition(Key, NextNumber(), name, urlSegment, values, actor, now, copiedFromNumber: null);
            editions.Add(pending);
        }

        Touch(now);
        return pending;
    }

    public ContentOperationStatus CanPublish()
    {
        if (Trashed)
        {
            return ContentOperationStatus.DocumentTrashed;
        }

        if (Pending is not null)
        {
            return ContentOperationStatus.Success;
        }

        // Re-publishing an unpublished edition only makes sense when nothing newer is live.
        return Live is null && LatestUnpublished() is not null ? ContentOperationStatus.Success : ContentOperationStatus.NothingToPublish;
    }

    /// <summary>Makes the pending edition live (or re-publishes the last unpublished one) and supersedes the previous live edition.</summary>
    public Edition Publish(string actor, DateTime now)
    {
        var toPublish = Pending ?? (Live is null ? LatestUnpublished() : null)
            ?? throw new InvalidOperationException($"Document {Key} has nothing to publish; call CanPublish first.");
        var previous = Live;
        if (previous is not null && previous != toPublish)
        {
            previous.Status = EditionStatus.Superseded;
            toPublish.UnpublishAt ??= previous.UnpublishAt;
            previous.UnpublishAt = null;
        }

        toPublish.Status = EditionStatus.Published;
        toPublish.PublishedAt = now;
        toPublish.PublishedBy = actor;
        toPublish.PublishAt = null;
        Touch(now);
        return toPublish;
    }

    public Edition? Unpublish(DateTime now)
    {
        var live = Live;
        if (live is null)
        {
            return null;
        }

        live.Status = EditionStatus.Unpublished;
        live.UnpublishAt = null;
        Touch(now);
        return live;
    }

    /// <summary>
    /// Sets when the pending edition goes live and/or when the live content comes down. Schedule dates are
    /// workflow data, not content, so setting them does not break the rule that published content is frozen.
    /// </summary>
    public ContentOperationStatus Schedule(DateTime? publishAt, DateTime? unpublishAt, DateTime now)
    {
        if (Trashed)
        {
            return ContentOperationStatus.DocumentTrashed;
        }

        if ((publishAt is null && unpublishAt is null) || publishAt <= now || unpublishAt <= now || unpublishAt <= publishAt)
        {
            return ContentOperationStatus.InvalidSchedule;
        }

        var pending = Pending;
        if (publishAt is not null)
        {
            if (pending is null)
            {
                return ContentOperationStatus.NothingToPublish;
            }

            pending.Status = EditionStatus.Scheduled;
            pending.PublishAt = publishAt;
            pending.UnpublishAt = unpublishAt;
        }
        else
        {
            var target = pending?.Status == EditionStatus.Scheduled ? pending : Live;
            if (target is null)
            {
                return ContentOperationStatus.NotPublished;
            }

            target.UnpublishAt = unpublishAt;
        }

        Touch(now);
        return ContentOperationStatus.Success;
    }

    /// <summary>Copies an older edition into a new draft. A pending draft is discarded, not lost: it stays in the history.</summary>
    public (Edition Draft, Edition? Discarded) RollbackTo(Edition source, string urlSegment, string actor, DateTime now)
    {
        var discarded = Pending;
        if (discarded is not null)
        {
            discarded.Status = EditionStatus.Discarded;
            discarded.PublishAt = null;
        }

        var draft = new Edition(Key, NextNumber(), source.Name, urlSegment, source.Values, actor, now, source.Number);
        editions.Add(draft);
        Touch(now);
        return (draft, discarded);
    }

    public void SendForApproval(DateTime now)
    {
        var pending = Pending ?? throw new InvalidOperationException($"Document {Key} has no draft to send for approval.");
        pending.Status = EditionStatus.InReview;
        pending.PublishAt = null;
        Touch(now);
    }

    public void ReturnToDraft(DateTime now)
    {
        var pending = Pending ?? throw new InvalidOperationException($"Document {Key} has no draft to return.");
        pending.Status = EditionStatus.Draft;
        Touch(now);
    }

    public void MarkReviewed(string reviewer, DateTime now)
    {
        var live = Live ?? throw new InvalidOperationException($"Document {Key} has no live edition to review.");
        live.ReviewedBy = reviewer;
        live.ReviewedAt = now;
        Touch(now);
    }

    public ContentOperationStatus CanDiscardDraft()
    {
        var pending = Pending;
        if (pending is null)
        {
            return ContentOperationStatus.NothingToDiscard;
        }

        return editions.Count == 1 ? ContentOperationStatus.DraftIsOnlyEdition : ContentOperationStatus.Success;
    }

    public Edition DiscardDraft(DateTime now)
    {
        var pending = Pending ?? throw new InvalidOperationException($"Document {Key} has no draft; call CanDiscardDraft first.");
        pending.Status = EditionStatus.Discarded;
        pending.PublishAt = null;
        Touch(now);
        return pending;
    }

    /// <summary>Re-roots this document under a new parent. Descendants are re-rooted by <see cref="ReparentUnder"/>.</summary>
    public void MoveTo(Document? parent, int sortOrder, DateTime now)
    {
        ParentKey = parent?.Key;
        SortOrder = sortOrder;
        ReparentUnder(parent?.Path, (parent?.Level ?? 0) + 1);
        Touch(now);
    }

    internal void ReparentUnder(string? parentPath, int level)
    {
        Path = PathOf(Key, parentPath);
        Level = level;
    }

    /// <summary>Keeps a descendant's path in step after one of its ancestors moved.</summary>
    public void FollowMovedAncestor(string oldAncestorPath, Document movedAncestor, DateTime now)
    {
        Path = movedAncestor.Path + Path[oldAncestorPath.Length..];
        Level = Path.Count(c => c == '/') - 1;
        Touch(now);
    }

    public void SetSortOrder(int sortOrder, DateTime now)
    {
        if (SortOrder != sortOrder)
        {
            SortOrder = sortOrder;
            Touch(now);
        }
    }

    public void MarkTrashed(bool trashed, DateTime now)
    {
        Trashed = trashed;

        // A page in the recycle bin cannot go live or come down; a schedule left on it would be retried forever.
        if (trashed && Pending is { Status: EditionStatus.Scheduled } scheduled)
        {
            scheduled.Status = EditionStatus.Draft;
            scheduled.PublishAt = null;
            scheduled.UnpublishAt = null;
        }

        Touch(now);
    }

    private Edition? LatestUnpublished() =>
        editions.Where(e => e.Status == EditionStatus.Unpublished).MaxBy(e => e.Number);

    private int NextNumber() => editions.Count == 0 ? 1 : editions.Max(e => e.Number) + 1;

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }
}
