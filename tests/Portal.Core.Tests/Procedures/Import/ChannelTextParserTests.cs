using Portal.Core.Procedures.Import;

namespace Portal.Core.Tests.Procedures.Import;

public sealed class ChannelTextParserTests
{
    [Fact]
    public void Parse_ThreeChannelsRunTogether_RecoversEachRowWithItsTimeAndFee()
    {
        const string text = "Hình thức nộpThời gianPhí, lệ phíMô tả"
            + "Trực tiếp15 Ngày làm việcPhí : 50.000 ĐồngNộp tại Bộ phận một cửa của Sở Tư pháp"
            + "Trực tuyến10 Ngày làm việcLệ phí : 25 USD(Cấp thị thực có giá trị một lần)Nộp qua Cổng dịch vụ công"
            + "Dịch vụ bưu chính12 Ngày làm việcPhí : 50.000 đồngGửi hồ sơ qua bưu điện";

        var channels = ChannelTextParser.Parse(text);

        Assert.Equal(["Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính"], channels.Select(c => c.Kind));
        Assert.Equal(["15 Ngày làm việc", "10 Ngày làm việc", "12 Ngày làm việc"], channels.Select(c => c.TimeLimit));
        Assert.Equal(50000m, channels[0].FeeAmount);
        Assert.Equal("VND", channels[0].FeeCurrency);
        Assert.Equal("Phí : 50.000 Đồng", channels[0].FeeText);
        Assert.Equal("Nộp tại Bộ phận một cửa của Sở Tư pháp", channels[0].Description);
        Assert.Equal(25m, channels[1].FeeAmount);
        Assert.Equal("USD", channels[1].FeeCurrency);
        Assert.Equal("Lệ phí : 25 USD(Cấp thị thực có giá trị một lần)", channels[1].FeeText);
        Assert.Equal("Nộp qua Cổng dịch vụ công", channels[1].Description);
        Assert.Equal("VND", channels[2].FeeCurrency);
        Assert.Equal("Gửi hồ sơ qua bưu điện", channels[2].Description);
    }

    [Fact]
    public void Parse_FeeInVnd_ReadsDotsAsThousands()
    {
        var channels = ChannelTextParser.Parse("Trực tiếp5 Ngày làm việcLệ phí : 1.500.000 VNĐ");

        var channel = Assert.Single(channels);
        Assert.Equal(1500000m, channel.FeeAmount);
        Assert.Equal("VND", channel.FeeCurrency);
    }

    [Fact]
    public void Parse_NoFee_RecordsZeroAndKeepsTheWord()
    {
        var channels = ChannelTextParser.Parse("Trực tiếp03 Ngày làm việcKhôngNộp hồ sơ tại UBND cấp xã");

        var channel = Assert.Single(channels);
        Assert.Equal("03 Ngày làm việc", channel.TimeLimit);
        Assert.Equal(0m, channel.FeeAmount);
        Assert.Equal("Không", channel.FeeText);
        Assert.Equal("Nộp hồ sơ tại UBND cấp xã", channel.Description);
    }

    [Fact]
    public void Parse_TwoDifferentFees_KeepsTextButStatesNoSingleAmount()
    {
        var channels = ChannelTextParser.Parse("Trực tiếp7 Ngày làm việcLệ phí : 100.000 ĐồngPhí : 20.000 Đồng");

        var channel = Assert.Single(channels);
        Assert.Null(channel.FeeAmount);
        Assert.Equal("Lệ phí : 100.000 ĐồngPhí : 20.000 Đồng", channel.FeeText);
    }

    [Fact]
    public void Parse_ChannelNameInsideDescription_DoesNotStartANewRow()
    {
        var channels = ChannelTextParser.Parse("Trực tiếp5 Ngày làm việcPhí : 10.000 ĐồngCó thể nộp Trực tuyến nếu đã có tài khoản");

        var channel = Assert.Single(channels);
        Assert.Equal("Có thể nộp Trực tuyến nếu đã có tài khoản", channel.Description);
    }

    [Theory]
    [InlineData("Không có thông tin")]
    [InlineData("  ")]
    [InlineData("")]
    public void Parse_Placeholder_GivesNoChannels(string text) => Assert.Empty(ChannelTextParser.Parse(text));

    [Theory]
    [InlineData("Nộp trực tuyến", "Trực tuyến")]
    [InlineData("Qua dịch vụ bưu chính công ích", "Dịch vụ bưu chính")]
    [InlineData("TRỰC TIẾP", "Trực tiếp")]
    [InlineData("Fax", null)]
    public void NormaliseKind_UsualSpellings_GiveTheDropdownChoice(string written, string? expected) =>
        Assert.Equal(expected, ChannelTextParser.NormaliseKind(written));
}
