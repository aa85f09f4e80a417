using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Portal.Core.Access;
using Portal.Core.Forum;
using Portal.E2E.TestHost;
using Portal.Infrastructure.Forum;

namespace Portal.E2E.Forum;

/// <summary>What the forum tests arrange for themselves: the answering unit, questions set up through the services, and the citizen's mail.</summary>
internal static partial class ForumScenario
{
    /// <summary>Sở Nội vụ: its people are in <c>unit-so-noi-vu-editors</c> and <c>unit-so-noi-vu-approvers</c>.</summary>
    public const string UnitPath = "/don-vi/so-noi-vu/";
    public const string UnitEditors = "unit-so-noi-vu-editors";
    public const string UnitApprovers = "unit-so-noi-vu-approvers";
    public const string Moderators = "homeAffairs";

    public static Guid UnitKey(PortalSiteFixture site) =>
        (site.Routes.Resolve(UnitPath) ?? throw new InvalidOperationException("No Sở Nội vụ.")).Key;

    public static string UnitName(PortalSiteFixture site) =>
        site.Services.GetRequiredService<ForumUnits>().Find(UnitKey(site))?.Name ?? throw new InvalidOperationException("Sở Nội vụ is no forum unit.");

    /// <summary>A question asked with a phone number (no e-mail to confirm), so it waits for the moderators at once.</summary>
    public static async Task<Question> AskedAsync(PortalSiteFixture site, string title)
    {
        var asking = site.Services.GetRequiredService<ForumAsking>();
        var outcome = await asking.AskAsync(
            new AskInput(QuestionKind.Inquiry, title, "Xin hỏi thủ tục đăng ký khai sinh cho con cần những giấy tờ gì ạ?", null, null, null,
                "Trần Thị Bình", "0987654321"),
            "127.0.0.1", SiteUrl(site), CancellationToken.None);
        Assert.True(outcome.Result.Succeeded, $"asking failed: {outcome.Result.Status}");
        return outcome.Question!;
    }

    /// <summary>A public question of Sở Nội vụ with one approved answer (the system acts for moderator, writer and approver).</summary>
    public static async Task<Question> AnsweredAsync(PortalSiteFixture site, string title)
    {
        var question = await AskedAsync(site, title);
        await PublishedAsync(site, question);
        var system = Actor.System("e2e");
        var url = SiteUrl(site);
        var answering = site.Services.GetRequiredService<ForumAnswering>();
        var (written, answerKey) = await answering.WriteAsync(system, question.Key, null,
            "Hồ sơ gồm tờ khai đăng ký khai sinh và giấy chứng sinh.", ["Luật Hộ tịch năm 2014"], [], submit: true, url, CancellationToken.None);
        Assert.Equal(ForumOperationStatus.Success, written);
        Assert.Equal(ForumOperationStatus.Success, await answering.ApproveAsync(system, question.Key, answerKey!.Value, url, CancellationToken.None));
        return question;
    }

    /// <summary>Publishes <paramref name="question"/> as asked and assigns it to Sở Nội vụ.</summary>
    public static async Task PublishedAsync(PortalSiteFixture site, Question question) =>
        Assert.Equal(ForumOperationStatus.Success, await site.Services.GetRequiredService<ForumModeration>()
            .PublishAsync(Actor.System("e2e"), question.Key, null, question.Title, question.Body, UnitKey(site), SiteUrl(site), CancellationToken.None));

    /// <summary>The confirmation link in the .eml the host wrote to <c>{DataDirectory}/mail</c> for <paramref name="email"/>.</summary>
    public static string ConfirmationLink(PortalSiteFixture site, string email)
    {
        var folder = Path.Combine(site.Factory.DataDirectory, "mail");
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml", SearchOption.AllDirectories))
        {
            var message = MimeMessage.Load(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase))
                && ConfirmUrl().Match(message.TextBody ?? string.Empty) is { Success: true } link)
            {
                return link.Value;
            }
        }

        throw new InvalidOperationException($"No confirmation mail to {email} in {folder}.");
    }

    private static string SiteUrl(PortalSiteFixture site) => site.BaseAddress.ToString().TrimEnd('/');

    [GeneratedRegex(@"https?://\S+/dien-dan/xac-nhan\?t=\S+")]
    private static partial Regex ConfirmUrl();
}
