using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Data.Users;

namespace Portal.Data.Notifications;

/// <summary>What the approval notifier reads: the page an event is about, who acted on it, and the people to tell.</summary>
public sealed class ApprovalQueries(IDbContextFactory<PortalDbContext> contexts)
{
    public async Task<ApprovalSubject?> SubjectAsync(Guid documentKey, int editionNumber, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (
                from edition in db.Editions
                join document in db.Documents on edition.DocumentKey equals document.Key
                where edition.DocumentKey == documentKey && edition.Number == editionNumber
                select new ApprovalSubject(document.Key, document.Path, edition.Name))
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The latest timeline entry of <paramref name="action"/> on the edition: who did it and when.</summary>
    public async Task<TimelineEntry?> LatestAsync(Guid documentKey, int editionNumber, TimelineAction action, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Timeline.AsNoTracking()
            .Where(t => t.DocumentKey == documentKey && t.EditionNumber == editionNumber && t.Action == action)
            .OrderByDescending(t => t.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>People (never API users: programs read no notices) in any of the groups, each once.</summary>
    public async Task<IReadOnlyList<Recipient>> PersonsInAsync(IReadOnlyCollection<Guid> groupKeys, CancellationToken cancellationToken)
    {
        if (groupKeys.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.Kind == UserKind.Person && db.UserGroupMembers.Any(m => m.UserKey == u.Id && groupKeys.Contains(m.GroupKey)))
            .OrderBy(u => u.UserName)
            .Select(u => new Recipient(u.Id, u.UserName ?? string.Empty, u.DisplayName, u.Email))
            .ToListAsync(cancellationToken);
    }

    public async Task<Recipient?> PersonAsync(Guid userKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == userKey && u.Kind == UserKind.Person)
            .Select(u => new Recipient(u.Id, u.UserName ?? string.Empty, u.DisplayName, u.Email))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The name to show for a sign-in name written in an event or the timeline; the sign-in name itself when no user has it.</summary>
    public async Task<string> DisplayNameAsync(string userName, CancellationToken cancellationToken)
    {
        var normalized = userName.ToUpperInvariant();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var display = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedUserName == normalized)
            .Select(u => u.DisplayName)
            .FirstOrDefaultAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(display) ? userName : display;
    }
}

public sealed record ApprovalSubject(Guid DocumentKey, string Path, string Name);

public sealed record Recipient(Guid UserKey, string UserName, string DisplayName, string? Email)
{
    public string Greeting => string.IsNullOrWhiteSpace(DisplayName) ? UserName : DisplayName;
}
