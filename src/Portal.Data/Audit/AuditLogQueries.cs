using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;

namespace Portal.Data.Audit;

/// <summary>What the site-wide audit log is narrowed to; every part is optional.</summary>
/// <param name="UserKey">Entries of this acting user.</param>
/// <param name="UserName">Entries whose actor has this name (for system tasks and failed sign-ins, which have no key).</param>
/// <param name="EntityType"><see cref="AuditEntityTypes"/>: Document, User or UserGroup.</param>
/// <param name="EntityKey">Entries about this document, user or group.</param>
/// <param name="Action">The timeline action or <see cref="AuditActions"/> code.</param>
/// <param name="SinceUtc">From this instant, inclusive.</param>
/// <param name="UntilUtc">Up to this instant, exclusive.</param>
public sealed record AuditLogFilter(
    Guid? UserKey = null,
    string? UserName = null,
    string? EntityType = null,
    Guid? EntityKey = null,
    string? Action = null,
    DateTime? SinceUtc = null,
    DateTime? UntilUtc = null);

/// <summary>One line of the audit log, from the document timeline or from the audit table.</summary>
public sealed class AuditLogRow
{
    public DateTime At { get; init; }
    public string Actor { get; init; } = string.Empty;
    public Guid? ActorKey { get; init; }
    public string? IpAddress { get; init; }
    public string EntityType { get; init; } = string.Empty;
    public Guid? EntityKey { get; init; }
    public string Action { get; init; } = string.Empty;
    public string? Note { get; init; }

    /// <summary>0 for the timeline, 1 for the audit table: with <see cref="Id"/>, a stable order for entries of the same instant.</summary>
    public int Source { get; init; }
    public long Id { get; init; }
}

public sealed record AuditLogPage(int Total, IReadOnlyList<AuditLogRow> Items);

/// <summary>
/// The site-wide audit log: document timeline entries and audit entries (users, groups, sign-ins) read as one list,
/// newest first. Both tables are projected to the same shape and joined with UNION ALL in the database, so counting,
/// ordering and paging happen there and a page is right however the two tables interleave.
/// </summary>
public sealed class AuditLogQueries(IDbContextFactory<PortalDbContext> contexts)
{
    private const int TimelineSource = 0;
    private const int AuditSource = 1;

    public async Task<AuditLogPage> PageAsync(AuditLogFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = Rows(db, filter);
        var total = await rows.CountAsync(cancellationToken);
        var items = total <= skip ? [] : await NewestFirst(rows).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return new AuditLogPage(total, items);
    }

    /// <summary>Every matching row, newest first, read as a stream so an export of a long log never sits in memory.</summary>
    public async IAsyncEnumerable<AuditLogRow> AllAsync(AuditLogFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await foreach (var row in NewestFirst(Rows(db, filter)).AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    private static IOrderedQueryable<AuditLogRow> NewestFirst(IQueryable<AuditLogRow> rows) =>
        rows.OrderByDescending(r => r.At).ThenByDescending(r => r.Source).ThenByDescending(r => r.Id);

    private static IQueryable<AuditLogRow> Rows(PortalDbContext db, AuditLogFilter filter)
    {
        var audit = Audit(db, filter);
        return Timeline(db, filter) is { } timeline ? timeline.Concat(audit) : audit;
    }

    /// <summary>Document entries, or null when the filter rules the timeline out altogether.</summary>
    private static IQueryable<AuditLogRow>? Timeline(PortalDbContext db, AuditLogFilter filter)
    {
        if (filter.EntityType is { } type && type != AuditEntityTypes.Document)
        {
            return null;
        }

        var entries = db.Timeline.AsQueryable();
        if (filter.Action is { } action)
        {
            // The timeline stores its enum by name; an action it does not know cannot match there.
            if (!Enum.GetNames<TimelineAction>().Contains(action, StringComparer.Ordinal))
            {
                return null;
            }

            var timelineAction = Enum.Parse<TimelineAction>(action);
            entries = entries.Where(t => t.Action == timelineAction);
        }

        if (filter.EntityKey is { } key)
        {
            entries = entries.Where(t => t.DocumentKey == key);
        }

        if (filter.UserKey is { } user)
        {
            entries = entries.Where(t => t.ActorKey == user);
        }

        if (filter.UserName is { } name)
        {
            entries = entries.Where(t => t.Actor == name);
        }

        if (filter.SinceUtc is { } since)
        {
            entries = entries.Where(t => t.At >= since);
        }

        if (filter.UntilUtc is { } until)
        {
            entries = entries.Where(t => t.At < until);
        }

        return entries.Select(t => new AuditLogRow
        {
            At = t.At,
            Actor = t.Actor,
            ActorKey = t.ActorKey,
            IpAddress = t.IpAddress,
            EntityType = AuditEntityTypes.Document,
            EntityKey = (Guid?)t.DocumentKey,
            Action = t.Action.ToString(),
            Note = t.Note,
            Source = TimelineSource,
            Id = t.Id,
        });
    }

    private static IQueryable<AuditLogRow> Audit(PortalDbContext db, AuditLogFilter filter)
    {
        var entries = db.AuditLog.AsQueryable();
        if (filter.EntityType is { } type)
        {
            entries = entries.Where(a => a.EntityType == type);
        }

        if (filter.Action is { } action)
        {
            entries = entries.Where(a => a.Action == action);
        }

        if (filter.EntityKey is { } key)
        {
            entries = entries.Where(a => a.EntityKey == key);
        }

        if (filter.UserKey is { } user)
        {
            entries = entries.Where(a => a.ActorKey == user);
        }

        if (filter.UserName is { } name)
        {
            entries = entries.Where(a => a.Actor == name);
        }

        if (filter.SinceUtc is { } since)
        {
            entries = entries.Where(a => a.At >= since);
        }

        if (filter.UntilUtc is { } until)
        {
            entries = entries.Where(a => a.At < until);
        }

        return entries.Select(ToRow);
    }

    private static readonly System.Linq.Expressions.Expression<Func<AuditEntry, AuditLogRow>> ToRow = a => new AuditLogRow
    {
        At = a.At,
        Actor = a.Actor,
        ActorKey = a.ActorKey,
        IpAddress = a.IpAddress,
        EntityType = a.EntityType,
        EntityKey = a.EntityKey,
        Action = a.Action,
        Note = a.Note,
        Source = AuditSource,
        Id = a.Id,
    };
}
