using Portal.Core.Schema;

namespace Portal.Core.Tests.Schema;

public sealed class FieldValueRulesTests
{
    private const string CategoryConfig = """{"multiple":false,"items":["Tin tức","Phóng sự"]}""";

    [Theory]
    [InlineData("0")]
    [InlineData("42")]
    [InlineData("-17")]
    [InlineData("9000000000")]
    public void Check_IntegerEditorWholeNumber_IsAccepted(string value)
    {
        Assert.Null(FieldValueRules.Check(FieldEditor.Integer, value, null));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("mười")]
    [InlineData("12a")]
    public void Check_IntegerEditorNotWholeNumber_IsRejectedInVietnamese(string value)
    {
        Assert.Equal("Giá trị phải là số nguyên.", FieldValueRules.Check(FieldEditor.Integer, value, null));
    }

    [Theory]
    [InlineData("3.14")]
    [InlineData("-0.5")]
    [InlineData("100")]
    public void Check_DecimalEditorInvariantNumber_IsAccepted(string value)
    {
        Assert.Null(FieldValueRules.Check(FieldEditor.Decimal, value, null));
    }

    [Theory]
    [InlineData("ba phẩy năm")]
    [InlineData("3.5.1")]
    public void Check_DecimalEditorNotANumber_IsRejectedInVietnamese(string value)
    {
        Assert.Equal("Giá trị phải là số (dùng dấu chấm cho phần thập phân).", FieldValueRules.Check(FieldEditor.Decimal, value, null));
    }

    [Theory]
    [InlineData("2018-12-31")]
    [InlineData("2018-12-31T23:59:00")]
    [InlineData("2018-12-31 23:59:00")]
    [InlineData("2018-12-31T23:59")]
    [InlineData("2018-12-31T23:59:00Z")]
    [InlineData("2018-12-31T23:59:00+07:00")]
    public void Check_DateEditorIsoDate_IsAccepted(string value)
    {
        Assert.Null(FieldValueRules.Check(FieldEditor.Date, value, null));
    }

    [Theory]
    [InlineData("31/12/2018")]
    [InlineData("12/31/2018")]
    [InlineData("2018-02-30")]
    [InlineData("hôm nay")]
    public void Check_DateEditorNotIsoDate_IsRejectedInVietnamese(string value)
    {
        Assert.Equal("Ngày không hợp lệ (định dạng yyyy-MM-dd).", FieldValueRules.Check(FieldEditor.Date, value, null));
    }

    [Fact]
    public void TryParseDate_OffsetDate_IsConvertedToUtc()
    {
        Assert.True(FieldValueRules.TryParseDate("2018-12-31T07:00:00+07:00", out var date));

        Assert.Equal(new DateTime(2018, 12, 31, 0, 0, 0, DateTimeKind.Utc), date);
        Assert.Equal(DateTimeKind.Utc, date.Kind);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("true")]
    [InlineData("False")]
    public void Check_ToggleEditorYesNoValue_IsAccepted(string value)
    {
        Assert.Null(FieldValueRules.Check(FieldEditor.Toggle, value, null));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("có")]
    [InlineData("yes")]
    public void Check_ToggleEditorOtherValue_IsRejectedInVietnamese(string value)
    {
        Assert.Equal("Giá trị phải là có (1) hoặc không (0).", FieldValueRules.Check(FieldEditor.Toggle, value, null));
    }

    [Theory]
    [InlineData("vanphong@kontum.gov.vn")]
    [InlineData("ubnd.dakha@kontum.gov.vn")]
    public void Check_EmailEditorAddress_IsAccepted(string value)
    {
        Assert.Null(FieldValueRules.Check(FieldEditor.Email, value, null));
    }

    [Theory]
    [InlineData("vanphong")]
    [InlineData("vanphong@kontum")]
    [InlineData("van phong@kontum.gov.vn")]
    [InlineData("a@@kontum.gov.vn")]
    public void Check_EmailEditorNotAnAddress_IsRejectedInVietnamese(string value)
    {
        Assert.Equal("Địa chỉ thư điện tử không hợp lệ.", FieldValueRules.Check(FieldEditor.Email, value, null));
    }

    [Theory]
    [InlineData("Tin tức")]
    [InlineData("Phóng sự")]
    [InlineData("""["Tin tức"]""")]
    public void Check_DropdownValueInConfiguredItems_IsAccepted(string value)
    {
        Assert.Null(FieldValueRules.Check(FieldEditor.Dropdown, value, CategoryConfig));
    }

    [Fact]
    public void Check_DropdownValueNotInConfiguredItems_IsRejectedNamingTheValue()
    {
        var message = FieldValueRules.Check(FieldEditor.Dropdown, "Thông báo", CategoryConfig);

        Assert.Equal("«Thông báo» không có trong danh sách lựa chọn.", message);
    }

    [Fact]
    public void Check_DropdownListWithOneUnknownValue_NamesTheUnknownValue()
    {
        var message = FieldValueRules.Check(FieldEditor.Dropdown, """["Tin tức","Ảnh"]""", CategoryConfig);

        Assert.Equal("«Ảnh» không có trong danh sách lựa chọn.", message);
    }

    [Fact]
    public void Check_DropdownDifferentCase_IsRejected()
    {
        Assert.NotNull(FieldValueRules.Check(FieldEditor.Dropdown, "tin tức", CategoryConfig));
    }

