using Portal.Core.Events;

namespace Portal.Infrastructure.Search;

internal enum ChangeScope
{
    /// <summary>The document alone.</summary>
    Document = 0,

    /// <summary>The document and everything below it (a move, trash or unpublish reaches the whole subtree).</summary>
    Subtree = 1,

    /// <summary>The listed documents are gone for good.</summary>
    Removed = 2,

    /// <summary>Too much changed to follow one by one: rebuild.</summary>
    Everything = 3,
}

internal sealed record IndexChange(ChangeScope Scope, Guid Key, IReadOnlyList<Guid>? Keys = null);

/// <summary>What one index holds and how content events change it.</summary>
internal interface IIndexFeed
{
    IEnumerable<IndexChange> ChangesFor(ContentEvent contentEvent);

    /// <summary>Brings <paramref name="target"/> in line with the database for what the change touched; safe to repeat.</summary>
    Task ApplyAsync(IndexGeneration target, IndexChange change, CancellationToken cancellationToken);

    IAsyncEnumerable<SearchDocument> AllAsync(CancellationToken cancellationToken);

    /// <summary>How many documents the index should hold now (the start-up check compares it with the index).</summary>
    Task<int> ExpectedCountAsync(CancellationToken cancellationToken);
}
