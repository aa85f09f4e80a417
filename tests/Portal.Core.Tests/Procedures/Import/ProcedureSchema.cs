using System.Xml.Linq;
using Portal.Core.Procedures;
using Portal.Core.Schema;
using Portal.Core.Tests.Schema;

namespace Portal.Core.Tests.Procedures.Import;

/// <summary>
/// Test data: the procedure content type, its element types and their data types as the repository's uSync files
/// define them, so mapped values are checked against the schema editors actually use.
/// </summary>
internal static class ProcedureSchema
{
    private static readonly string[] ContentTypes =
    [
        ProcedureAliases.ProcedureType, ProcedureAliases.StepType, ProcedureAliases.ChannelType, ProcedureAliases.DossierItemType,
        ProcedureAliases.LegalBasisItemType, ProcedureAliases.ResultType, ProcedureAliases.AssignmentType,
    ];

    private static readonly Lazy<InMemorySchemaCatalog> Loaded = new(Load);

    public static InMemorySchemaCatalog Catalog() => Loaded.Value;

    public static Guid KeyOf(string alias) => Catalog().FindContentType(alias)!.Key;

    private static InMemorySchemaCatalog Load()
    {
        var usync = Path.Combine(RepositoryRoot(), "uSync", "v17");
        var types = ContentTypes.Select(alias => ContentTypeFrom(XDocument.Load(Path.Combine(usync, "ContentTypes", alias.ToLowerInvariant() + ".config")).Root!)).ToList();
        var dataTypes = Directory.GetFiles(Path.Combine(usync, "DataTypes"), "*.config")
            .Select(f => XDocument.Load(f).Root!)
            .Select(d => new DataType(Guid.Parse(d.Attribute("Key")!.Value), d.Element("Info")!.Element("Name")!.Value,
                d.Element("Info")!.Element("EditorAlias")!.Value, null, d.Element("Config")?.Value ?? "{}"))
            .ToList();
        return new InMemorySchemaCatalog(types, dataTypes);
    }

    private static ContentType ContentTypeFrom(XElement root) => new()
    {
        Key = Guid.Parse(root.Attribute("Key")!.Value),
        Alias = root.Attribute("Alias")!.Value,
        Name = root.Element("Info")!.Element("Name")!.Value,
        IsElement = bool.Parse(root.Element("Info")!.Element("IsElement")!.Value),
        Fields = root.Element("GenericProperties")!.Elements("GenericProperty").Select(p => new FieldDefinition
        {
            Key = Guid.Parse(p.Element("Key")!.Value),
            Alias = p.Element("Alias")!.Value,
            Name = p.Element("Name")!.Value,
            DataTypeKey = Guid.Parse(p.Element("Definition")!.Value),
            EditorAlias = p.Element("Type")!.Value,
            Mandatory = bool.Parse(p.Element("Mandatory")!.Value),
            ValidationPattern = p.Element("Validation")?.Value,
        }).ToList(),
    };

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Portal.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Portal.sln not found above " + AppContext.BaseDirectory);
    }
}
