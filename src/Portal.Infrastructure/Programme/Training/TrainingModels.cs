using Portal.Core.Programme;

namespace Portal.Infrastructure.Programme.Training;

/// <summary>
/// A training course page as registration reads it: the published edition, or the latest one while it was never
/// published (Sở Nội vụ may open registration before the page goes public).
/// </summary>
public sealed record TrainingCourse(Guid Key, string Title, string? Topic, DateOnly? Start, DateOnly? End, string? Place, string? Organiser,
    string? Audience, TrainingQuota Quota, bool Published);

/// <summary>A unit page: its name and the level its «Loại đơn vị» gives (null while unset).</summary>
public sealed record TrainingUnit(Guid Key, string Name, UnitLevel? Level);

/// <summary>What a person typed for one participant, kept as typed so a refused form shows it again.</summary>
public sealed record ParticipantInput(string? FullName, string? Position, string? Phone, string? Email);

/// <summary>Places of one level in a course: each unit of the level may send <see cref="QuotaPerUnit"/> people.</summary>
public sealed record LevelPlaces(UnitLevel Level, int QuotaPerUnit, int Units, int Taken, int UnitsRegistered)
{
    public int Capacity => QuotaPerUnit * Units;

    public bool Invited => QuotaPerUnit > 0;
}

/// <summary>One unit's participants in a course, by seat, and how many places it has left.</summary>
public sealed record UnitRoster(TrainingUnit Unit, int Quota, IReadOnlyList<TrainingRegistration> Participants)
{
    public int Remaining => Math.Max(0, Quota - Participants.Count);
}

/// <summary>A course with the places taken per level (every unit) and the participants of the units a person may see.</summary>
public sealed record CourseRoster(TrainingCourse Course, IReadOnlyList<LevelPlaces> Levels, IReadOnlyList<UnitRoster> Units)
{
    public IEnumerable<TrainingRegistration> Participants => Units.SelectMany(u => u.Participants);
}

/// <summary>A course in the list of courses, with its places per level.</summary>
public sealed record CourseOverview(TrainingCourse Course, IReadOnlyList<LevelPlaces> Levels);
