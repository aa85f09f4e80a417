using System.Globalization;
using Portal.Core.Text;
using System.Xml.Linq;

namespace Portal.Infrastructure.Usync;

/// <summary>One node of a uSync Content folder, with its property values in their persisted (stored) form.</summary>
public sealed record UsyncContentNode(
    Guid Key,
    string Name,
    int Level,
    Guid? ParentKey,
    string ContentTypeAlias,
    DateTime? CreateDate,
    int SortOrder,
    bool Published,
    bool Trashed,
    IReadOnlyDictionary<string, string> Values,
    string FileName);

public static class UsyncContentReader
{
    public static (IReadOnlyList<UsyncContentNode> Nodes, IReadOnlyList<string> Warnings) ReadFolder(string usyncFolder)
    {
        var warnings = new List<string>();
        var nodes = new List<UsyncContentNode>();
        foreach (var file in UsyncSchemaReader.ConfigFiles(Path.Combine(usyncFolder, "Content")))
        {
            var root = UsyncSchemaReader.TryLoad(file, warnings);
            if (root is null || UsyncXml.IsEmptyMarker(root))
            {
                continue;
            }

            if (root.Name.LocalName != "Content")
            {
                warnings.Add($"{Path.GetFileName(file)}: bỏ qua phần tử gốc <{root.Name.LocalName}> (cần <Content>).");
                continue;
            }

            nodes.Add(ReadNode(root, Path.GetFileName(file)));
        }

        // Parents before children, siblings in their saved order.
        return (nodes.OrderBy(n => n.Level).ThenBy(n => n.SortOrder).ThenBy(n => n.FileName, StringComparer.Ordinal).ToList(), warnings);
    }

    private static UsyncContentNode ReadNode(XElement root, string fileName)
    {
        var info = root.Element("Info");
        var parentKey = info?.Element("Parent")?.KeyAttribute();
        var nodeName = info?.Element("NodeName");
        var name = nodeName?.Attribute("Default")?.Value
            ?? nodeName?.Elements("Name").FirstOrDefault()?.Value
            ?? root.Attribute("Alias")?.Value
            ?? string.Empty;
        var published = info?.Element("Published");
        var isPublished = bool.TryParse(published?.Attribute("Default")?.Value, out var p)
            ? p
            : published?.Elements().Any(e => bool.TryParse(e.Value, out var culturePublished) && culturePublished) ?? false;
        return new UsyncContentNode(
            root.KeyAttribute(),
            name.Trim(),
            int.TryParse(root.Attribute("Level")?.Value, out var level) ? level : 1,
            parentKey is { } k && k != Guid.Empty ? k : null,
            info.Text("ContentType"),
            ReadCreateDate(info.Text("CreateDate")),
            info.Int("SortOrder"),
            isPublished,
            info.Bool("Trashed"),
            ReadValues(root.Element("Properties")),
            fileName);
    }

    /// <summary>uSync writes the server's local time without an offset; Portal's sites run on Vietnam time (UTC+7).</summary>
    private static DateTime? ReadCreateDate(string text)
    {
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var created))
        {
            return null;
        }

        return created.Kind == DateTimeKind.Utc ? created : VietnamTime.ToUtc(created);
    }

    /// <summary>Takes the invariant value of each property, or the first culture's when the site was multilingual.</summary>
    private static Dictionary<string, string> ReadValues(XElement? properties)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in properties?.Elements() ?? [])
        {
            var candidates = property.Elements("Value").ToList();
            var chosen = candidates.FirstOrDefault(v => v.Attribute("Culture") is null && v.Attribute("Segment") is null)
                ?? candidates.FirstOrDefault();
            if (chosen is not null && !string.IsNullOrWhiteSpace(chosen.Value))
            {
                values[property.Name.LocalName] = chosen.Value;
            }
        }

        return values;
    }
}
