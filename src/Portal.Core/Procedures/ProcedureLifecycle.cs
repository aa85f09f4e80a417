using System.Globalization;

namespace Portal.Core.Procedures;

/// <summary>What an announcing decision (quyết định công bố) does to a procedure code.</summary>
public enum ProcedureChange
{
    New = 0,
    Amended = 1,
    Replaced = 2,
    Abolished = 3,
}

/// <summary>Whether a procedure may be carried out today.</summary>
public enum ProcedureStatus
{
    InForce = 0,
    Abolished = 1,
    Replaced = 2,
}

/// <summary>
/// One entry of a published decision: <see cref="Code"/> is the procedure the entry is about; for
/// <see cref="ProcedureChange.Replaced"/> it is the new procedure and <see cref="ReplacesCode"/> the one it replaces.
/// </summary>
public sealed record ProcedureDecisionEvent(Guid DecisionKey, string Number, DateOnly Date, string? Issuer, ProcedureChange Change,
    DateOnly EffectiveDate, string Code, string? ReplacesCode)
{
    public bool Names(string code) =>
        string.Equals(Code, code, StringComparison.OrdinalIgnoreCase)
        || (Change == ProcedureChange.Replaced && string.Equals(ReplacesCode, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A code's status today and every decision that names it, oldest first (pending ones included, marked).</summary>
public sealed record ProcedureLifecycleState(ProcedureStatus Status, string? ReplacedByCode, IReadOnlyList<ProcedureHistoryItem> History);

/// <param name="Pending">Its effective date is still to come: listed, but it does not change the status yet.</param>
public sealed record ProcedureHistoryItem(ProcedureDecisionEvent Event, bool Pending);

public static class ProcedureLifecycle
{
    private static readonly (ProcedureChange Change, string Label)[] ChangeLabels =
    [
        (ProcedureChange.New, "Công bố mới"),
        (ProcedureChange.Amended, "Sửa đổi, bổ sung"),
        (ProcedureChange.Replaced, "Thay thế"),
        (ProcedureChange.Abolished, "Bãi bỏ"),
    ];

    public static string Label(ProcedureChange change) => ChangeLabels.First(l => l.Change == change).Label;

    /// <summary>The stored dropdown text of a decision entry (the labels of <c>loai-cong-bo-thu-tuc</c>).</summary>
    public static bool TryParseChange(string? label, out ProcedureChange change)
    {
        foreach (var (value, text) in ChangeLabels)
        {
            if (string.Equals(text, label?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                change = value;
                return true;
            }
        }

        change = default;
        return false;
    }

    public static string Label(ProcedureStatus status, string? replacedByCode = null) => status switch
    {
        ProcedureStatus.Abolished => "Đã bãi bỏ",
        ProcedureStatus.Replaced => replacedByCode is null ? "Đã được thay thế" : $"Đã được thay thế bởi {replacedByCode}",
        _ => "Đang có hiệu lực",
    };

    /// <summary>
    /// The status of <paramref name="code"/> on <paramref name="today"/> (a Vietnam date): the latest effective decision
    /// naming it decides. When no decision names it yet, the national database's own status text is all we know.
    /// </summary>
    public static ProcedureLifecycleState Compute(string code, IEnumerable<ProcedureDecisionEvent> events, DateOnly today, string? nationalStatus)
    {
        ArgumentNullException.ThrowIfNull(events);
        var naming = events.Where(e => e.Names(code)).OrderBy(e => e.EffectiveDate).ThenBy(e => e.Date)
            .ThenBy(e => e.Number, StringComparer.Ordinal).ToList();
        var history = naming.Select(e => new ProcedureHistoryItem(e, e.EffectiveDate > today)).ToList();
        var effective = naming.Where(e => e.EffectiveDate <= today).ToList();
        if (effective.Count == 0)
        {
            var abolished = nationalStatus is not null
                && CultureInfo.GetCultureInfo("vi-VN").CompareInfo.IndexOf(nationalStatus, "bãi bỏ", CompareOptions.IgnoreCase) >= 0;
            return new ProcedureLifecycleState(abolished ? ProcedureStatus.Abolished : ProcedureStatus.InForce, null, history);
        }

        var last = effective[^1];
        if (last.Change == ProcedureChange.Abolished && string.Equals(last.Code, code, StringComparison.OrdinalIgnoreCase))
        {
            return new ProcedureLifecycleState(ProcedureStatus.Abolished, null, history);
        }

        if (last.Change == ProcedureChange.Replaced && string.Equals(last.ReplacesCode, code, StringComparison.OrdinalIgnoreCase))
        {
            return new ProcedureLifecycleState(ProcedureStatus.Replaced, last.Code, history);
        }

        // Announced, amended, or itself the replacement: the procedure applies.
        return new ProcedureLifecycleState(ProcedureStatus.InForce, null, history);
    }
}
