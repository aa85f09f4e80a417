using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using Portal.Core.Schema;

namespace Portal.Infrastructure.Usync;

/// <summary>Writes the schema back as uSync v17 files, the same shape uSync itself writes, so uSync can read them.</summary>
public static class UsyncSchemaWriter
{
    public static int WriteFolder(string usyncFolder, IReadOnlyList<DataType> dataTypes, IReadOnlyList<ContentType> contentTypes)
    {
        var written = 0;
        foreach (var (path, root) in Files(dataTypes, contentTypes))
        {
            UsyncXml.Save(root, Path.Combine(usyncFolder, path));
            written++;
        }

        // usync.config is the folder's marker, not an item.
        return written - 1;
    }

    /// <summary>The same files as <see cref="WriteFolder"/>, as one zip (paths inside it are relative to the uSync folder).</summary>
    public static void WriteZip(Stream output, IReadOnlyList<DataType> dataTypes, IReadOnlyList<ContentType> contentTypes)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (path, root) in Files(dataTypes, contentTypes))
        {
            using var entry = zip.CreateEntry(path.Replace('\\', '/'), CompressionLevel.Optimal).Open();
            UsyncXml.Save(root, entry);
        }
    }

    /// <summary>One content type's file, as <see cref="WriteFolder"/> writes it under <c>ContentTypes/</c>.</summary>
    public static void WriteContentType(Stream output, ContentType contentType) => UsyncXml.Save(ContentTypeElement(contentType), output);

    public static string ContentTypeFileName(ContentType contentType) => contentType.Alias.ToLowerInvariant() + ".config";

    /// <summary>Every file of a uSync folder, with its path relative to the folder.</summary>
    private static IEnumerable<(string Path, XElement Root)> Files(IReadOnlyList<DataType> dataTypes, IReadOnlyList<ContentType> contentTypes)
    {
        yield return ("usync.config", new XElement("uSync", new XAttribute("version", "17.0.0.0"), new XAttribute("format", "10.7.0")));
        foreach (var dataType in dataTypes)
        {
            yield return (Path.Combine("DataTypes", UsyncXml.FileNameFor(dataType.Name)), DataTypeElement(dataType));
        }

        foreach (var contentType in contentTypes)
        {
            yield return (Path.Combine("ContentTypes", ContentTypeFileName(contentType)), ContentTypeElement(contentType));
        }
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
                Optional("Icon", type.Icon),
                Optional("Thumbnail", type.Thumbnail),
                Optional("Description", type.Description),
                new XElement("AllowAtRoot", UsyncXml.TrueFalse(type.AllowAtRoot)),
                new XElement("ListView", type.ListView),
                new XElement("Variations", type.Variations),
                new XElement("IsElement", UsyncXml.Lower(type.IsElement)),
                new XElement("HistoryCleanup",
                    new XElement("PreventCleanup", UsyncXml.TrueFalse(type.HistoryCleanup.PreventCleanup)),
                    Optional("KeepAllVersionsNewerThanDays", Number(type.HistoryCleanup.KeepAllVersionsNewerThanDays)),
                    Optional("KeepLatestVersionPerDayForDays", Number(type.HistoryCleanup.KeepLatestVersionPerDayForDays))),
                Optional("Folder", type.Folder),
                new XElement("Compositions", type.Compositions.Select(c => new XElement("Composition", new XAttribute("Key", c.Key), c.Alias))),
                Optional("DefaultTemplate", type.DefaultTemplate),
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
            Optional("MandatoryMessage", field.MandatoryMessage),
            Optional("ValidationRegExpMessage", field.ValidationMessage),
            new XElement("LabelOnTop", UsyncXml.Lower(field.LabelOnTop)));

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A value uSync keeps as null: written empty-tagged (<c>&lt;Folder /&gt;</c>), as uSync's own files have it.</summary>
    private static XElement Optional(string name, string? value) => new(name, string.IsNullOrEmpty(value) ? null : value);
}
