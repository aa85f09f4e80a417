using Portal.Core.Workflow;

namespace Portal.Core.Tests.Workflow;

public sealed class ContentOperationStatusTests
{
    public static TheoryData<ContentOperationStatus> AllStatuses => new(Enum.GetValues<ContentOperationStatus>());

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void ToVietnamese_EveryStatus_HasItsOwnSentenceRatherThanTheEnumName(ContentOperationStatus status)
    {
        var message = status.ToVietnamese();

        Assert.NotEqual(status.ToString(), message);
        Assert.EndsWith(".", message);
    }

    [Fact]
    public void ToVietnamese_AllStatuses_AreDistinct()
    {
        var messages = Enum.GetValues<ContentOperationStatus>().Select(s => s.ToVietnamese()).ToList();

        Assert.Equal(messages.Count, messages.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(ContentOperationStatus.NothingToPublish, "Không có bản nháp nào để xuất bản.")]
    [InlineData(ContentOperationStatus.NothingToDiscard, "Không có bản nháp nào để hủy.")]
    [InlineData(ContentOperationStatus.DocumentTrashed, "Trang đang ở thùng rác.")]
    public void ToVietnamese_WorkflowRefusals_ReadAsVietnameseSentences(ContentOperationStatus status, string expected)
    {
        Assert.Equal(expected, status.ToVietnamese());
    }
}
