using Microsoft.EntityFrameworkCore;
using Portal.Core.Forum;
using Portal.Core.Text;

namespace Portal.Data.Forum;

public sealed record ForumListFilter(QuestionKind? Kind = null, string? Topic = null, Guid? UnitKey = null, QuestionStatus? Status = null,
    string? Search = null, int Page = 1, int PageSize = 20);

/// <summary>A question as lists show it: never the asker's contact.</summary>
public sealed record ForumListItem(Guid Key, string TrackingCode, QuestionKind Kind, string Title, string? Topic, QuestionStatus Status,
    string? UnitName, DateTime SubmittedAt, DateTime? PublishedAt, DateTime? AnsweredAt, DateOnly? DueOn, bool Hidden, bool Confirmed);

public sealed record ForumListPage(IReadOnlyList<ForumListItem> Items, int Total, int Page, int PageCount);

/// <summary>A public thread for the sitemap: its tracking code and when what its page shows last changed.</summary>
public sealed record ForumThreadStamp(string TrackingCode, DateTime LastPublicChange);

/// <summary>What the forum's pages and queues read. Public reads leave out unpublished, rejected and hidden questions.</summary>
public sealed class ForumQueries(IDbContextFactory<PortalDbContext> contexts)
{
    private static readonly QuestionStatus[] PublicStatuses =
        [QuestionStatus.Published, QuestionStatus.Assigned, QuestionStatus.Answered, QuestionStatus.Closed, QuestionStatus.Transferred, QuestionStatus.Reopened];

    private static readonly QuestionAction[] PublicSteps = [.. Enum.GetValues<QuestionAction>().Where(a => a.IsPublicStep())];

    public async Task<ForumListPage> ListPublicAsync(ForumListFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.ForumQuestions.AsNoTracking().Where(q => PublicStatuses.Contains(q.Status) && !q.Hidden);
        if (filter.Status is { } status)
        {
            query = query.Where(q => q.Status == status);
        }

        return await PageAsync(Filter(query, filter), filter, q => q.PublishedAt, cancellationToken);
    }

