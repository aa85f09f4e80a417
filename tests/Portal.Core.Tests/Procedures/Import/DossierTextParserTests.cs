using Portal.Core.Procedures.Import;

namespace Portal.Core.Tests.Procedures.Import;

public sealed class DossierTextParserTests
{
    [Fact]
    public void Parse_ItemsRunTogether_RecoversNamesQuantitiesAndForms()
    {
        const string text = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
            + "Tờ khai đăng ký khai sinhmau01.docxBản chính: 1 - Bản sao: 0"
            + "Giấy chứng sinh1 bản chính"
            + "Chứng minh nhân dân của người đi đăng ký02 bản sao";

        var items = DossierTextParser.Parse(text);

        Assert.Equal(["Tờ khai đăng ký khai sinh", "Giấy chứng sinh", "Chứng minh nhân dân của người đi đăng ký"], items.Select(i => i.Name));
        Assert.Equal("mau01.docx", items[0].FormName);
        Assert.Equal((1, 0), (items[0].Originals, items[0].Copies));
        Assert.Equal("Bản chính: 1 - Bản sao: 0", items[0].QuantityText);
        Assert.Equal(1, items[1].Originals);
        Assert.Null(items[1].Copies);
        Assert.Equal(2, items[2].Copies);
        Assert.Equal("02 bản sao", items[2].QuantityText);
    }

    [Fact]
    public void Parse_CaseHeadings_LabelTheItemsThatFollow()
    {
        const string text = "Trường hợp đăng ký khai sinh đúng hạn:Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khaiBản chính: 1 - Bản sao: 0"
            + "Trường hợp đăng ký khai sinh quá hạn:Tờ khai1 bản chínhVăn bản cam đoan1 bản chính";

        var items = DossierTextParser.Parse(text);

        Assert.Equal(3, items.Count);
        Assert.Equal("Trường hợp đăng ký khai sinh đúng hạn", items[0].CaseLabel);
        Assert.Equal("Tờ khai", items[0].Name);
        Assert.Equal("Trường hợp đăng ký khai sinh quá hạn", items[1].CaseLabel);
        Assert.Equal("Tờ khai", items[1].Name);
        Assert.Equal("Trường hợp đăng ký khai sinh quá hạn", items[2].CaseLabel);
        Assert.Equal("Văn bản cam đoan", items[2].Name);
    }

    [Fact]
    public void Parse_FileNameWithoutKnownPrefix_StaysInTheNameRatherThanBeingCutWrongly()
    {
        var item = Assert.Single(DossierTextParser.Parse("Giấy chuyển hộ khẩu95-Giấy chuyển hộ khẩu.doc1 bản chính"));

        Assert.Equal("Giấy chuyển hộ khẩu95-Giấy chuyển hộ khẩu.doc", item.Name);
        Assert.Equal(string.Empty, item.FormName);
    }

    [Fact]
    public void Parse_Placeholder_GivesNoItems() => Assert.Empty(DossierTextParser.Parse("Không có thông tin"));

    [Theory]
    [InlineData("Bản chính: 2 - Bản sao: 1", 2, 1)]
    [InlineData("01 bản chính và 01 bản sao", 1, 1)]
    [InlineData("1 bản chính", 1, null)]
    [InlineData("Theo yêu cầu", null, null)]
    public void ReadQuantity_WrittenForms_GiveCounts(string text, int? originals, int? copies) =>
        Assert.Equal((originals, copies), DossierTextParser.ReadQuantity(text));
}
