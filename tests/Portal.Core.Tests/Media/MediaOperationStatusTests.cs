using Portal.Core.Media;

namespace Portal.Core.Tests.Media;

public sealed class MediaOperationStatusTests
{
    public static TheoryData<MediaOperationStatus> AllStatuses => new(Enum.GetValues<MediaOperationStatus>());

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void ToVietnamese_EveryStatus_HasItsOwnSentenceRatherThanTheEnumName(MediaOperationStatus status)
    {
        var message = status.ToVietnamese();

        Assert.NotEqual(status.ToString(), message);
        Assert.EndsWith(".", message);
    }

    [Fact]
    public void ToVietnamese_AllStatuses_AreDistinct()
    {
        var messages = Enum.GetValues<MediaOperationStatus>().Select(s => s.ToVietnamese()).ToList();

        Assert.Equal(messages.Count, messages.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ToVietnamese_AltTextRequired_NamesTheAccessibilityCircular()
    {
        Assert.Equal("Ảnh phải có văn bản thay thế (mô tả nội dung ảnh cho người khiếm thị) theo Thông tư 26/2020/TT-BTTTT.",
            MediaOperationStatus.AltTextRequired.ToVietnamese());
    }

    [Fact]
    public void ToVietnamese_Messages_AreNormalisedToNfc()
    {
        Assert.All(Enum.GetValues<MediaOperationStatus>(),
            s => Assert.True(s.ToVietnamese().IsNormalized(System.Text.NormalizationForm.FormC), s.ToString()));
    }
}