    /// <summary>
    /// Every thread the public thread page shows, oldest first (a new one comes last, so the others keep their sitemap
    /// file), each with its newest public timeline step: publishing, assignment, transfer, an approved answer, reopening, closing.
    /// </summary>
    public async Task<IReadOnlyList<ForumThreadStamp>> PublicThreadsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ForumQuestions.AsNoTracking()
            .Where(q => PublicStatuses.Contains(q.Status) && !q.Hidden)
            .OrderBy(q => q.Id)
            .Select(q => new
            {
                q.TrackingCode,
                Published = q.PublishedAt ?? q.SubmittedAt,
                LastStep = q.Timeline.Where(t => PublicSteps.Contains(t.Action)).Max(t => (DateTime?)t.At),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ForumThreadStamp(r.TrackingCode, DateTime.SpecifyKind(r.LastStep ?? r.Published, DateTimeKind.Utc)))];
    }

    /// <summary>Every question a backoffice list may show; who may see which is decided by the caller's unit filter.</summary>
    public async Task<ForumListPage> ListAllAsync(ForumListFilter filter, IReadOnlyCollection<Guid>? onlyUnits, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.ForumQuestions.AsNoTracking();
        if (onlyUnits is not null)
        {
            query = query.Where(q => q.AssignedUnitKey != null && onlyUnits.Contains(q.AssignedUnitKey.Value));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(q => q.Status == status);
        }

        return await PageAsync(Filter(query, filter), filter, q => q.SubmittedAt, cancellationToken);
    }

    /// <summary>The moderators' queue: confirmed questions waiting for a decision, oldest first.</summary>
    public Task<IReadOnlyList<ForumListItem>> AwaitingModerationAsync(CancellationToken cancellationToken) =>
        ItemsAsync(q => q.Status == QuestionStatus.Submitted && q.ConfirmedAt != null, ascending: true, cancellationToken);

    /// <summary>Published questions no unit has been given yet.</summary>
    public Task<IReadOnlyList<ForumListItem>> AwaitingAssignmentAsync(CancellationToken cancellationToken) =>
        ItemsAsync(q => q.Status == QuestionStatus.Published, ascending: true, cancellationToken);

    /// <summary>Questions with reports a moderator has not decided on (hidden or not yet).</summary>
    public Task<IReadOnlyList<ForumListItem>> ReportedAsync(CancellationToken cancellationToken) =>
        ItemsAsync(q => q.Reports.Any(r => !r.Decided), ascending: true, cancellationToken);

    /// <summary>A unit's queue: questions it owes an answer, nearest due date first.</summary>
    public async Task<IReadOnlyList<ForumListItem>> AwaitingAnswerAsync(IReadOnlyCollection<Guid>? onlyUnits, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.ForumQuestions.AsNoTracking()
            .Where(q => q.Status == QuestionStatus.Assigned || q.Status == QuestionStatus.Reopened);
        if (onlyUnits is not null)
        {
            query = query.Where(q => q.AssignedUnitKey != null && onlyUnits.Contains(q.AssignedUnitKey.Value));
        }

        return await Project(query.OrderBy(q => q.DueOn).ThenBy(q => q.Id)).ToListAsync(cancellationToken);
    }

    /// <summary>A public question with its public answers; null when it is not public.</summary>
    public async Task<Question?> FindPublicAsync(Guid key, CancellationToken cancellationToken)
    {
        var question = await FindAsync(key, cancellationToken);
        return question is { IsPublic: true } ? question : null;
    }

    /// <summary>The whole question, with answers, reports and timeline (backoffice and the asker's tracking page).</summary>
    public async Task<Question?> FindAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Whole(db).AsNoTracking().SingleOrDefaultAsync(q => q.Key == key, cancellationToken);
    }

    public async Task<Question?> FindByCodeAsync(string trackingCode, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Whole(db).AsNoTracking().SingleOrDefaultAsync(q => q.TrackingCode == trackingCode, cancellationToken);
    }

    /// <summary>The latest answered questions, for the home page.</summary>
    public Task<IReadOnlyList<ForumListItem>> LatestAnsweredAsync(int count, CancellationToken cancellationToken) =>
        ItemsAsync(q => (q.Status == QuestionStatus.Answered || q.Status == QuestionStatus.Closed) && q.AnsweredAt != null && !q.Hidden,
            ascending: false, cancellationToken, count, q => q.AnsweredAt);

    /// <summary>Every question assigned within the period (Vietnam dates, inclusive), for the statistics.</summary>
    public async Task<IReadOnlyList<AssignedQuestion>> AssignedBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = VietnamTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var end = VietnamTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ForumQuestions.AsNoTracking()
            .Where(q => q.AssignedAt >= start && q.AssignedAt < end && q.AssignedUnitKey != null && q.DueOn != null && !q.Hidden)
            .Select(q => new AssignedQuestion(q.Key, q.TrackingCode, q.Title, q.AssignedUnitKey!.Value, q.AssignedUnitName ?? string.Empty,
                q.Status, q.AssignedAt!.Value, q.DueOn!.Value, q.AnsweredAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Topics that public questions carry, for the list's filter.</summary>
    public async Task<IReadOnlyList<string>> TopicsInUseAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var topics = await db.ForumQuestions.AsNoTracking()
            .Where(q => PublicStatuses.Contains(q.Status) && !q.Hidden && q.Topic != null)
            .Select(q => q.Topic!).Distinct().ToListAsync(cancellationToken);
        return [.. topics.Order(VietnameseText.Order)];
    }

    internal static IQueryable<Question> Whole(PortalDbContext db) =>
        db.ForumQuestions.Include(q => q.Answers).Include(q => q.Reports).Include(q => q.Timeline).AsSplitQuery();

    private async Task<IReadOnlyList<ForumListItem>> ItemsAsync(System.Linq.Expressions.Expression<Func<Question, bool>> where, bool ascending,
        CancellationToken cancellationToken, int take = 500, System.Linq.Expressions.Expression<Func<Question, DateTime?>>? orderBy = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.ForumQuestions.AsNoTracking().Where(where);
        orderBy ??= q => q.SubmittedAt;
        query = ascending ? query.OrderBy(orderBy).ThenBy(q => q.Id) : query.OrderByDescending(orderBy).ThenByDescending(q => q.Id);
        return await Project(query.Take(take)).ToListAsync(cancellationToken);
    }

    private static IQueryable<Question> Filter(IQueryable<Question> query, ForumListFilter filter)
    {
        if (filter.Kind is { } kind)
        {
            query = query.Where(q => q.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Topic))
        {
            query = query.Where(q => q.Topic == filter.Topic);
        }

        if (filter.UnitKey is { } unit)
        {
            query = query.Where(q => q.AssignedUnitKey == unit);
        }

        foreach (var term in VietnameseText.Fold(filter.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            var pattern = "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(q => EF.Functions.Like(q.SearchText, pattern, "\\"));
        }

        return query;
    }

    private static async Task<ForumListPage> PageAsync(IQueryable<Question> query, ForumListFilter filter,
        System.Linq.Expressions.Expression<Func<Question, DateTime?>> newestFirst, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(filter.PageSize, 1, 100);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var items = await Project(query.OrderByDescending(newestFirst).ThenByDescending(q => q.Id).Skip((page - 1) * pageSize).Take(pageSize))
            .ToListAsync(cancellationToken);
        return new ForumListPage(items, total, page, pageCount);
    }

    private static IQueryable<ForumListItem> Project(IQueryable<Question> query) =>
        query.Select(q => new ForumListItem(q.Key, q.TrackingCode, q.Kind, q.Title, q.Topic, q.Status, q.AssignedUnitName,
            q.SubmittedAt, q.PublishedAt, q.AnsweredAt, q.DueOn, q.Hidden, q.ConfirmedAt != null));
}
