using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Forum;
using Portal.Data.Forum;
using Portal.Data.Tests.TestHost;

namespace Portal.Data.Tests.Forum;

/// <summary>Questions in the states a test needs, made through the Core verbs and saved by the real store.</summary>
internal static class ForumKit
{
    /// <summary>The system holds every permission, as a moderator and as any unit's approver.</summary>
    public static readonly Actor Staff = Actor.System("kiem-thu");
    public static readonly ForumPolicy Policy = new();
    public static readonly Guid NoiVu = Guid.Parse("0b6f1f2e-6a0e-4d8e-9b43-1a2b3c4d5e01");
    public const string NoiVuName = "Sở Nội vụ";
    public static readonly Guid TuPhap = Guid.Parse("0b6f1f2e-6a0e-4d8e-9b43-1a2b3c4d5e02");
    public const string TuPhapName = "Sở Tư pháp";

    public static ForumStore Store(this PortalTestHost host) => host.Services.GetRequiredService<ForumStore>();

    public static ForumQueries Queries(this PortalTestHost host) => host.Services.GetRequiredService<ForumQueries>();

    public static NewQuestion Input(string title, QuestionKind kind = QuestionKind.Inquiry, string? topic = null, string contact = "nguyenvana@example.com") =>
        new(kind, title, $"Nội dung chi tiết của câu hỏi: {title}.", topic, null, null, "Nguyễn Văn A", contact, contact.Contains('@', StringComparison.Ordinal));

    /// <summary>Sent at <paramref name="at"/>; an e-mail contact leaves it unconfirmed, a phone contact confirms it at once.</summary>
    public static Task<Question> AskAsync(this PortalTestHost host, NewQuestion input, DateTime at) =>
        host.Store().AddAsync(at.Year, number => Question.Ask(input, at.Year, number, Actor.Anonymous("203.0.113.9"), at), CancellationToken.None);

    public static Task<Question> AskAsync(this PortalTestHost host, string title, DateTime at, string contact = "nguyenvana@example.com") =>
        host.AskAsync(Input(title, contact: contact), at);

    public static async Task<Question> ChangeAsync(this PortalTestHost host, Guid key, Func<Question, ForumOperationStatus> verb)
    {
        var (status, question) = await host.Store().ChangeAsync(key, null, verb, CancellationToken.None);
        Assert.Equal(ForumOperationStatus.Success, status);
        return question!;
    }

    /// <summary>Sent, confirmed by the asker and published as sent.</summary>
    public static async Task<Question> PublishedAsync(this PortalTestHost host, NewQuestion input, DateTime at)
    {
        var question = await host.AskAsync(input, at);
        await host.ChangeAsync(question.Key, q => q.Confirm(Actor.Anonymous("203.0.113.9"), at));
        return await host.ChangeAsync(question.Key, q => q.Publish(Staff, q.Title, q.Body, at));
    }

    public static async Task<Question> AssignedAsync(this PortalTestHost host, NewQuestion input, Guid unit, string unitName, DateTime at)
    {
        var question = await host.PublishedAsync(input, at);
        return await host.ChangeAsync(question.Key, q => q.Assign(Staff, unit, unitName, Policy, Policy.Calendar(), at));
    }

    /// <summary>Assigned, answered by the unit and approved: public with its official answer.</summary>
    public static async Task<Question> AnsweredAsync(this PortalTestHost host, NewQuestion input, Guid unit, string unitName, DateTime at, string answer)
    {
        var question = await host.AssignedAsync(input, unit, unitName, at);
        question = await host.ChangeAsync(question.Key, q => q.WriteAnswer(Staff, null, answer, ["Khoản 1 Điều 12 Nghị định 61/2018/NĐ-CP"], [], at));
        var answerKey = question.Answers.Single().Key;
        await host.ChangeAsync(question.Key, q => q.SubmitAnswer(Staff, answerKey, at));
        return await host.ChangeAsync(question.Key, q => q.ApproveAnswer(Staff, answerKey, at));
    }

    public static NewQuestion ByPhone(string title, QuestionKind kind = QuestionKind.Inquiry, string? topic = null) =>
        Input(title, kind, topic, "0900000001");
}