    [Fact]
    public void Check_DropdownItemsStoredAsValueObjects_AreUnderstood()
    {
        const string Config = """{"items":[{"id":1,"value":"Tin tức"},{"id":2,"value":"Phóng sự"}]}""";

        Assert.Null(FieldValueRules.Check(FieldEditor.Dropdown, "Phóng sự", Config));
        Assert.Equal("«Khác» không có trong danh sách lựa chọn.", FieldValueRules.Check(FieldEditor.Dropdown, "Khác", Config));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("""{"multiple":false}""")]
    [InlineData("không phải JSON")]
    public void Check_DropdownWithoutUsableItems_AcceptsAnyValue(string? config)
    {
        Assert.Null(FieldValueRules.Check(FieldEditor.Dropdown, "Bất kỳ", config));
    }

    [Fact]
    public void DropdownItems_Config_ListsItemsInOrder()
    {
        Assert.Equal(["Tin tức", "Phóng sự"], FieldValueRules.DropdownItems(CategoryConfig));
    }

    [Theory]
    [InlineData("""["Tin tức","Phóng sự"]""")]
    [InlineData("Tin tức, Phóng sự")]
    public void ReadList_JsonArrayOrCommaText_ReturnsTrimmedItems(string value)
    {
        Assert.Equal(["Tin tức", "Phóng sự"], FieldValueRules.ReadList(value));
    }

    [Fact]
    public void Check_ContentPickerDocumentUdi_IsAccepted()
    {
        var udi = "umb://document/" + Guid.NewGuid().ToString("N");

        Assert.Null(FieldValueRules.Check(FieldEditor.ContentPicker, udi, null));
    }

    [Fact]
    public void Check_ContentPickerFormattedUdi_IsAccepted()
    {
        Assert.Null(FieldValueRules.Check(FieldEditor.ContentPicker, DocumentUdi.Format(Guid.NewGuid()), null));
    }

    [Theory]
    [InlineData("trang-chu")]
    [InlineData("umb://document/xyz")]
    [InlineData("umb://document/0f8fad5bd9cb469fa16570867728950")]
    [InlineData("umb://media/0f8fad5bd9cb469fa16570867728950e")]
    public void Check_ContentPickerGarbage_IsRejectedInVietnamese(string value)
    {
        Assert.Equal("Liên kết tới trang không hợp lệ.", FieldValueRules.Check(FieldEditor.ContentPicker, value, null));
    }

    [Fact]
    public void Check_MultiContentPickerListOfUdis_IsAccepted()
    {
        var value = $"{DocumentUdi.Format(Guid.NewGuid())},{DocumentUdi.Format(Guid.NewGuid())}";

        Assert.Null(FieldValueRules.Check(FieldEditor.MultiContentPicker, value, null));
    }

    [Fact]
    public void Check_MultiContentPickerWithOneBadEntry_IsRejectedInVietnamese()
    {
        var value = $"{DocumentUdi.Format(Guid.NewGuid())},trang-chu";

        Assert.Equal("Danh sách trang được chọn không hợp lệ.", FieldValueRules.Check(FieldEditor.MultiContentPicker, value, null));
    }

    [Theory]
    [InlineData("""{"markup":"<p>Xin chào</p>","blocks":null}""")]
    [InlineData("""{"markup":null}""")]
    public void Check_RichTextJsonWithMarkup_IsAccepted(string value)
    {
        Assert.Null(FieldValueRules.Check(FieldEditor.RichText, value, null));
    }

    [Theory]
    [InlineData("<p>Xin chào</p>")]
    [InlineData("""{"blocks":null}""")]
    [InlineData("""{"markup":5}""")]
    [InlineData("""["<p>Xin chào</p>"]""")]
    public void Check_RichTextWithoutMarkupJson_IsRejectedInVietnamese(string value)
    {
        Assert.Equal("Nội dung định dạng không hợp lệ.", FieldValueRules.Check(FieldEditor.RichText, value, null));
    }

    [Theory]
    [InlineData("""["thời sự","kinh tế"]""")]
    [InlineData("thời sự, kinh tế")]
    public void Check_TagsJsonArrayOrPlainText_IsAccepted(string value)
    {
        Assert.Null(FieldValueRules.Check(FieldEditor.Tags, value, null));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("[\"thời sự\"")]
    public void Check_TagsBrokenJsonArray_IsRejectedInVietnamese(string value)
    {
        Assert.Equal("Danh sách thẻ không hợp lệ.", FieldValueRules.Check(FieldEditor.Tags, value, null));
    }

    [Fact]
    public void Check_MediaPickerJsonArray_IsAcceptedAndOtherwiseRejected()
    {
        Assert.Null(FieldValueRules.Check(FieldEditor.MediaPicker, """[{"mediaKey":"0f8fad5b-d9cb-469f-a165-70867728950e"}]""", null));
        Assert.Equal("Tệp đa phương tiện được chọn không hợp lệ.", FieldValueRules.Check(FieldEditor.MediaPicker, "anh.jpg", null));
    }

    [Fact]
    public void Check_BlockListJsonObject_IsAcceptedAndOtherwiseRejected()
    {
        Assert.Null(FieldValueRules.Check(FieldEditor.BlockList, """{"layout":{},"contentData":[]}""", null));
        Assert.Equal("Danh sách khối nội dung không hợp lệ.", FieldValueRules.Check(FieldEditor.BlockList, "[]", null));
    }

    [Theory]
    [InlineData(FieldEditor.Text)]
    [InlineData(FieldEditor.TextArea)]
    [InlineData(FieldEditor.Unknown)]
    public void Check_FreeTextEditors_AcceptAnything(FieldEditor editor)
    {
        Assert.Null(FieldValueRules.Check(editor, "{không phải JSON} 31/12/2018 @@", null));
    }

    [Theory]
    [InlineData("3,5")]
    [InlineData("1,000.5")]
    public void Check_DecimalEditorWithComma_IsRejected(string value)
    {
        Assert.Equal("Giá trị phải là số (dùng dấu chấm cho phần thập phân).", FieldValueRules.Check(FieldEditor.Decimal, value, null));
    }
}
