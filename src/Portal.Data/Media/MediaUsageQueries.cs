using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Media;

namespace Portal.Data.Media;

/// <summary>A document whose pending or live edition refers to a media item.</summary>
public sealed record MediaUsage(Guid DocumentKey, string Name, string ContentTypeAlias, EditionStatus Status, bool Trashed);

/// <summary>
/// Which documents use a media item, so an editor sees what a change or a deletion would break. A reference is the
/// item's key in either form (a MediaPicker3 value holds <c>"mediaKey": "…-…"</c>; rich text holds
/// <c>data-udi="umb://media/{32 hex digits}"</c>) or its URL (an image or link pasted into rich text).
/// </summary>
public sealed class MediaUsageQueries(IDbContextFactory<PortalDbContext> contexts)
{
    /// <summary>Every document using the item, whose pending edition (else its live one) is listed, in no particular order.</summary>
    public async Task<IReadOnlyList<MediaUsage>> DocumentsUsingAsync(MediaItem item, CancellationToken cancellationToken)
    {
        var dashed = Contains(item.Key.ToString("D"));
        var compact = Contains(item.Key.ToString("N"));

        // Folders have no URL; a pattern that matches nothing keeps the statement one shape.
        var url = item.Url is { } u ? Contains(u.ToLowerInvariant()) : dashed;

        // Field values are one JSON column per edition, so the search is a LIKE over it: no index helps a substring, but
        // only the few pending and live editions per document are read, and this runs when one person opens one item.
        // lower() because PostgreSQL's LIKE is case-sensitive and a key may have been written in upper case by an import.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Database.SqlQuery<UsageRow>($"""
            SELECT e."DocumentKey" AS "DocumentKey", e."Name" AS "Name", e."Status" AS "Status",
                   d."ContentTypeAlias" AS "ContentTypeAlias", d."Trashed" AS "Trashed"
            FROM "Editions" e
            JOIN "Documents" d ON d."Key" = e."DocumentKey"
            WHERE e."Status" IN ('Draft', 'InReview', 'Scheduled', 'Published')
              AND (lower(e."FieldValues") LIKE {dashed} ESCAPE '\'
                OR lower(e."FieldValues") LIKE {compact} ESCAPE '\'
                OR lower(e."FieldValues") LIKE {url} ESCAPE '\')
            """).ToListAsync(cancellationToken);

        return rows
            .Select(r => new MediaUsage(r.DocumentKey, r.Name, r.ContentTypeAlias, Enum.Parse<EditionStatus>(r.Status), r.Trashed))
            .GroupBy(u => u.DocumentKey)

            // The pending edition is what the editor will find when they open the document.
            .Select(g => g.OrderBy(u => u.Status.IsPending() ? 0 : 1).First())
            .ToList();
    }

    /// <summary>A LIKE pattern for text containing <paramref name="value"/> literally (<c>%</c>, <c>_</c> and <c>\</c> escaped).</summary>
    private static string Contains(string value) =>
        "%" + value.ToLowerInvariant().Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";

    private sealed class UsageRow
    {
        public Guid DocumentKey { get; set; }
        public string Name { get; set; } = string.Empty;
        public string Status { get; set; } = string.Empty;
        public string ContentTypeAlias { get; set; } = string.Empty;
        public bool Trashed { get; set; }
    }
}
