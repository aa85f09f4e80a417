using Microsoft.EntityFrameworkCore;
using Portal.Core.Access;
using Portal.Core.Programme;
using Portal.Core.Text;
using Portal.Data;
using Portal.Data.Audit;

namespace Portal.Infrastructure.Programme.Training;

/// <summary>
/// Training courses of plan II.1: units register named participants within their quota per course, Sở Nội vụ follows
/// every unit, and the places taken per level are public. Core decides (<see cref="TrainingRegistration.Register"/>,
/// <see cref="ProgrammeAccess"/>); this class reads the pages, saves with an audit entry, and answers what people see.
/// </summary>
public sealed class TrainingDesk(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<TrainingCourse>> CoursesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await TrainingDocuments.CoursesAsync(db, cancellationToken);
    }

    /// <summary>Every course with its places per level, for the list of courses.</summary>
    public async Task<IReadOnlyList<CourseOverview>> OverviewAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var courses = await TrainingDocuments.CoursesAsync(db, cancellationToken);
        var units = await TrainingDocuments.UnitsAsync(db, cancellationToken);
        var keys = courses.Select(c => c.Key).ToList();
        var registrations = (await db.TrainingRegistrations.AsNoTracking().Where(r => keys.Contains(r.CourseKey)).ToListAsync(cancellationToken))
            .ToLookup(r => r.CourseKey);
        return courses.Select(c => new CourseOverview(c, Places(c, units, registrations[c.Key].ToList()))).ToList();
    }

    /// <summary>The units of the site in Vietnamese order; <paramref name="actor"/> narrows them to those it registers for.</summary>
    public async Task<IReadOnlyList<TrainingUnit>> UnitsAsync(Actor? actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var units = await TrainingDocuments.UnitsAsync(db, cancellationToken);
        return actor is null ? units : units.Where(u => ProgrammeAccess.CanRegister(actor, u.Key)).ToList();
    }

    /// <summary>Changes whenever the course's registrations change: a registration raises the count and the highest id, a withdrawal lowers the count.</summary>
    public async Task<string> StampAsync(Guid courseKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var all = await db.TrainingRegistrations.AsNoTracking().Where(r => r.CourseKey == courseKey).GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Id = g.Max(r => r.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        return all is null ? "0" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{all.Count:x}.{all.Id:x}");
    }

    /// <summary>The places taken per level, without names: what the public course page shows.</summary>
    public async Task<IReadOnlyList<LevelPlaces>?> PlacesAsync(Guid courseKey, CancellationToken cancellationToken)
    {
        return await ReadCourseAsync(courseKey, cancellationToken) is { } read ? Places(read.Course, read.Units, read.Registrations) : null;
    }

    /// <summary>
    /// The course, its places per level, and the participants of the units <paramref name="actor"/> may see: every unit
    /// for a tracker (and units since removed that still have participants), the actor's own units otherwise.
    /// </summary>
    public async Task<CourseRoster?> RosterAsync(Guid courseKey, Actor actor, CancellationToken cancellationToken)
    {
        if (await ReadCourseAsync(courseKey, cancellationToken) is not var (course, units, registrations))
        {
            return null;
        }

        var byUnit = registrations.ToLookup(r => r.UnitKey);
        var known = units.ToDictionary(u => u.Key);
        var gone = registrations.Where(r => !known.ContainsKey(r.UnitKey)).GroupBy(r => r.UnitKey)
            .Select(g => new TrainingUnit(g.Key, g.First().UnitName, g.First().Level));
        var rosters = units.Concat(gone)
            .Where(u => ProgrammeAccess.CanRegister(actor, u.Key))
            .Select(u => new UnitRoster(u, u.Level is { } level ? course.Quota.For(level) : 0, byUnit[u.Key].OrderBy(r => r.Seat).ToList()))
            .OrderBy(u => u.Unit.Name, VietnameseText.Order).ToList();
        return new CourseRoster(course, Places(course, units, registrations), rosters);
    }

    /// <summary>How often a registration that lost its seat to a simultaneous one reads the seats again (more than any quota).</summary>
    private const int MaxSeatAttempts = 20;

    public async Task<(ProgrammeOperationStatus Status, TrainingRegistration? Registration)> RegisterAsync(Actor actor, Guid courseKey, Guid unitKey,
        ParticipantInput input, CancellationToken cancellationToken)
    {
        if (!ProgrammeAccess.CanRegister(actor, unitKey))
        {
            return (ProgrammeOperationStatus.NotAllowed, null);
        }

        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var course = await TrainingDocuments.CourseAsync(db, courseKey, cancellationToken);
            if (course is null)
            {
                return (ProgrammeOperationStatus.CourseNotFound, null);
            }

            var unit = await TrainingDocuments.UnitAsync(db, unitKey, cancellationToken);
            if (unit is null)
            {
                return (ProgrammeOperationStatus.UnitNotFound, null);
            }

            var taken = await db.TrainingRegistrations.AsNoTracking().Where(r => r.CourseKey == courseKey && r.UnitKey == unitKey)
                .ToListAsync(cancellationToken);
            var now = Now;
            var (status, registration) = TrainingRegistration.Register(course.Key, course.Quota, course.End, unit.Key, unit.Name, unit.Level,
                input.FullName, input.Position, input.Phone, input.Email, taken, actor, now);
            if (registration is null)
            {
                return (status, null);
            }

            db.TrainingRegistrations.Add(registration);
            db.AuditLog.Add(new AuditEntry(actor, AuditEntityTypes.TrainingRegistration, registration.Key, AuditActions.TrainingRegistered, now,
                Note(registration, course)));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (ProgrammeOperationStatus.Success, registration);
            }
            catch (DbUpdateException) when (attempt < MaxSeatAttempts)
            {
                // Another editor of the unit took the same seat at the same moment: the unique (course, unit, seat) index
                // refused this one. Read the seats again: the next free one, if any, is this participant's, and when none
                // is left Register says the quota is full.
            }
            catch (DbUpdateException)
            {
                return (ProgrammeOperationStatus.QuotaFull, null);
            }
        }
    }

    /// <summary>Frees the participant's seat (the next registration of the unit takes it); refused once the course has ended.</summary>
    public async Task<ProgrammeOperationStatus> WithdrawAsync(Actor actor, Guid courseKey, Guid registrationKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var registration = await db.TrainingRegistrations.FirstOrDefaultAsync(r => r.Key == registrationKey && r.CourseKey == courseKey,
            cancellationToken);
        if (registration is null)
        {
            return ProgrammeOperationStatus.RegistrationNotFound;
        }

        if (!ProgrammeAccess.CanRegister(actor, registration.UnitKey))
        {
            return ProgrammeOperationStatus.NotAllowed;
        }

        var course = await TrainingDocuments.CourseAsync(db, courseKey, cancellationToken);
        var now = Now;
        if (TrainingRegistration.ListClosed(course?.End, now))
        {
            return ProgrammeOperationStatus.CourseEnded;
        }

        db.TrainingRegistrations.Remove(registration);
        db.AuditLog.Add(new AuditEntry(actor, AuditEntityTypes.TrainingRegistration, registration.Key, AuditActions.TrainingWithdrawn, now,
            course is null ? registration.FullName : Note(registration, course)));
        await db.SaveChangesAsync(cancellationToken);
        return ProgrammeOperationStatus.Success;
    }

    public bool HasEnded(TrainingCourse course) => TrainingRegistration.ListClosed(course.End, Now);

    /// <summary>A course, the site's units and the course's registrations, read in one context; null when the course is gone.</summary>
    private async Task<(TrainingCourse Course, IReadOnlyList<TrainingUnit> Units, List<TrainingRegistration> Registrations)?> ReadCourseAsync(
        Guid courseKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var course = await TrainingDocuments.CourseAsync(db, courseKey, cancellationToken);
        if (course is null)
        {
            return null;
        }

        var units = await TrainingDocuments.UnitsAsync(db, cancellationToken);
        var registrations = await db.TrainingRegistrations.AsNoTracking().Where(r => r.CourseKey == courseKey).ToListAsync(cancellationToken);
        return (course, units, registrations);
    }

    private static string Note(TrainingRegistration registration, TrainingCourse course) =>
        $"{registration.FullName} — {registration.UnitName} — {course.Title}";

    private static List<LevelPlaces> Places(TrainingCourse course, IReadOnlyList<TrainingUnit> units, IReadOnlyList<TrainingRegistration> registrations) =>
        UnitLevels.All.Select(level =>
        {
            var ofLevel = registrations.Where(r => r.Level == level).ToList();
            return new LevelPlaces(level, course.Quota.For(level), units.Count(u => u.Level == level), ofLevel.Count,
                ofLevel.Select(r => r.UnitKey).Distinct().Count());
        }).ToList();
}
