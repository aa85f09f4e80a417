using Portal.Core.Access;

namespace Portal.Core.Programme;

/// <summary>
/// One named participant a unit sends to a training course. Each takes a numbered seat of the unit's quota
/// (1…quota): the store keeps (course, unit, seat) unique, so two editors registering at once cannot exceed it.
/// </summary>
public sealed class TrainingRegistration
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 200;

    private TrainingRegistration()
    {
        UnitName = string.Empty;
        FullName = string.Empty;
        RegisteredBy = string.Empty;
    }

    public long Id { get; private set; }
    public Guid Key { get; private set; }
    public Guid CourseKey { get; private set; }
    public Guid UnitKey { get; private set; }

    /// <summary>The unit's name when registered, so lists and exports read well after a unit page is renamed.</summary>
    public string UnitName { get; private set; }
    public UnitLevel Level { get; private set; }
    public int Seat { get; private set; }
    public string FullName { get; private set; }

    /// <summary>Chức vụ: the participant's post in the unit.</summary>
    public string? Position { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public string RegisteredBy { get; private set; }
    public Guid? RegisteredByKey { get; private set; }
    public DateTime RegisteredAt { get; private set; }

    /// <summary>
    /// Registers a participant in the lowest free seat of the unit's quota, or says why not. <paramref name="taken"/> are
    /// the unit's current registrations for this course.
    /// </summary>
    public static (ProgrammeOperationStatus Status, TrainingRegistration? Registration) Register(
        Guid courseKey, TrainingQuota quota, DateOnly? courseEnd, Guid unitKey, string unitName, UnitLevel? level,
        string? fullName, string? position, string? phone, string? email,
        IReadOnlyCollection<TrainingRegistration> taken, Actor actor, DateTime now)
    {
        if (level is not { } known)
        {
            return (ProgrammeOperationStatus.UnitLevelUnknown, null);
        }

        var name = Clean(fullName);
        if (name is null)
        {
            return (ProgrammeOperationStatus.NameRequired, null);
        }

        var cleanPosition = Clean(position);
        var cleanPhone = Clean(phone);
        var cleanEmail = Clean(email);
        if (name.Length > MaxNameLength || cleanPosition?.Length > MaxTextLength || cleanPhone?.Length > 50 || cleanEmail?.Length > MaxTextLength)
        {
            return (ProgrammeOperationStatus.TextTooLong, null);
        }

        if (ListClosed(courseEnd, now))
        {
            return (ProgrammeOperationStatus.CourseEnded, null);
        }

        var seats = quota.For(known);
        if (seats == 0)
        {
            return (ProgrammeOperationStatus.LevelNotInvited, null);
        }

        if (taken.Any(t => string.Equals(t.FullName, name, StringComparison.OrdinalIgnoreCase)))
        {
            return (ProgrammeOperationStatus.DuplicateParticipant, null);
        }

        var seat = Enumerable.Range(1, seats).FirstOrDefault(s => taken.All(t => t.Seat != s));
        if (seat == 0)
        {
            return (ProgrammeOperationStatus.QuotaFull, null);
        }

        return (ProgrammeOperationStatus.Success, new TrainingRegistration
        {
            Key = Guid.NewGuid(),
            CourseKey = courseKey,
            UnitKey = unitKey,
            UnitName = unitName,
            Level = known,
            Seat = seat,
            FullName = name,
            Position = cleanPosition,
            Phone = cleanPhone,
            Email = cleanEmail,
            RegisteredBy = actor.Name,
            RegisteredByKey = actor.UserKey,
            RegisteredAt = now,
        });
    }

    /// <summary>A course's list is closed from the day after its end (Vietnam time): no registration, no withdrawal.</summary>
    public static bool ListClosed(DateOnly? courseEnd, DateTime utcNow) =>
        courseEnd is { } last && DateOnly.FromDateTime(Text.VietnamTime.FromUtc(utcNow)) > last;

    /// <summary>NFC, trimmed, inner runs of white space made one space; null when nothing is left.</summary>
    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var words = value.Normalize(System.Text.NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words);
    }
}
