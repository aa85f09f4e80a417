using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Portal.Core.Schema;

namespace Portal.Core.Procedures.Import;

/// <summary>Writes parsed table rows as the Block List values of <c>procedure</c>, with keys derived from the procedure code.</summary>
internal sealed class ProcedureBlocks(ISchemaCatalog catalog)
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Guid stepType = KeyOf(catalog, ProcedureAliases.StepType);
    private readonly Guid channelType = KeyOf(catalog, ProcedureAliases.ChannelType);
    private readonly Guid dossierType = KeyOf(catalog, ProcedureAliases.DossierItemType);
    private readonly Guid legalType = KeyOf(catalog, ProcedureAliases.LegalBasisItemType);
    private readonly Guid resultType = KeyOf(catalog, ProcedureAliases.ResultType);
    private readonly Guid assignmentType = KeyOf(catalog, ProcedureAliases.AssignmentType);

    /// <summary>A dropdown or tags value in stored form: a JSON array of strings, or empty for none.</summary>
    public static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? string.Empty : JsonSerializer.Serialize(list, Compact);
    }

    public static string Decimal(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    public string Steps(string code, IReadOnlyList<string> steps) =>
        Write(code, ProcedureAliases.Steps, stepType, steps.Select(s => Pairs((ProcedureAliases.StepText, s))));

    public string Channels(string code, IReadOnlyList<ParsedChannel> channels) =>
        Write(code, ProcedureAliases.Channels, channelType, channels.Select(c => Pairs(
            (ProcedureAliases.ChannelKind, List([c.Kind])),
            (ProcedureAliases.ChannelTimeLimit, c.TimeLimit),
            (ProcedureAliases.ChannelFeeAmount, c.FeeAmount is { } amount ? Decimal(amount) : string.Empty),
            (ProcedureAliases.ChannelFeeCurrency, c.FeeCurrency is { } currency ? List([currency]) : string.Empty),
            (ProcedureAliases.ChannelFeeText, c.FeeText),
            (ProcedureAliases.ChannelDescription, c.Description))));

    public string Dossier(string code, IReadOnlyList<ParsedDossierItem> items) =>
        Write(code, ProcedureAliases.Dossier, dossierType, items.Select(d => Pairs(
            (ProcedureAliases.DossierCase, d.CaseLabel),
            (ProcedureAliases.DossierName, d.Name),
            (ProcedureAliases.DossierOriginals, d.Originals?.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
            (ProcedureAliases.DossierCopies, d.Copies?.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
            (ProcedureAliases.DossierQuantityText, d.QuantityText),
            (ProcedureAliases.DossierFormName, d.FormName),
            (ProcedureAliases.DossierFormUrl, d.FormUrl))));

    public string LegalBasis(string code, IReadOnlyList<ParsedLegalDocument> documents) =>
        Write(code, ProcedureAliases.LegalBasis, legalType, documents.Select(d => Pairs(
            (ProcedureAliases.LegalNumber, d.Number), (ProcedureAliases.LegalTitle, d.Title))));

    public string Results(string code, IReadOnlyList<ParsedResult> results) =>
        Write(code, ProcedureAliases.Results, resultType, results.Select(r => Pairs(
            (ProcedureAliases.ResultName, r.Name), (ProcedureAliases.ResultCode, r.Code))));

    public string Assignments(string code, IReadOnlyList<ProcedureAssignment> assignments) =>
        Write(code, ProcedureAliases.Assignments, assignmentType, assignments.Select(a => Pairs(
            (ProcedureAliases.AssignmentUnit, DocumentUdi.Format(a.UnitKey)), (ProcedureAliases.AssignmentLevel, List([a.Level])))));

    private static string Write(string code, string alias, Guid contentType, IEnumerable<Dictionary<string, string>> blocks)
    {
        var items = blocks.Select((values, index) => new BlockItem(NameBasedGuid.Create($"{code}/{alias}/{index}"), contentType, values)).ToList();
        return items.Count == 0 ? string.Empty : BlockListValue.Write(items);
    }

    // Empty cells are left out, as the back office leaves out fields nobody filled.
    private static Dictionary<string, string> Pairs(params (string Alias, string Value)[] pairs)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (alias, value) in pairs)
        {
            if (value.Length > 0)
            {
                values[alias] = value;
            }
        }

        return values;
    }

    private static Guid KeyOf(ISchemaCatalog catalog, string alias) =>
        catalog.FindContentType(alias)?.Key
        ?? throw new InvalidOperationException($"The schema has no element type '{alias}'; import uSync before importing procedures.");
}
