using Portal.Core.Access;

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
    SentForApproval = 13,
    Approved = 14,
    Rejected = 15,
    ForcePublished = 16,
    Reviewed = 17,
}

/// <summary>Append-only record of who did what to which edition, when.</summary>
public sealed class TimelineEntry
{
    private TimelineEntry()
    {
        Actor = string.Empty;
    }

    public TimelineEntry(Guid documentKey, int? editionNumber, TimelineAction action, Actor actor, DateTime at, string? note = null)
    {
        DocumentKey = documentKey;
        EditionNumber = editionNumber;
        Action = action;
        Actor = actor.Name;
        ActorKey = actor.UserKey;
        IpAddress = actor.IpAddress;
        At = at;
        Note = note;
    }

    public long Id { get; private set; }
    public Guid DocumentKey { get; private set; }
    public int? EditionNumber { get; private set; }
    public TimelineAction Action { get; private set; }
    public string Actor { get; private set; }

    /// <summary>The backoffice or API user, when a person (not the system) acted.</summary>
    public Guid? ActorKey { get; private set; }
    public string? IpAddress { get; private set; }
    public DateTime At { get; private set; }
    public string? Note { get; private set; }
}

public static class TimelineActionNames
{
    public static string ToVietnamese(this TimelineAction action) => action switch
    {
        TimelineAction.Created => "Tạo mới",
        TimelineAction.DraftSaved => "Lưu bản nháp",
        TimelineAction.Published => "Xuất bản",
        TimelineAction.Unpublished => "Gỡ xuất bản",
        TimelineAction.Scheduled => "Lên lịch",
        TimelineAction.RolledBack => "Khôi phục phiên bản",
        TimelineAction.DraftDiscarded => "Hủy bản nháp",
        TimelineAction.Moved => "Di chuyển",
        TimelineAction.Sorted => "Sắp xếp",
        TimelineAction.Trashed => "Chuyển vào thùng rác",
        TimelineAction.Restored => "Khôi phục từ thùng rác",
        TimelineAction.Imported => "Nhập dữ liệu",
        TimelineAction.Deleted => "Xóa vĩnh viễn",
        TimelineAction.SentForApproval => "Gửi duyệt",
        TimelineAction.Approved => "Duyệt và xuất bản",
        TimelineAction.Rejected => "Trả lại",
        TimelineAction.ForcePublished => "Xuất bản không qua duyệt",
        TimelineAction.Reviewed => "Xem xét lại bản xuất bản không qua duyệt",
        _ => action.ToString(),
    };
}
