using Portal.Core.Access;

namespace Portal.Core.Forum;

/// <summary>
/// Who may do what in the forum. Moderators are groups with the forum section that belong to no unit (Sở Nội vụ);
/// a unit's groups with the forum section see that unit's questions; its groups that may publish approve its answers.
/// </summary>
public static class ForumAccess
{
    public static bool IsModerator(Actor actor) =>
        actor.IsAdministrator || actor.Groups.Any(g => g.UnitKey is null && g.AllowsSection(Section.Forum));

    /// <summary>The units whose forum queue the actor works on.</summary>
    public static IReadOnlySet<Guid> UnitsOf(Actor actor) =>
        actor.Groups.Where(g => g.UnitKey is not null && g.AllowsSection(Section.Forum)).Select(g => g.UnitKey!.Value).ToHashSet();

    public static bool CanWriteAnswer(Actor actor, Guid? unitKey) =>
        actor.IsAdministrator || (unitKey is { } unit && UnitsOf(actor).Contains(unit));

    public static bool CanApproveAnswer(Actor actor, Guid? unitKey) =>
        actor.IsAdministrator || (unitKey is { } unit && actor.Groups.Any(g =>
            g.UnitKey == unit && g.AllowsSection(Section.Forum) && g.Permissions.HasFlag(Permission.Publish)));

    /// <summary>A question that is not the unit's to answer goes on: moderators may send it anywhere, the unit's approvers too.</summary>
    public static bool CanTransfer(Actor actor, Guid? unitKey) => IsModerator(actor) || CanApproveAnswer(actor, unitKey);

    /// <summary>Moderators see everything; a unit's people see the questions assigned to their units.</summary>
    public static bool CanSee(Actor actor, Question question) =>
        IsModerator(actor) || (question.AssignedUnitKey is { } unit && UnitsOf(actor).Contains(unit));
}
