namespace Portal.Core.Content;

public enum TimelineAction
{
    Created = 0,
    DraftSaved = 1,
    Published = 2,
    Unpublished = 3,
    Scheduled = 4,
    RolledBack = 5,
    DraftDiscarded = 6,
    Moved = 7,
    Sorted = 8,
    Trashed = 9,
    Restored = 10,
    Imported = 11,
    Deleted = 12,
}

/// <summary>Append-only record of who did what to which edition, when.</summary>
public sealed class TimelineEntry
{
    private TimelineEntry()
    {
        Actor = string.Empty;
    }

    public TimelineEntry(Guid documentKey, int? editionNumber, TimelineAction action, string actor, DateTime at, string? note = null)
    {
        DocumentKey = documentKey;
        EditionNumber = editionNumber;
        Action = action;
        Actor = actor;
        At = at;
        Note = note;
    }

    public long Id { get; private set; }
    public Guid DocumentKey { get; private set; }
    public int? EditionNumber { get; private set; }
    public TimelineAction Action { get; private set; }
    public string Actor { get; private set; }
    public DateTime At { get; private set; }
    public string? Note { get; private set; }
}
