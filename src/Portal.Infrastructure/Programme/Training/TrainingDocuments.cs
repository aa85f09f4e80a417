using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Programme;
using Portal.Core.Schema;
using Portal.Core.Text;
using Portal.Data;

namespace Portal.Infrastructure.Programme.Training;

/// <summary>Reads course and unit pages from the store (not the published cache: a draft course can take registrations).</summary>
internal static class TrainingDocuments
{
    public const string CourseAlias = "trainingCourse";
    public const string UnitAlias = "unit";

    public static async Task<IReadOnlyList<TrainingCourse>> CoursesAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var documents = await db.Documents.AsNoTracking().Include(d => d.Editions)
            .Where(d => d.ContentTypeAlias == CourseAlias && !d.Trashed).ToListAsync(cancellationToken);
        return documents.Select(Course).OfType<TrainingCourse>()
            .OrderByDescending(c => c.Start ?? DateOnly.MinValue).ThenBy(c => c.Title, VietnameseText.Order).ToList();
    }

    public static async Task<TrainingCourse?> CourseAsync(PortalDbContext db, Guid key, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().Include(d => d.Editions)
            .FirstOrDefaultAsync(d => d.Key == key && d.ContentTypeAlias == CourseAlias && !d.Trashed, cancellationToken);
        return document is null ? null : Course(document);
    }

    public static async Task<IReadOnlyList<TrainingUnit>> UnitsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var documents = await db.Documents.AsNoTracking().Include(d => d.Editions)
            .Where(d => d.ContentTypeAlias == UnitAlias && !d.Trashed).ToListAsync(cancellationToken);
        return documents.Select(Unit).OfType<TrainingUnit>().OrderBy(u => u.Name, VietnameseText.Order).ToList();
    }

    public static async Task<TrainingUnit?> UnitAsync(PortalDbContext db, Guid key, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().Include(d => d.Editions)
            .FirstOrDefaultAsync(d => d.Key == key && d.ContentTypeAlias == UnitAlias && !d.Trashed, cancellationToken);
        return document is null ? null : Unit(document);
    }

    private static TrainingCourse? Course(Document document)
    {
        if (Shown(document) is not { } edition)
        {
            return null;
        }

        var quota = TrainingQuota.FromFields(Number(edition, "quotaProvincial"), Number(edition, "quotaDistrict"), Number(edition, "quotaCommune"));
        return new TrainingCourse(document.Key, Text(edition, "title") ?? edition.Name, Text(edition, "topic"), Date(edition, "startDate"),
            Date(edition, "endDate"), Text(edition, "place"), Text(edition, "organiser"), Text(edition, "audience"), quota, document.Live is not null);
    }

    private static TrainingUnit? Unit(Document document) => Shown(document) is { } edition
        ? new TrainingUnit(document.Key, Text(edition, "unitName") ?? edition.Name, UnitLevels.FromKind(Text(edition, "kind")))
        : null;

    /// <summary>What the public sees when the page is live; otherwise the newest edition, as its editor left it.</summary>
    private static Edition? Shown(Document document) => document.Live ?? document.Editions.MaxBy(e => e.Number);

    private static string? Text(Edition edition, string alias) =>
        edition.Values.TryGetValue(alias, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static int? Number(Edition edition, string alias) =>
        int.TryParse(Text(edition, alias), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>Date fields are stored as Umbraco writes them (<c>2018-04-01T00:00:00</c>); the day is what counts.</summary>
    private static DateOnly? Date(Edition edition, string alias) =>
        Text(edition, alias) is { } value && FieldValueRules.TryParseDate(value, out var date) ? DateOnly.FromDateTime(date) : null;
}
