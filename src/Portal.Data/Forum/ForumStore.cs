using Microsoft.EntityFrameworkCore;
using Portal.Core.Forum;

namespace Portal.Data.Forum;

/// <summary>
/// Writes questions: a new one gets the next number of its year; a change loads the whole question, runs one Core verb
/// and saves only when the verb succeeded. A concurrent change (the version moved) is reported, never overwritten.
/// </summary>
public sealed class ForumStore(IDbContextFactory<PortalDbContext> contexts)
{
    public async Task<Question> AddAsync(int year, Func<int, Question> ask, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var number = (await db.ForumQuestions.Where(q => q.Year == year).MaxAsync(q => (int?)q.Number, cancellationToken) ?? 0) + 1;
            var question = ask(number);
            db.ForumQuestions.Add(question);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return question;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Two askers took the same number at once; the unique index refused one, which takes the next.
            }
        }
    }

    public async Task<(ForumOperationStatus Status, Question? Question)> ChangeAsync(Guid key, int? expectedVersion,
        Func<Question, ForumOperationStatus> verb, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var question = await ForumQueries.Whole(db).SingleOrDefaultAsync(q => q.Key == key, cancellationToken);
        if (question is null)
        {
            return (ForumOperationStatus.NotFound, null);
        }

        if (expectedVersion is { } version && version != question.Version)
        {
            return (ForumOperationStatus.Conflict, question);
        }

        var status = verb(question);
        if (status != ForumOperationStatus.Success)
        {
            return (status, question);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (ForumOperationStatus.Conflict, question);
        }

        return (status, question);
    }

    /// <summary>Keys of questions a housekeeping rule applies to.</summary>
    public async Task<IReadOnlyList<Guid>> KeysAsync(System.Linq.Expressions.Expression<Func<Question, bool>> where, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ForumQuestions.Where(where).OrderBy(q => q.Id).Select(q => q.Key).Take(500).ToListAsync(cancellationToken);
    }

    /// <summary>Unconfirmed questions are deleted whole: nobody but the asker ever saw them.</summary>
    public async Task<int> DeleteUnconfirmedAsync(DateTime submittedBefore, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ForumQuestions
            .Where(q => q.Status == QuestionStatus.Submitted && q.ConfirmedAt == null && q.SubmittedAt < submittedBefore)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
