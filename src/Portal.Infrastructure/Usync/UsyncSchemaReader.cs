using System.Xml.Linq;
using Portal.Core.Schema;

namespace Portal.Infrastructure.Usync;

/// <summary>Reads uSync v17 (and v13–v16) DataTypes and ContentTypes folders into Portal's schema model.</summary>
public static class UsyncSchemaReader
{
    public static UsyncSchema ReadFolder(string usyncFolder)
    {
        var warnings = new List<string>();
        if (!Directory.Exists(usyncFolder))
        {
            warnings.Add($"Không tìm thấy thư mục uSync {usyncFolder}; lược đồ trong cơ sở dữ liệu được giữ nguyên.");
        }

        var dataTypes = new List<DataType>();
        foreach (var file in ConfigFiles(Path.Combine(usyncFolder, "DataTypes")))
        {
            var root = TryLoad(file, warnings);
            if (root is null || UsyncXml.IsEmptyMarker(root))
            {
                continue;
            }

            if (root.Name.LocalName != "DataType")
            {
                warnings.Add($"{Path.GetFileName(file)}: bỏ qua phần tử gốc <{root.Name.LocalName}> (cần <DataType>).");
                continue;
            }

            dataTypes.Add(ReadDataType(root));
        }

        var contentTypes = new List<ContentType>();
        foreach (var file in ConfigFiles(Path.Combine(usyncFolder, "ContentTypes")))
        {
            var root = TryLoad(file, warnings);
            if (root is null || UsyncXml.IsEmptyMarker(root))
            {
                continue;
            }

            if (root.Name.LocalName != "ContentType")
            {
                warnings.Add($"{Path.GetFileName(file)}: bỏ qua phần tử gốc <{root.Name.LocalName}> (cần <ContentType>).");
                continue;
            }

            contentTypes.Add(ReadContentType(root));
        }

        var unknownEditors = dataTypes.Where(d => d.Editor == FieldEditor.Unknown).Select(d => d.EditorAlias)
            .Concat(contentTypes.SelectMany(c => c.Fields).Where(f => f.Editor == FieldEditor.Unknown).Select(f => f.EditorAlias))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        if (unknownEditors.Count > 0)
        {
            warnings.Add("Trình soạn thảo chưa được hỗ trợ, giá trị được giữ nguyên dạng JSON: " + string.Join(", ", unknownEditors) + ".");
        }

        return new UsyncSchema(dataTypes, contentTypes, warnings);
    }

    internal static IEnumerable<string> ConfigFiles(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.config", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [];

    internal static XElement? TryLoad(string file, List<string> warnings)
    {
        try
        {
            return UsyncXml.Load(file).Root;
        }
        catch (System.Xml.XmlException ex)
        {
            warnings.Add($"{Path.GetFileName(file)}: tệp XML không hợp lệ ({ex.Message}), đã bỏ qua.");
            return null;
        }
    }

    private static DataType ReadDataType(XElement root)
    {
        var info = root.Element("Info");
        var name = info.OptionalText("Name") ?? root.Attribute("Alias")?.Value ?? string.Empty;
        var config = root.Element("Config")?.Value.Trim();
        return new DataType(root.KeyAttribute(), name, info.Text("EditorAlias"), info.OptionalText("EditorUIAlias"),
            string.IsNullOrEmpty(config) ? "{}" : config);
    }

    private static ContentType ReadContentType(XElement root)
    {
        var info = root.Element("Info");
        var cleanup = info?.Element("HistoryCleanup");
        var tabs = root.Element("Tabs")?.Elements("Tab").Select(t => new ContentTab(
            t.Guid("Key"), t.Text("Alias"), t.Text("Caption"), t.OptionalText("Type") ?? "Group", t.Int("SortOrder"))).ToList() ?? [];
        return new ContentType
        {
            Key = root.KeyAttribute(),
            Alias = root.Attribute("Alias")?.Value ?? string.Empty,
            Name = info.OptionalText("Name") ?? root.Attribute("Alias")?.Value ?? string.Empty,
            Icon = info.OptionalText("Icon"),
            Thumbnail = info.OptionalText("Thumbnail"),
            Description = info.OptionalText("Description"),
            AllowAtRoot = info.Bool("AllowAtRoot"),
            IsElement = info.Bool("IsElement"),
            Variations = info.OptionalText("Variations") ?? "Nothing",
            ListView = info.Guid("ListView"),
            Folder = info.OptionalText("Folder"),
            DefaultTemplate = info.OptionalText("DefaultTemplate"),
            HistoryCleanup = new HistoryCleanup(cleanup.Bool("PreventCleanup"), cleanup.OptionalInt("KeepAllVersionsNewerThanDays"),
                cleanup.OptionalInt("KeepLatestVersionPerDayForDays")),
            Compositions = References(info?.Element("Compositions"), "Composition"),
            AllowedTemplates = References(info?.Element("AllowedTemplates"), "Template"),
            AllowedChildren = root.Element("Structure")?.Elements().Select(c => new AllowedChild(
                c.KeyAttribute(), c.Value.Trim(), int.TryParse(c.Attribute("SortOrder")?.Value, out var order) ? order : 0)).ToList() ?? [],
            Fields = root.Element("GenericProperties")?.Elements("GenericProperty").Select(p => ReadField(p, tabs)).ToList() ?? [],
            Tabs = tabs,
        };
    }

    private static FieldDefinition ReadField(XElement property, IReadOnlyList<ContentTab> tabs)
    {
        var tab = property.Element("Tab");
        var tabAlias = tab?.Attribute("Alias")?.Value;
        return new FieldDefinition
        {
            Key = property.Guid("Key"),
            Alias = property.Text("Alias"),
            Name = property.Text("Name"),
            DataTypeKey = property.Guid("Definition"),
            EditorAlias = property.Text("Type"),
            Mandatory = property.Bool("Mandatory"),
            ValidationPattern = property.OptionalText("Validation"),
            Description = property.OptionalText("Description"),
            SortOrder = property.Int("SortOrder"),
            TabAlias = tabAlias ?? tabs.FirstOrDefault(t => t.Caption == tab?.Value.Trim())?.Alias,
            TabCaption = string.IsNullOrWhiteSpace(tab?.Value) ? null : tab.Value.Trim(),
            Variations = property.OptionalText("Variations") ?? "Nothing",
            MandatoryMessage = property.OptionalText("MandatoryMessage"),
            ValidationMessage = property.OptionalText("ValidationRegExpMessage"),
            LabelOnTop = property.Bool("LabelOnTop"),
        };
    }

    private static List<ContentTypeReference> References(XElement? parent, string elementName) =>
        parent?.Elements(elementName).Select(e => new ContentTypeReference(e.KeyAttribute(), e.Value.Trim())).ToList() ?? [];
}

public sealed record UsyncSchema(IReadOnlyList<DataType> DataTypes, IReadOnlyList<ContentType> ContentTypes, IReadOnlyList<string> Warnings);
