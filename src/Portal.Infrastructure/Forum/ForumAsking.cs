using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Forum;
using Portal.Core.Text;
using Portal.Data.Forum;

namespace Portal.Infrastructure.Forum;

/// <summary>What the ask form sends, before checking.</summary>
public sealed record AskInput(QuestionKind? Kind, string? Title, string? Body, string? Topic, Guid? AboutUnitKey, string? ProcedureCode,
    string? AskerName, string? Contact);

public sealed record AskOutcome(ForumOperationResult Result, Question? Question);

/// <summary>
/// The citizen's verbs, without an account: ask, confirm the e-mail, look the question up by code and contact, reopen
/// or close it, report a post. Who the asker is is proven by the confirmation link or by code and contact together.
/// </summary>
public sealed class ForumAsking(ForumStore store, ForumQueries queries, ForumMail mail, IOptions<ForumPolicy> policy,
    IDataProtectionProvider protection, TimeProvider clock)
{
    private ITimeLimitedDataProtector Confirmation => protection.CreateProtector("Portal.Forum.Confirmation").ToTimeLimitedDataProtector();

    public async Task<AskOutcome> AskAsync(AskInput input, string? ipAddress, string siteUrl, CancellationToken cancellationToken)
    {
        var rules = policy.Value;
        var (checkedInput, errors) = NewQuestion.Create(input.Kind, input.Title, input.Body, input.Topic, input.AboutUnitKey, input.ProcedureCode,
            input.AskerName, input.Contact, rules.Topics);
        if (checkedInput is null)
        {
            return new AskOutcome(ForumOperationResult.Invalid(errors), null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var year = VietnamTime.FromUtc(now).Year;
        var question = await store.AddAsync(year, number => Question.Ask(checkedInput, year, number, Actor.Anonymous(ipAddress), now), cancellationToken);
        if (question.ContactIsEmail)
        {
            var token = Confirmation.Protect(question.Key.ToString("N"), TimeSpan.FromDays(rules.ConfirmationWindowDays));
            await mail.ConfirmAsync(question, $"{siteUrl}{ForumPaths.Confirm}?t={Uri.EscapeDataString(token)}", siteUrl + ForumPaths.Track,
                cancellationToken);
        }

        return new AskOutcome(ForumOperationResult.Ok, question);
    }

    /// <summary>The link in the confirmation e-mail; a second click is harmless.</summary>
    public async Task<(ForumOperationStatus Status, Question? Question)> ConfirmAsync(string? token, string? ipAddress, CancellationToken cancellationToken)
    {
        Guid key;
        try
        {
            key = Guid.ParseExact(Confirmation.Unprotect(token ?? string.Empty), "N");
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return (ForumOperationStatus.NotFound, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return await store.ChangeAsync(key, null, q => q.Confirm(Actor.Anonymous(ipAddress), now), cancellationToken);
    }

    /// <summary>The asker's own view: found only when code and contact both match (a wrong contact looks like a wrong code).</summary>
    public async Task<Question?> TrackAsync(string? code, string? contact, CancellationToken cancellationToken)
    {
        if (TrackingCode.Normalize(code) is not { } normalized || await queries.FindByCodeAsync(normalized, cancellationToken) is not { } question)
        {
            return null;
        }

        return question.ContactMatches(contact) ? question : null;
    }

    /// <summary>The unit owes a new answer, with a new due date, and is told so.</summary>
    public async Task<(ForumOperationStatus Status, Question? Question)> ReopenAsync(string? code, string? contact, string? reason, string? ipAddress,
        CancellationToken cancellationToken)
    {
        var (status, question) = await AsAskerAsync(code, contact,
            (q, now) => q.Reopen(Actor.Anonymous(ipAddress), reason, policy.Value, policy.Value.Calendar(), now), cancellationToken);
        if (status == ForumOperationStatus.Success)
        {
            await mail.ToUnitAsync(question!, $"Câu hỏi {question!.TrackingCode} được người hỏi mở lại",
                $"Người hỏi cho biết câu trả lời chưa giải quyết được vướng mắc: «{question.StatusReason}».\n" +
                $"Hạn trả lời mới: {ForumMail.DueText(question)}. Câu hỏi: «{question.Title}» ({ForumPaths.BackofficeQuestion(question.Key)})",
                approversOnly: false, cancellationToken);
        }

        return (status, question);
    }

    public Task<(ForumOperationStatus Status, Question? Question)> CloseAsync(string? code, string? contact, string? ipAddress,
        CancellationToken cancellationToken) =>
        AsAskerAsync(code, contact, (q, now) => q.Close(Actor.Anonymous(ipAddress), byAsker: true, "Người hỏi xác nhận đã được giải đáp", now),
            cancellationToken);

    /// <summary>A reader reports a question or answer; the reader is known only by a one-way hash of address and question.</summary>
    public async Task<ForumOperationStatus> ReportAsync(Guid questionKey, Guid? answerKey, string? reason, string? ipAddress,
        CancellationToken cancellationToken)
    {
        var reporter = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{questionKey:N}|{ipAddress ?? "unknown"}")))[..32];
        var now = clock.GetUtcNow().UtcDateTime;
        var trimmedReason = reason is { Length: > 500 } ? reason[..500] : reason;
        var (status, _) = await store.ChangeAsync(questionKey, null,
            q => q.Report(answerKey, reporter, trimmedReason, policy.Value.ReportThreshold, now), cancellationToken);
        return status;
    }

    private async Task<(ForumOperationStatus Status, Question? Question)> AsAskerAsync(string? code, string? contact,
        Func<Question, DateTime, ForumOperationStatus> verb, CancellationToken cancellationToken)
    {
        if (await TrackAsync(code, contact, cancellationToken) is not { } question)
        {
            return (ForumOperationStatus.NotFound, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return await store.ChangeAsync(question.Key, null, q => verb(q, now), cancellationToken);
    }
}
