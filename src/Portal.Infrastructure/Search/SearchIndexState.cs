namespace Portal.Infrastructure.Search;

public enum SearchIndexHealth
{
    /// <summary>Open and following the outbox.</summary>
    Ready = 0,

    /// <summary>Being built from the database (first start, a corrupt or outdated index, or an administrator's rebuild).</summary>
    Building = 1,

    /// <summary>Not opened: searches use the simple matcher.</summary>
    Unavailable = 2,
}

/// <param name="Name">The index's directory name: <c>public</c> or <c>backoffice</c>.</param>
/// <param name="Label">What an administrator reads.</param>
/// <param name="Documents">Documents in the index that answers searches now.</param>
/// <param name="UpdatedAt">The last commit (UTC).</param>
/// <param name="Rebuild">The rebuild under way; the old index keeps answering while it runs.</param>
/// <param name="Detail">The last healing or failure, in Vietnamese; empty when nothing happened.</param>
/// <param name="Healed">How many times this process found the index missing, corrupt or locked and rebuilt it.</param>
public sealed record SearchIndexState(string Name, string Label, SearchIndexHealth Health, int Documents, DateTime? UpdatedAt,
    SearchRebuildProgress? Rebuild, string Detail, string Directory, int Healed);

public sealed record SearchRebuildProgress(int Done, int Total, DateTime StartedAt);
