using Portal.Core.Procedures.Import;

namespace Portal.Core.Tests.Procedures.Import;

public sealed class OtherTextParserTests
{
    [Fact]
    public void LegalBasis_NumbersFirstRunTogether_RecoversNumbersAndTitles()
    {
        const string text = "Số ký hiệuTrích yếuNgày ban hànhCơ quan ban hành"
            + "47/2014/QH13Luật Xuất cảnh, nhập cảnh của người nước ngoài16-06-2014Quốc hội"
            + "25/2021/TT-BTCQuy định mức thu lệ phí trong lĩnh vực xuất nhập cảnh07-04-2021Bộ Tài chính"
            + "45/2016/QĐ-TTgQuyết định về tiếp nhận hồ sơ qua dịch vụ bưu chính công ích19-10-2016Thủ tướng Chính phủ";

        var documents = LegalBasisTextParser.Parse(text);

        Assert.Equal(["47/2014/QH13", "25/2021/TT-BTC", "45/2016/QĐ-TTg"], documents.Select(d => d.Number));
        Assert.Equal("Luật Xuất cảnh, nhập cảnh của người nước ngoài", documents[0].Title);
        Assert.Equal("Quy định mức thu lệ phí trong lĩnh vực xuất nhập cảnh", documents[1].Title);
    }

    [Fact]
    public void LegalBasis_TitlesFirst_TakesTheTitleBeforeEachNumber()
    {
        var documents = LegalBasisTextParser.Parse("Nghị định về kiểm soát thủ tục hành chính63/2010/NĐ-CPThông tư quy định về hộ chiếu22/2023/TT-BCA");

        Assert.Equal(["63/2010/NĐ-CP", "22/2023/TT-BCA"], documents.Select(d => d.Number));
        Assert.Equal(["Nghị định về kiểm soát thủ tục hành chính", "Thông tư quy định về hộ chiếu"], documents.Select(d => d.Title));
    }

    [Fact]
    public void LegalBasis_OneDocumentPerLine_KeepsEachLineAsTitle()
    {
        var documents = LegalBasisTextParser.Parse("Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014\nNghị định số 123/2015/NĐ-CP ngày 15/11/2015");

        Assert.Equal(["60/2014/QH13", "123/2015/NĐ-CP"], documents.Select(d => d.Number));
        Assert.Equal("Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014", documents[0].Title);
    }

    [Fact]
    public void Results_CodesRunTogether_PairEachNameWithItsCode()
    {
        var results = ResultTextParser.Parse("Tên kết quảMã kết quảThị thực loại dán hoặc rờiKQ.G01.000076Giấy miễn thị thựcKQ.G01.000077");

        Assert.Equal(["Thị thực loại dán hoặc rời", "Giấy miễn thị thực"], results.Select(r => r.Name));
        Assert.Equal(["KQ.G01.000076", "KQ.G01.000077"], results.Select(r => r.Code));
    }

    [Fact]
    public void Results_NoCodes_OneResultPerLine()
    {
        var results = ResultTextParser.Parse("Giấy khai sinh\nBản sao Giấy khai sinh");

        Assert.Equal(["Giấy khai sinh", "Bản sao Giấy khai sinh"], results.Select(r => r.Name));
        Assert.All(results, r => Assert.Equal(string.Empty, r.Code));
    }

    [Fact]
    public void Steps_NumberedSteps_SplitInOrderWithoutTheMarkers()
    {
        var steps = StepTextParser.Parse("Bước 1: Nộp hồ sơ tại Bộ phận một cửa.Bước 2: Cán bộ kiểm tra hồ sơ, nếu thiếu thì hướng dẫn như Bước 1.Bước 3: Nhận kết quả.");

        Assert.Equal(["Nộp hồ sơ tại Bộ phận một cửa.", "Cán bộ kiểm tra hồ sơ, nếu thiếu thì hướng dẫn như Bước 1.", "Nhận kết quả."], steps);
    }

    [Fact]
    public void Steps_Placeholder_GivesNoSteps() => Assert.Empty(StepTextParser.Parse("Không có thông tin"));
}
