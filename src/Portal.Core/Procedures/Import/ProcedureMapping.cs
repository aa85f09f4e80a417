namespace Portal.Core.Procedures.Import;

/// <summary>
/// A record turned into Portal field values.
/// </summary>
/// <param name="Code">The national code, e.g. 1.001194: the procedure's identity.</param>
/// <param name="Name">The procedure's name, for the document name.</param>
/// <param name="Values">Stored value per field alias of <c>procedure</c>; an empty string clears the field.
/// Holds exactly the aliases of <paramref name="Aliases"/>.</param>
/// <param name="Aliases">
/// The fields this source speaks about, including those it clears. An update writes these and keeps every other field
/// of the existing procedure: a list-export row has no channels, so it leaves the channels an earlier full import wrote.
/// </param>
public sealed record ProcedureMapping(string Code, string Name, IReadOnlyDictionary<string, string> Values, IReadOnlySet<string> Aliases);

/// <summary>The outcome of mapping one record: a mapping, or a rejection with its Vietnamese reason.</summary>
public sealed class ProcedureMappingResult
{
    private ProcedureMappingResult(NationalProcedureRecord record, ProcedureMapping? mapping, string? rejection)
    {
        Record = record;
        Mapping = mapping;
        Rejection = rejection;
    }

    public NationalProcedureRecord Record { get; }

    public ProcedureMapping? Mapping { get; }

    /// <summary>Why the record cannot be imported, e.g. "Thiếu lĩnh vực (linh_vuc)."; the caller adds the record's position.</summary>
    public string? Rejection { get; }

    public bool IsMapped => Mapping is not null;

    internal static ProcedureMappingResult Mapped(NationalProcedureRecord record, ProcedureMapping mapping) => new(record, mapping, null);

    internal static ProcedureMappingResult Rejected(NationalProcedureRecord record, string reason) => new(record, null, reason);
}
