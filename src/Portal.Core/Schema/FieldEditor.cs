namespace Portal.Core.Schema;

/// <summary>The property editors Portal understands. Anything else is <see cref="Unknown"/> and kept raw.</summary>
public enum FieldEditor
{
    Unknown = 0,
    Text,
    TextArea,
    RichText,
    Date,
    Integer,
    Decimal,
    Toggle,
    Dropdown,
    Tags,
    Email,
    MediaPicker,
    ContentPicker,
    MultiContentPicker,
    Upload,
    BlockList,
    MultipleText,
    Link,
}

public static class FieldEditors
{
    private static readonly Dictionary<string, FieldEditor> ByAlias = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Umbraco.TextBox"] = FieldEditor.Text,
        ["Umbraco.TextArea"] = FieldEditor.TextArea,
        ["Umbraco.RichText"] = FieldEditor.RichText,
        ["Umbraco.TinyMCE"] = FieldEditor.RichText,
        ["Umbraco.MarkdownEditor"] = FieldEditor.TextArea,
        ["Umbraco.DateTime"] = FieldEditor.Date,
        ["Umbraco.DateOnly"] = FieldEditor.Date,
        ["Umbraco.DateTimeUnspecified"] = FieldEditor.Date,
        ["Umbraco.DateTimeWithTimeZone"] = FieldEditor.Date,
        ["Umbraco.Integer"] = FieldEditor.Integer,
        ["Umbraco.Decimal"] = FieldEditor.Decimal,
        ["Umbraco.Slider"] = FieldEditor.Decimal,
        ["Umbraco.TrueFalse"] = FieldEditor.Toggle,
        ["Umbraco.DropDown.Flexible"] = FieldEditor.Dropdown,
        ["Umbraco.RadioButtonList"] = FieldEditor.Dropdown,
        ["Umbraco.CheckBoxList"] = FieldEditor.Dropdown,
        ["Umbraco.Tags"] = FieldEditor.Tags,
        ["Umbraco.EmailAddress"] = FieldEditor.Email,
        ["Umbraco.MediaPicker3"] = FieldEditor.MediaPicker,
        ["Umbraco.ContentPicker"] = FieldEditor.ContentPicker,
        ["Umbraco.MultiNodeTreePicker"] = FieldEditor.MultiContentPicker,
        ["Umbraco.UploadField"] = FieldEditor.Upload,
        ["Umbraco.BlockList"] = FieldEditor.BlockList,
        ["Umbraco.BlockGrid"] = FieldEditor.BlockList,
        ["Umbraco.MultipleTextstring"] = FieldEditor.MultipleText,
        ["Umbraco.MultiUrlPicker"] = FieldEditor.Link,
    };

    public static FieldEditor FromAlias(string editorAlias) =>
        ByAlias.TryGetValue(editorAlias, out var editor) ? editor : FieldEditor.Unknown;
}
