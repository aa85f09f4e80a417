using Portal.Core.Schema;

namespace Portal.Core.Tests.Schema;

public sealed class FieldTextTests
{
    [Fact]
    public void Plain_RichTextJson_TagsRemovedAndEntitiesDecoded() =>
        Assert.Equal("Thủ tục & hồ sơ trực tuyến", FieldText.Plain("{\"markup\":\"<p>Thủ tục &amp; <b>hồ sơ</b></p><p>trực tuyến</p>\",\"blocks\":null}"));

    [Fact]
    public void Plain_BlockListJson_TextLeavesKeptKeysDropped()
    {
        var blocks = """
            {"layout":{"Umbraco.BlockList":[{"contentKey":"7c6f0d3e-55f1-4f6a-9a38-0b0d1d2f7e11"}]},
             "contentData":[{"key":"7c6f0d3e-55f1-4f6a-9a38-0b0d1d2f7e11","contentTypeKey":"0e1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
               "values":[{"alias":"stepText","value":"Nộp hồ sơ tại Bộ phận một cửa"},{"alias":"unit","value":"umb://document/0e1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d"}]}]}
            """;

        var text = FieldText.Plain(blocks);

        Assert.Contains("Nộp hồ sơ tại Bộ phận một cửa", text, StringComparison.Ordinal);
        Assert.DoesNotContain("umb://", text, StringComparison.Ordinal);
        Assert.DoesNotContain("7c6f0d3e", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("umb://document/0e1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d")]
    [InlineData("1")]
    [InlineData("false")]
    [InlineData("2026-11-29")]
    [InlineData("  ")]
    public void Plain_MachineValue_Empty(string stored) => Assert.Equal(string.Empty, FieldText.Plain(stored));

    [Fact]
    public void Plain_PlainText_WhitespaceCollapsed() => Assert.Equal("Sở Nội vụ tỉnh Kon Tum", FieldText.Plain("Sở  Nội vụ\n tỉnh Kon Tum"));
}
