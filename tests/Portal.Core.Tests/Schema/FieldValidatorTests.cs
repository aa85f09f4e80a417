using Portal.Core.Schema;

namespace Portal.Core.Tests.Schema;

public sealed class FieldValidatorTests
{
    private static readonly Guid TextBoxKey = Guid.Parse("0cc0eba1-9960-42c9-bf9b-60e150b429ae");
    private static readonly Guid IntegerKey = Guid.Parse("2e6d3631-066e-44b8-aec4-96f09099b2b5");
    private static readonly Guid DateKey = Guid.Parse("5046194e-4237-453c-a547-15db3a07c4e1");
    private static readonly Guid CategoryKey = Guid.Parse("f38f0ac7-1d27-439c-9f3f-089cd8825a53");
    private static readonly Guid PickerKey = Guid.Parse("fd1e0da5-5606-4862-b679-5d0cf3a52a59");
    private static readonly Guid RichTextKey = Guid.Parse("ca90c950-0aff-4e72-b976-a30b1ac57dad");

    private static FieldDefinition Field(string alias, string name, Guid dataTypeKey, string editorAlias) => new()
    {
        Key = Guid.NewGuid(),
        Alias = alias,
        Name = name,
        DataTypeKey = dataTypeKey,
        EditorAlias = editorAlias,
    };

    private static ContentType ArticleType(params FieldDefinition[] extraFields) => new()
    {
        Key = Guid.NewGuid(),
        Alias = "tinTuc",
        Name = "Tin tức",
        Fields =
        [
            Field("tomTat", "Tóm tắt", TextBoxKey, "Umbraco.TextBox"),
            Field("soLuotXem", "Số lượt xem", IntegerKey, "Umbraco.Integer"),
            Field("ngayBanHanh", "Ngày ban hành", DateKey, "Umbraco.DateTime"),
            Field("chuyenMuc", "Chuyên mục", CategoryKey, "Umbraco.DropDown.Flexible"),
            Field("trangLienQuan", "Trang liên quan", PickerKey, "Umbraco.ContentPicker"),
            Field("noiDung", "Nội dung", RichTextKey, "Umbraco.RichText"),
            .. extraFields,
        ],
    };

    private static InMemorySchemaCatalog Catalog(ContentType contentType) => new(
        [contentType],
        [
            new DataType(TextBoxKey, "Textstring", "Umbraco.TextBox", "Umb.PropertyEditorUi.TextBox", "{}"),
            new DataType(IntegerKey, "Numeric", "Umbraco.Integer", "Umb.PropertyEditorUi.Integer", "{}"),
            new DataType(DateKey, "Date Picker", "Umbraco.DateTime", "Umb.PropertyEditorUi.DatePicker", "{}"),
            new DataType(CategoryKey, "Chuyên mục", "Umbraco.DropDown.Flexible", "Umb.PropertyEditorUi.Dropdown",
                """{"multiple":false,"items":["Tin tức","Phóng sự"]}"""),
            new DataType(PickerKey, "Content Picker", "Umbraco.ContentPicker", "Umb.PropertyEditorUi.DocumentPicker", "{}"),
            new DataType(RichTextKey, "Rich Text", "Umbraco.RichText", "Umb.PropertyEditorUi.Tiptap", "{}"),
        ]);

