using Portal.Core.Workflow;

namespace Portal.Infrastructure.Procedures.Import;

public enum ProcedureImportStatus
{
    Completed,

    /// <summary>The file could not be read as a whole; nothing was applied.</summary>
    Malformed,
    Forbidden,

    /// <summary>The site has no published procedure set to import under.</summary>
    NoProcedureSet,

    /// <summary>Someone changed a procedure while the file was being applied; nothing was applied.</summary>
    Conflict,
}

/// <summary>What happened to one record of the file: its position in the file, its code and name as read, and why it was rejected.</summary>
public sealed record ProcedureImportLine(int Position, string? Code, string? Name, ImportOutcome Outcome, string? Reason);

public sealed record ProcedureImportReport(ProcedureImportStatus Status, string? Message, IReadOnlyList<ProcedureImportLine> Lines, TimeSpan Duration)
{
    public int Created => Lines.Count(l => l.Outcome == ImportOutcome.Created);
    public int Updated => Lines.Count(l => l.Outcome == ImportOutcome.Updated);
    public int Unchanged => Lines.Count(l => l.Outcome == ImportOutcome.Unchanged);
    public int Rejected => Lines.Count(l => l.Outcome == ImportOutcome.Rejected);

    /// <summary>One Vietnamese sentence, as the backoffice, the API and the command line print it.</summary>
    public string Summary => Status switch
    {
        ProcedureImportStatus.Completed =>
            $"{Lines.Count} bản ghi: {Created} tạo mới, {Updated} cập nhật, {Unchanged} không đổi, {Rejected} bị từ chối.",
        _ => Message ?? "Không nhập được tệp.",
    };

    public static ProcedureImportReport Failed(ProcedureImportStatus status, string message, TimeSpan duration) => new(status, message, [], duration);
}

/// <summary>How far an import has come: the stage in Vietnamese and records done out of the total.</summary>
public sealed record ProcedureImportProgress(string Stage, int Done, int Total);
