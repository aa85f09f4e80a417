using System.Text;
using Portal.Core.Forum;

namespace Portal.Core.Tests.Forum;

public sealed class NewQuestionTests
{
    private const string Title = "Thủ tục cấp giấy phép xây dựng nhà ở";
    private const string Body = "Tôi muốn xây nhà ở tại phường Quyết Thắng, cần chuẩn bị những giấy tờ gì?";
    private const string Name = "Nguyễn Văn An";
    private const string Email = "an.nguyen@example.vn";

    private static readonly string[] Topics = ["Đất đai", "Xây dựng"];

    private static (NewQuestion? Question, IReadOnlyDictionary<string, string> Errors) Create(
        QuestionKind? kind = QuestionKind.Inquiry, string? title = Title, string? body = Body, string? topic = null,
        string? name = Name, string? contact = Email, IReadOnlyCollection<string>? topics = null) =>
        NewQuestion.Create(kind, title, body, topic, null, null, name, contact, topics ?? Topics);

    [Fact]
    public void Create_ValidForm_GivesQuestionWithoutErrors()
    {
        var unit = Guid.NewGuid();

        var (question, errors) = NewQuestion.Create(QuestionKind.Feedback, Title, Body, "Xây dựng", unit, "1.001194", Name, Email, Topics);

        Assert.Empty(errors);
        Assert.NotNull(question);
        Assert.Equal(QuestionKind.Feedback, question.Kind);
        Assert.Equal(Title, question.Title);
        Assert.Equal(Body, question.Body);
        Assert.Equal("Xây dựng", question.Topic);
        Assert.Equal(unit, question.AboutUnitKey);
        Assert.Equal("1.001194", question.ProcedureCode);
        Assert.Equal(Name, question.AskerName);
    }

    [Fact]
    public void Create_EmptyForm_ReportsEveryFieldInVietnamese()
    {
        var (question, errors) = NewQuestion.Create(null, null, "  ", null, null, null, "", null, Topics);

        Assert.Null(question);
        Assert.Equal(["body", "contact", "kind", "name", "title"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Vui lòng chọn loại: hỏi đáp hoặc phản ánh, kiến nghị.", errors["kind"]);
        Assert.Equal("Tiêu đề cần từ 10 đến 200 ký tự.", errors["title"]);
        Assert.Equal("Nội dung cần từ 20 đến 5000 ký tự.", errors["body"]);
        Assert.Equal("Vui lòng nhập họ và tên (hoặc tên tổ chức).", errors["name"]);
        Assert.Equal("Vui lòng nhập e-mail hoặc số điện thoại hợp lệ để nhận trả lời (không công khai).", errors["contact"]);
    }

    [Fact]
    public void Create_TitleTooShortOrTooLong_TitleError()
    {
        Assert.Equal(["title"], Create(title: "Hỏi đáp").Errors.Keys);
        Assert.Equal(["title"], Create(title: new string('a', NewQuestion.TitleMax + 1)).Errors.Keys);
        Assert.Empty(Create(title: new string('a', NewQuestion.TitleMax)).Errors);
    }

    [Fact]
    public void Create_BodyTooShortOrTooLong_BodyError()
    {
        Assert.Equal(["body"], Create(body: "Cần giấy tờ gì?").Errors.Keys);
        Assert.Equal(["body"], Create(body: new string('a', NewQuestion.BodyMax + 1)).Errors.Keys);
    }

    [Fact]
    public void Create_NameOfOneLetter_NameError()
    {
        Assert.Equal(["name"], Create(name: "A").Errors.Keys);
    }

    [Fact]
    public void Create_TopicNotInList_TopicError()
    {
        var (question, errors) = Create(topic: "Giáo dục");

        Assert.Null(question);
        Assert.Equal("Lĩnh vực không có trong danh sách.", errors["topic"]);
    }

    [Fact]
    public void Create_TopicWhenNoListConfigured_Accepted()
    {
        var (question, errors) = Create(topic: "Giáo dục", topics: []);

        Assert.Empty(errors);
        Assert.Equal("Giáo dục", question!.Topic);
    }

    [Fact]
    public void Create_EmptyTopic_StoredAsNull()
    {
        var (question, _) = Create(topic: "   ");

        Assert.Null(question!.Topic);
    }

    [Fact]
    public void Create_DecomposedText_StoredInNfc()
    {
        var decomposedTitle = "Thu\u0309 tu\u0323c ca\u0302\u0301p gia\u0302\u0301y phe\u0301p xa\u0302y du\u031b\u0323ng";
        var decomposedName = "Nguye\u0302\u0303n Va\u0306n An";
        Assert.False(decomposedTitle.IsNormalized(NormalizationForm.FormC));

        var (question, errors) = Create(title: decomposedTitle, name: decomposedName);

        Assert.Empty(errors);
        Assert.True(question!.Title.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("Thủ tục cấp giấy phép xây dựng", question.Title);
        Assert.Equal("Nguyễn Văn An", question.AskerName);
    }

    [Fact]
    public void Create_ControlCharactersAndExtraSpaces_Stripped()
    {
        var (question, _) = Create(title: "  Thủ tục\u0007 cấp   giấy\u0000 phép  ", name: "Nguyễn\u001b Văn   An");

        Assert.Equal("Thủ tục cấp giấy phép", question!.Title);
        Assert.Equal("Nguyễn Văn An", question.AskerName);
    }

    [Fact]
    public void Create_Title_LineBreaksBecomeSpaces()
    {
        var (question, _) = Create(title: "Thủ tục cấp\r\ngiấy phép");

        Assert.Equal("Thủ tục cấp giấy phép", question!.Title);
    }

    [Fact]
    public void Create_Body_KeepsLineBreaksButCollapsesBlankRuns()
    {
        var (question, _) = Create(body: "Kính gửi Sở Xây dựng,\r\n\r\n\r\n\r\nTôi muốn hỏi về giấy phép xây dựng.\rXin cảm ơn.");

        Assert.Equal("Kính gửi Sở Xây dựng,\n\nTôi muốn hỏi về giấy phép xây dựng.\nXin cảm ơn.", question!.Body);
    }

    [Fact]
    public void Create_Email_LowerCasedAndMarkedAsEmail()
    {
        var (question, errors) = Create(contact: "  An.Nguyen@Example.VN ");

        Assert.Empty(errors);
        Assert.Equal("an.nguyen@example.vn", question!.Contact);
        Assert.True(question.ContactIsEmail);
    }

    [Theory]
    [InlineData("+84 905 123 456", "0905123456")]
    [InlineData("0905.123.456", "0905123456")]
    [InlineData("0905-123-456", "0905123456")]
    [InlineData("0260 3862 123", "02603862123")]
    public void Create_Phone_StoredAsDigitsAndNotEmail(string typed, string expected)
    {
        var (question, errors) = Create(contact: typed);

        Assert.Empty(errors);
        Assert.Equal(expected, question!.Contact);
        Assert.False(question.ContactIsEmail);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("an.nguyen@")]
    [InlineData("an nguyen@example.vn")]
    [InlineData("0905 123")]
    [InlineData("+1 202 555 0100")]
    [InlineData("905123456")]
    [InlineData("0905abc456")]
    public void Create_InvalidContact_ContactError(string typed)
    {
        var (question, errors) = Create(contact: typed);

        Assert.Null(question);
        Assert.Equal(["contact"], errors.Keys);
        Assert.Null(NewQuestion.NormalizeContact(typed));
    }
}
