using Portal.Core.Content;

namespace Portal.Core.Tests.Content;

public sealed class EditionStatusTests
{
    [Theory]
    [InlineData(EditionStatus.Draft, true)]
    [InlineData(EditionStatus.InReview, true)]
    [InlineData(EditionStatus.Scheduled, true)]
    [InlineData(EditionStatus.Published, false)]
    [InlineData(EditionStatus.Superseded, false)]
    [InlineData(EditionStatus.Unpublished, false)]
    [InlineData(EditionStatus.Discarded, false)]
    public void IsPending_EachStatus_OnlyWorkInProgressIsPending(EditionStatus status, bool expected)
    {
        Assert.Equal(expected, status.IsPending());
    }

    [Theory]
    [InlineData(EditionStatus.Draft, "Bản nháp")]
    [InlineData(EditionStatus.InReview, "Chờ duyệt")]
    [InlineData(EditionStatus.Scheduled, "Đã lên lịch")]
    [InlineData(EditionStatus.Published, "Đang xuất bản")]
    [InlineData(EditionStatus.Superseded, "Đã được thay thế")]
    [InlineData(EditionStatus.Unpublished, "Đã gỡ xuất bản")]
    [InlineData(EditionStatus.Discarded, "Đã hủy")]
    public void ToVietnamese_EachStatus_ShowsVietnameseLabel(EditionStatus status, string expected)
    {
        Assert.Equal(expected, status.ToVietnamese());
    }
}