    private static Dictionary<string, string> Values(params (string Alias, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Alias, p => p.Value, StringComparer.Ordinal);

    [Fact]
    public void Validate_AllValuesValid_ReturnsNoErrors()
    {
        var type = ArticleType();
        var values = Values(
            ("tomTat", "Hội nghị tổng kết năm 2024"),
            ("soLuotXem", "120"),
            ("ngayBanHanh", "2024-12-31"),
            ("chuyenMuc", "Phóng sự"),
            ("trangLienQuan", DocumentUdi.Format(Guid.NewGuid())),
            ("noiDung", """{"markup":"<p>Nội dung</p>","blocks":null}"""));

        var errors = FieldValidator.Validate(type, Catalog(type), "Hội nghị tổng kết", values, requireMandatory: true);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_EmptyName_ReportsErrorOnNameField(string name)
    {
        var type = ArticleType();

        var errors = FieldValidator.Validate(type, Catalog(type), name, Values(), requireMandatory: false);

        Assert.Equal([new FieldError("name", "Vui lòng nhập tên trang.")], errors);
    }

    [Fact]
    public void Validate_NameLongerThan255_ReportsErrorOnNameField()
    {
        var type = ArticleType();

        var errors = FieldValidator.Validate(type, Catalog(type), new string('a', 256), Values(), requireMandatory: false);

        Assert.Equal([new FieldError("name", "Tên trang không được dài quá 255 ký tự.")], errors);
    }

    [Fact]
    public void Validate_NameOf255Characters_IsAccepted()
    {
        var type = ArticleType();

        var errors = FieldValidator.Validate(type, Catalog(type), new string('ư', 255), Values(), requireMandatory: false);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_UnknownFieldAlias_IsRejectedNamingTypeAndAlias()
    {
        var type = ArticleType();

        var errors = FieldValidator.Validate(type, Catalog(type), "Bài viết", Values(("tacGia", "Nguyễn Văn A")), requireMandatory: false);

        Assert.Equal([new FieldError("tacGia", "Loại nội dung «Tin tức» không có trường «tacGia».")], errors);
    }

    [Fact]
    public void Validate_MandatoryFieldMissingOnDraft_IsAllowed()
    {
        var type = ArticleType(Field("nguon", "Nguồn tin", TextBoxKey, "Umbraco.TextBox") with { Mandatory = true });

        var errors = FieldValidator.Validate(type, Catalog(type), "Bài viết", Values(), requireMandatory: false);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Validate_MandatoryFieldMissingOnPublish_UsesDefaultMessage(string? presentValue)
    {
        var type = ArticleType(Field("nguon", "Nguồn tin", TextBoxKey, "Umbraco.TextBox") with { Mandatory = true });
        var values = presentValue is null ? Values() : Values(("nguon", presentValue));

        var errors = FieldValidator.Validate(type, Catalog(type), "Bài viết", values, requireMandatory: true);

        Assert.Equal([new FieldError("nguon", "Vui lòng nhập «Nguồn tin».")], errors);
    }

    [Fact]
    public void Validate_MandatoryFieldMissingOnPublish_UsesFieldMandatoryMessageWhenSet()
    {
        var type = ArticleType(Field("nguon", "Nguồn tin", TextBoxKey, "Umbraco.TextBox") with
        {
            Mandatory = true,
            MandatoryMessage = "Bài viết phải ghi rõ nguồn.",
        });

        var errors = FieldValidator.Validate(type, Catalog(type), "Bài viết", Values(), requireMandatory: true);

        Assert.Equal([new FieldError("nguon", "Bài viết phải ghi rõ nguồn.")], errors);
    }

    [Fact]
    public void Validate_MandatoryFieldFilledOnPublish_IsAccepted()
    {
        var type = ArticleType(Field("nguon", "Nguồn tin", TextBoxKey, "Umbraco.TextBox") with { Mandatory = true });

        var errors = FieldValidator.Validate(type, Catalog(type), "Bài viết", Values(("nguon", "Báo Kon Tum")), requireMandatory: true);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_OptionalFieldMissingOnPublish_IsAccepted()
    {
        var type = ArticleType();

        var errors = FieldValidator.Validate(type, Catalog(type), "Bài viết", Values(), requireMandatory: true);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_IntegerFieldWithText_ReportsVietnameseMessageOnThatField()
    {
        var type = ArticleType();

        var errors = FieldValidator.Validate(type, Catalog(type), "Bài viết", Values(("soLuotXem", "một trăm")), requireMandatory: false);

        Assert.Equal([new FieldError("soLuotXem", "Giá trị phải là số nguyên.")], errors);
    }

    [Fact]
    public void Validate_DateFieldInVietnameseFormat_IsRejected()
    {
        var type = ArticleType();

        var errors = FieldValidator.Validate(type, Catalog(type), "Bài viết", Values(("ngayBanHanh", "31/12/2018")), requireMandatory: false);

        Assert.Equal([new FieldError("ngayBanHanh", "Ngày không hợp lệ (định dạng yyyy-MM-dd).")], errors);
    }

    [Fact]
    public void Validate_DropdownValueOutsideDataTypeItems_IsRejectedNamingTheValue()
    {
        var type = ArticleType();

        var errors = FieldValidator.Validate(type, Catalog(type), "Bài viết", Values(("chuyenMuc", "Thông báo")), requireMandatory: false);

        Assert.Equal([new FieldError("chuyenMuc", "«Thông báo» không có trong danh sách lựa chọn.")], errors);
    }

    [Fact]
    public void Validate_ContentPickerGarbage_IsRejected()
    {
        var type = ArticleType();

        var errors = FieldValidator.Validate(type, Catalog(type), "Bài viết", Values(("trangLienQuan", "trang-chu")), requireMandatory: false);

        Assert.Equal([new FieldError("trangLienQuan", "Liên kết tới trang không hợp lệ.")], errors);
    }

    [Fact]
    public void Validate_RichTextAsBareHtml_IsRejected()
    {
        var type = ArticleType();

        var errors = FieldValidator.Validate(type, Catalog(type), "Bài viết", Values(("noiDung", "<p>Nội dung</p>")), requireMandatory: false);

        Assert.Equal([new FieldError("noiDung", "Nội dung định dạng không hợp lệ.")], errors);
    }

    [Fact]
    public void Validate_PatternMismatch_UsesFieldValidationMessage()
    {
        var type = ArticleType(Field("soHieu", "Số hiệu", TextBoxKey, "Umbraco.TextBox") with
        {
            ValidationPattern = @"^\d+/\d{4}/[A-ZĐ-]+$",
            ValidationMessage = "Số hiệu phải có dạng 92/2017/NĐ-CP.",
        });

        var errors = FieldValidator.Validate(type, Catalog(type), "Nghị định", Values(("soHieu", "Nghị định 92")), requireMandatory: false);

        Assert.Equal([new FieldError("soHieu", "Số hiệu phải có dạng 92/2017/NĐ-CP.")], errors);
    }

    [Fact]
    public void Validate_PatternMatch_IsAccepted()
    {
        var type = ArticleType(Field("soHieu", "Số hiệu", TextBoxKey, "Umbraco.TextBox") with
        {
            ValidationPattern = @"^\d+/\d{4}/[A-ZĐ-]+$",
            ValidationMessage = "Số hiệu phải có dạng 92/2017/NĐ-CP.",
        });

        var errors = FieldValidator.Validate(type, Catalog(type), "Nghị định", Values(("soHieu", "92/2017/NĐ-CP")), requireMandatory: false);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_PatternMismatchWithoutMessage_UsesDefaultMessageNamingTheField()
    {
        var type = ArticleType(Field("dienThoai", "Điện thoại", TextBoxKey, "Umbraco.TextBox") with { ValidationPattern = @"^0\d{9}$" });

        var errors = FieldValidator.Validate(type, Catalog(type), "Liên hệ", Values(("dienThoai", "0260-38")), requireMandatory: false);

        Assert.Equal([new FieldError("dienThoai", "«Điện thoại» không đúng định dạng.")], errors);
    }

    [Fact]
    public void Validate_PatternThatDotNetCannotCompile_DoesNotBlockEditors()
    {
        var type = ArticleType(Field("maSo", "Mã số", TextBoxKey, "Umbraco.TextBox") with { ValidationPattern = "([a-z" });

        var errors = FieldValidator.Validate(type, Catalog(type), "Trang", Values(("maSo", "abc")), requireMandatory: false);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_ValueFailingEditorRule_ReportsEditorMessageNotPatternMessage()
    {
        var type = ArticleType(Field("soTrang", "Số trang", IntegerKey, "Umbraco.Integer") with
        {
            ValidationPattern = @"^\d{1,3}$",
            ValidationMessage = "Tối đa ba chữ số.",
        });

        var errors = FieldValidator.Validate(type, Catalog(type), "Trang", Values(("soTrang", "mười")), requireMandatory: false);

        Assert.Equal([new FieldError("soTrang", "Giá trị phải là số nguyên.")], errors);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachOnItsOwnField()
    {
        var type = ArticleType(Field("nguon", "Nguồn tin", TextBoxKey, "Umbraco.TextBox") with { Mandatory = true });
        var values = Values(("soLuotXem", "1.5"), ("chuyenMuc", "Khác"), ("tacGia", "A"));

        var errors = FieldValidator.Validate(type, Catalog(type), " ", values, requireMandatory: true);

        Assert.Equal(5, errors.Count);
        Assert.Contains(new FieldError("name", "Vui lòng nhập tên trang."), errors);
        Assert.Contains(new FieldError("tacGia", "Loại nội dung «Tin tức» không có trường «tacGia»."), errors);
        Assert.Contains(new FieldError("soLuotXem", "Giá trị phải là số nguyên."), errors);
        Assert.Contains(new FieldError("chuyenMuc", "«Khác» không có trong danh sách lựa chọn."), errors);
        Assert.Contains(new FieldError("nguon", "Vui lòng nhập «Nguồn tin»."), errors);
    }

    [Fact]
    public void Validate_DropdownWhoseDataTypeIsMissingFromCatalog_AcceptsAnyValue()
    {
        var type = ArticleType(Field("loai", "Loại", Guid.NewGuid(), "Umbraco.DropDown.Flexible"));

        var errors = FieldValidator.Validate(type, Catalog(type), "Trang", Values(("loai", "Bất kỳ")), requireMandatory: false);

        Assert.Empty(errors);
    }
}
