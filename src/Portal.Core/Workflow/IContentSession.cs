using Portal.Core.Content;
using Portal.Core.Events;

namespace Portal.Core.Workflow;

/// <summary>
/// One unit of work over the content store. Everything added, recorded or raised is written in one
/// transaction by <see cref="CommitAsync"/>; events reach consumers only after that commit.
/// </summary>
public interface IContentSession : IAsyncDisposable
{
    /// <summary>The document with all its editions, tracked for changes.</summary>
    Task<Document?> FindAsync(Guid key, CancellationToken cancellationToken);

    Task<IReadOnlyList<Document>> ChildrenAsync(Guid? parentKey, CancellationToken cancellationToken);

    /// <summary>All documents below <paramref name="ancestor"/>, with their editions, tracked for changes.</summary>
    Task<IReadOnlyList<Document>> DescendantsAsync(Document ancestor, CancellationToken cancellationToken);

    /// <summary>URL segments of the live and pending editions of the non-trashed children of a parent, except one document.</summary>
    Task<IReadOnlySet<string>> SegmentsInUseAsync(Guid? parentKey, Guid exceptDocument, CancellationToken cancellationToken);

    Task<int> NextSortOrderAsync(Guid? parentKey, CancellationToken cancellationToken);

    /// <summary>Documents with a scheduled edition due to go live, or a live edition due to come down, at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<Guid>> DueForScheduleAsync(DateTime now, CancellationToken cancellationToken);

    void Add(Document document);

    /// <summary>Removes the document and its editions; its timeline entries stay.</summary>
    void Remove(Document document);

    void Record(TimelineEntry entry);

    void Raise(ContentEvent contentEvent);

    /// <summary>Returns false, writing nothing, when another change to the same documents committed first.</summary>
    Task<bool> CommitAsync(CancellationToken cancellationToken);
}

public interface IContentSessionFactory
{
    IContentSession Open();
}
