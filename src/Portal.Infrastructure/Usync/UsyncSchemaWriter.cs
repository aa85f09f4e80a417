using System.Globalization;
using System.Xml.Linq;
using Portal.Core.Schema;

namespace Portal.Infrastructure.Usync;

/// <summary>Writes the schema back as uSync v17 files, the same shape uSync itself writes, so uSync can read them.</summary>
public static class UsyncSchemaWriter
{
    public static int WriteFolder(string usyncFolder, IReadOnlyList<DataType> dataTypes, IReadOnlyList<ContentType> contentTypes)
    {
        UsyncXml.Save(new XElement("uSync", new XAttribute("version", "17.0.0.0"), new XAttribute("format", "10.7.0")),
            Path.Combine(usyncFolder, "usync.config"));
        var written = 0;
        foreach (var dataType in dataTypes)
        {
            UsyncXml.Save(DataTypeElement(dataType), Path.Combine(usyncFolder, "DataTypes", UsyncXml.FileNameFor(dataType.Name)));
            written++;
        }

        foreach (var contentType in contentTypes)
        {
            UsyncXml.Save(ContentTypeElement(contentType), Path.Combine(usyncFolder, "ContentTypes", contentType.Alias.ToLowerInvariant() + ".config"));
            written++;
        }

        return written;
    }

    private static XElement DataTypeElement(DataType dataType) =>
        new("DataType",
            new XAttribute("Key", dataType.Key), new XAttribute("Alias", dataType.Name), new XAttribute("Level", 1),
            new XElement("Info",
                new XElement("Name", dataType.Name),
                new XElement("EditorAlias", dataType.EditorAlias),
                new XElement("EditorUIAlias", dataType.EditorUiAlias ?? string.Empty)),
            new XElement("Config", new XCData(dataType.ConfigJson)));

    private static XElement ContentTypeElement(ContentType type) =>
        new("ContentType",
            new XAttribute("Key", type.Key), new XAttribute("Alias", type.Alias), new XAttribute("Level", 1),
            new XElement("Info",
                new XElement("Name", type.Name),
                new XElement("Icon", type.Icon ?? string.Empty),
                new XElement("Thumbnail", type.Thumbnail ?? string.Empty),
                new XElement("Description", type.Description ?? string.Empty),
                new XElement("AllowAtRoot", UsyncXml.TrueFalse(type.AllowAtRoot)),
                new XElement("ListView", type.ListView),
                new XElement("Variations", type.Variations),
                new XElement("IsElement", UsyncXml.Lower(type.IsElement)),
                new XElement("HistoryCleanup",
                    new XElement("PreventCleanup", UsyncXml.TrueFalse(type.HistoryCleanup.PreventCleanup)),
                    new XElement("KeepAllVersionsNewerThanDays", Number(type.HistoryCleanup.KeepAllVersionsNewerThanDays)),
                    new XElement("KeepLatestVersionPerDayForDays", Number(type.HistoryCleanup.KeepLatestVersionPerDayForDays))),
                new XElement("Folder", type.Folder ?? string.Empty),
                new XElement("Compositions", type.Compositions.Select(c => new XElement("Composition", new XAttribute("Key", c.Key), c.Alias))),
                new XElement("DefaultTemplate", type.DefaultTemplate ?? string.Empty),
                new XElement("AllowedTemplates", type.AllowedTemplates.Select(t => new XElement("Template", new XAttribute("Key", t.Key), t.Alias)))),
            new XElement("Structure", type.AllowedChildren.Select(c =>
                new XElement("ContentType", new XAttribute("Key", c.Key), new XAttribute("SortOrder", c.SortOrder), c.Alias))),
            new XElement("GenericProperties", type.Fields.Select(FieldElement)),
            new XElement("Tabs", type.Tabs.Select(t => new XElement("Tab",
                new XElement("Key", t.Key), new XElement("Caption", t.Caption), new XElement("Alias", t.Alias),
                new XElement("Type", t.Type), new XElement("SortOrder", t.SortOrder)))));

    private static XElement FieldElement(FieldDefinition field) =>
        new("GenericProperty",
            new XElement("Key", field.Key),
            new XElement("Name", field.Name),
            new XElement("Alias", field.Alias),
            new XElement("Definition", field.DataTypeKey),
            new XElement("Type", field.EditorAlias),
            new XElement("Mandatory", UsyncXml.Lower(field.Mandatory)),
            new XElement("Validation", field.ValidationPattern ?? string.Empty),
            new XElement("Description", new XCData(field.Description ?? string.Empty)),
            new XElement("SortOrder", field.SortOrder),
            new XElement("Tab", field.TabAlias is null ? null : new XAttribute("Alias", field.TabAlias), field.TabCaption ?? string.Empty),
            new XElement("Variations", field.Variations),
            new XElement("MandatoryMessage", field.MandatoryMessage ?? string.Empty),
            new XElement("ValidationRegExpMessage", field.ValidationMessage ?? string.Empty),
            new XElement("LabelOnTop", UsyncXml.Lower(field.LabelOnTop)));

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
