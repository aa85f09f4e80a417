using Portal.Core.Procedures;
using Portal.Core.Procedures.Import;

namespace Portal.Infrastructure.Procedures;

/// <summary>One published procedure as the finder, the Delivery API filters and the unit pages need it (no long texts).</summary>
public sealed record ProcedureEntry
{
    public required Guid Key { get; init; }
    public required string Code { get; init; }
    public string? LocalCode { get; init; }
    public required string Name { get; init; }
    public string? Field { get; init; }
    public IReadOnlyList<string> Levels { get; init; } = [];
    public string? ImplementingAgency { get; init; }
    public string? CompetentAgency { get; init; }

    /// <summary>The implementing and competent agencies, each once.</summary>
    public IReadOnlyList<string> Agencies { get; init; } = [];
    public IReadOnlyList<ProcedureAssignment> Units { get; init; } = [];
    public string? OnlineLevel { get; init; }
    public bool Postal { get; init; }
    public bool PostalResult { get; init; }
    public string? DecisionNumber { get; init; }
    public ProcedureStatus Status { get; init; }
    public string? ReplacedByCode { get; init; }
    public IReadOnlyList<ProcedureHistoryItem> History { get; init; } = [];
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The public address by code, <c>/thu-tuc-hanh-chinh/1.001194</c>; the tree URL when the procedure has no code.</summary>
    public required string Url { get; init; }

    /// <summary>The document's own address in the content tree (by name), which redirects to <see cref="Url"/>.</summary>
    public required string TreeUrl { get; init; }

    public string StatusLabel => ProcedureLifecycle.Label(Status, ReplacedByCode);

    /// <summary>Name, code, keywords, field and agencies without diacritics, lower case: what free text is matched against.</summary>
    internal string FoldedText { get; init; } = string.Empty;
}

/// <summary>A published announcing decision and its entries.</summary>
public sealed record ProcedureDecisionEntry(Guid Key, string Number, DateOnly Date, string? Issuer, string Url, IReadOnlyList<ProcedureDecisionEvent> Entries);

/// <summary>The catalog as it stood at one rebuild: immutable, so readers never lock.</summary>
public sealed class ProcedureCatalogSnapshot
{
    private readonly Dictionary<string, ProcedureEntry> byCode;
    private readonly Dictionary<Guid, ProcedureEntry> byKey;
    private readonly Dictionary<Guid, List<ProcedureEntry>> byUnit;
    private readonly Dictionary<string, string> legalDocuments;

    internal ProcedureCatalogSnapshot(IReadOnlyList<ProcedureEntry> procedures, IReadOnlyList<ProcedureDecisionEntry> decisions,
        Dictionary<string, string> legalDocuments, DateOnly today, string? setUrl)
    {
        Procedures = procedures;
        Decisions = decisions;
        Today = today;
        SetUrl = setUrl;
        this.legalDocuments = legalDocuments;
        byCode = new Dictionary<string, ProcedureEntry>(StringComparer.OrdinalIgnoreCase);
        byKey = new Dictionary<Guid, ProcedureEntry>(procedures.Count);
        byUnit = [];
        foreach (var procedure in procedures)
        {
            byCode.TryAdd(procedure.Code, procedure);
            byKey[procedure.Key] = procedure;
            foreach (var unit in procedure.Units.Select(u => u.UnitKey).Distinct())
            {
                if (!byUnit.TryGetValue(unit, out var list))
                {
                    byUnit[unit] = list = [];
                }

                list.Add(procedure);
            }
        }
    }

    /// <summary>Every published, reachable procedure, in Vietnamese order of name.</summary>
    public IReadOnlyList<ProcedureEntry> Procedures { get; }

    /// <summary>Every published, reachable decision, newest first.</summary>
    public IReadOnlyList<ProcedureDecisionEntry> Decisions { get; }

    /// <summary>The Vietnam date the statuses were computed for.</summary>
    public DateOnly Today { get; }

    /// <summary>The procedure set's URL (<c>/thu-tuc-hanh-chinh/</c>), where the finder is; null when it is not live.</summary>
    public string? SetUrl { get; }

    public ProcedureEntry? FindByCode(string code) => byCode.GetValueOrDefault(code.Trim());

    public ProcedureEntry? FindByKey(Guid key) => byKey.GetValueOrDefault(key);

    public IReadOnlyList<ProcedureEntry> ForUnit(Guid unitKey) => byUnit.TryGetValue(unitKey, out var list) ? list : [];

    /// <summary>The URL of the live <c>legalDocument</c> page with this <c>documentNumber</c>, if there is one.</summary>
    public string? LegalDocumentUrl(string? documentNumber) =>
        documentNumber is null ? null : legalDocuments.GetValueOrDefault(documentNumber.Trim());
}
