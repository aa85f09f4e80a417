namespace Portal.Core.Content;

public enum EditionStatus
{
    Draft = 0,
    InReview = 1,
    Scheduled = 2,
    Published = 3,
    Superseded = 4,
    Unpublished = 5,
    Discarded = 6,
}

public static class EditionStatusExtensions
{
    /// <summary>The one edition an editor is still working on: it may change, unlike a published or superseded one.</summary>
    public static bool IsPending(this EditionStatus status) =>
        status is EditionStatus.Draft or EditionStatus.InReview or EditionStatus.Scheduled;

    public static string ToVietnamese(this EditionStatus status) => status switch
    {
        EditionStatus.Draft => "Bản nháp",
        EditionStatus.InReview => "Chờ duyệt",
        EditionStatus.Scheduled => "Đã lên lịch",
        EditionStatus.Published => "Đang xuất bản",
        EditionStatus.Superseded => "Đã được thay thế",
        EditionStatus.Unpublished => "Đã gỡ xuất bản",
        EditionStatus.Discarded => "Đã hủy",
        _ => status.ToString(),
    };
}
