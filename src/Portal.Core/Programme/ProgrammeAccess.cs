using Portal.Core.Access;

namespace Portal.Core.Programme;

/// <summary>
/// Who may do what in programme tracking. Sở Nội vụ (a group with the reports section that belongs to no unit) and
/// administrators follow every unit, enter index results and register for any unit; a unit's own groups register
/// participants for their unit only and see their unit's figures.
/// </summary>
public static class ProgrammeAccess
{
    /// <summary>Reads every unit's output, the yearly report and every course's participant list.</summary>
    public static bool IsTracker(Actor actor) =>
        actor.IsAdministrator || actor.Groups.Any(g => g.UnitKey is null && g.AllowsSection(Section.Reports));

    /// <summary>The units whose participants the actor registers (any group of the unit).</summary>
    public static IReadOnlySet<Guid> UnitsOf(Actor actor) =>
        actor.Groups.Where(g => g.UnitKey is not null).Select(g => g.UnitKey!.Value).ToHashSet();

    public static bool CanOpenTraining(Actor actor) => IsTracker(actor) || UnitsOf(actor).Count > 0;

    public static bool CanRegister(Actor actor, Guid unitKey) => IsTracker(actor) || UnitsOf(actor).Contains(unitKey);

    /// <summary>Index results are figures of published decisions: entered and corrected by Sở Nội vụ and administrators only.</summary>
    public static bool CanEditIndexResults(Actor actor) => IsTracker(actor);
}
