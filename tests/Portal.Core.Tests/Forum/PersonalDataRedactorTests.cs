using Portal.Core.Forum;

namespace Portal.Core.Tests.Forum;

public sealed class PersonalDataRedactorTests
{
    [Theory]
    [InlineData("Liên hệ tôi qua nguyen.van.a@gmail.com nhé", "Liên hệ tôi qua [đã ẩn] nhé")]
    [InlineData("Số điện thoại của tôi là 0905123456.", "Số điện thoại của tôi là [đã ẩn].")]
    [InlineData("Gọi 0905 123 456 giúp tôi", "Gọi [đã ẩn] giúp tôi")]
    [InlineData("Gọi +84 905.123.456 giúp tôi", "Gọi [đã ẩn] giúp tôi")]
    [InlineData("Số CCCD 062095001234 của tôi", "Số CCCD [đã ẩn] của tôi")]
    [InlineData("CMND cũ 233123456 đã hết hạn", "CMND cũ [đã ẩn] đã hết hạn")]
    public void Redact_PersonalData_IsMasked(string text, string expected)
    {
        Assert.Equal(expected, PersonalDataRedactor.Redact(text));
        Assert.True(PersonalDataRedactor.HasPersonalData(text));
    }

    [Fact]
    public void Redact_SeveralKinds_MasksEach()
    {
        var text = "Tôi là Nguyễn Văn A, e-mail a@example.vn, điện thoại 0260 3862 123, CCCD 062095001234.";

        var redacted = PersonalDataRedactor.Redact(text);

        Assert.Equal("Tôi là Nguyễn Văn A, e-mail [đã ẩn], điện thoại [đã ẩn], CCCD [đã ẩn].", redacted);
    }

    [Theory]
    [InlineData("Thủ tục cấp giấy phép xây dựng cần những giấy tờ gì?")]
    [InlineData("Theo Nghị định 20/2008/NĐ-CP, thời hạn là 10 ngày làm việc.")]
    [InlineData("Năm 2026 có 12 tháng.")]
    public void Redact_OrdinaryText_IsUnchanged(string text)
    {
        Assert.Equal(text, PersonalDataRedactor.Redact(text));
        Assert.False(PersonalDataRedactor.HasPersonalData(text));
    }
}
