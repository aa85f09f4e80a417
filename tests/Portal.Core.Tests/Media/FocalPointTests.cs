using Portal.Core.Media;

namespace Portal.Core.Tests.Media;

public sealed class FocalPointTests
{
    [Theory]
    [InlineData("0.5,0.5", 0.5, 0.5)]
    [InlineData("0,1", 0, 1)]
    [InlineData(" 0.25 , 0.75 ", 0.25, 0.75)]
    public void TryParse_TwoFractions_GivesThePoint(string text, double left, double top)
    {
        Assert.True(FocalPoint.TryParse(text, out var point));
        Assert.Equal(new FocalPoint(left, top), point);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0.5")]
    [InlineData("0,5,0,5")]
    [InlineData("1.5,0.5")]
    [InlineData("-0.1,0.5")]
    [InlineData("NaN,0.5")]
    [InlineData("giữa,giữa")]
    [InlineData(null)]
    public void TryParse_AnythingElse_IsRefused(string? text)
    {
        Assert.False(FocalPoint.TryParse(text, out _));
    }

    [Fact]
    public void Centre_Default_IsTheMiddleAndPrintsAsRxy()
    {
        Assert.Equal("0.5,0.5", FocalPoint.Centre.ToString());
        Assert.True(FocalPoint.Centre.IsValid);
    }
}
