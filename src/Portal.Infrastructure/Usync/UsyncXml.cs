using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Portal.Infrastructure.Usync;

/// <summary>Small helpers shared by the uSync readers and writers.</summary>
internal static class UsyncXml
{
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static XDocument Load(string path)
    {
        // File.OpenRead + XDocument.Load copes with the BOM uSync writes; DTDs are never processed.
        using var stream = File.OpenRead(path);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return XDocument.Load(reader, LoadOptions.None);
    }

    public static void Save(XElement root, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        Save(root, file);
    }

    /// <summary>Writes the file as uSync does: UTF-8 with a BOM, two-space indents, LF line ends, a final line end.</summary>
    public static void Save(XElement root, Stream output)
    {
        var settings = new XmlWriterSettings { Encoding = Utf8WithBom, Indent = true, IndentChars = "  ", NewLineChars = "\n", CloseOutput = false };
        using (var writer = XmlWriter.Create(output, settings))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
        }

        output.WriteByte((byte)'\n');
    }

    public static string Text(this XElement? element, string name) => element?.Element(name)?.Value.Trim() ?? string.Empty;

    public static string? OptionalText(this XElement? element, string name)
    {
        var value = element?.Element(name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public static bool Bool(this XElement? element, string name) =>
        bool.TryParse(element?.Element(name)?.Value.Trim(), out var value) && value;

    public static int Int(this XElement? element, string name) =>
        int.TryParse(element?.Element(name)?.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;

    public static int? OptionalInt(this XElement? element, string name) =>
        int.TryParse(element?.Element(name)?.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static Guid Guid(this XElement? element, string name) =>
        System.Guid.TryParse(element?.Element(name)?.Value.Trim(), out var value) ? value : System.Guid.Empty;

    public static Guid KeyAttribute(this XElement element) =>
        System.Guid.TryParse(element.Attribute("Key")?.Value, out var value) ? value : System.Guid.Empty;

    /// <summary>The element names uSync gives to deleted or renamed items; such files carry nothing to import.</summary>
    public static bool IsEmptyMarker(XElement root) => root.Name.LocalName == "Empty";

    public static string FileNameFor(string aliasOrName)
    {
        var folded = Portal.Core.Text.UrlSegment.From(aliasOrName);
        return (folded.Length == 0 ? "item" : folded) + ".config";
    }

    public static string TrueFalse(bool value) => value ? "True" : "False";

    public static string Lower(bool value) => value ? "true" : "false";
}
