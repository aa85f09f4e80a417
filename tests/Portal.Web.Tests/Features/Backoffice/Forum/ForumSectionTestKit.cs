using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Portal.Core.Access;
using Portal.Core.Forum;
using Portal.Data.Forum;
using Portal.Infrastructure.Forum;
using Portal.Web.Tests.Features.SignIn;

namespace Portal.Web.Tests.Features.Backoffice.Forum;

/// <summary>One host for the forum section's tests; each test asks its own questions and signs in its own people.</summary>
public sealed class ForumSectionSiteFixture : IAsyncLifetime
{
    internal BackofficeSite Site { get; private set; } = null!;

    public async Task InitializeAsync() => Site = await BackofficeSite.StartAsync([]);

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

/// <summary>Questions as citizens send them (through the real service), units of the seeded site, and the mail folder.</summary>
internal static partial class ForumSectionTestKit
{
    public const string Root = "/umbraco/dien-dan";
    public const string HomeAffairs = "homeAffairs";
    public const string HomeAffairsUnit = "so-noi-vu";
    public const string ScienceUnit = "so-khoa-hoc-va-cong-nghe";
    public const string SiteUrl = "http://localhost";

    private static int counter;

    public static string Editors(string unit) => $"unit-{unit}-editors";

    public static string Approvers(string unit) => $"unit-{unit}-approvers";

    public static ForumUnit Unit(this BackofficeSite site, string segment) =>
        site.Services.GetRequiredService<ForumUnits>().All().Single(u => u.Url.TrimEnd('/').EndsWith("/" + segment, StringComparison.Ordinal));

    /// <summary>A question from the ask form; an e-mail contact is confirmed through the link of its confirmation mail.</summary>
    public static async Task<Question> AskAsync(this BackofficeSite site, string? body = null, string contact = "0905 123 456",
        string? title = null)
    {
        var number = Interlocked.Increment(ref counter);
        var asking = site.Services.GetRequiredService<ForumAsking>();
        var outcome = await asking.AskAsync(new AskInput(QuestionKind.Inquiry, title ?? $"Thủ tục đăng ký khai sinh số {number}",
            body ?? $"Xin hỏi hồ sơ đăng ký khai sinh cho con cần những giấy tờ gì, lần hỏi {number}?", "Hộ tịch", null, null,
            "Nguyễn Văn An", contact), "127.0.0.1", SiteUrl, CancellationToken.None);
        Assert.True(outcome.Result.Succeeded, string.Join("; ", outcome.Result.Errors?.Values ?? []));
        var question = outcome.Question!;
        if (question.ContactIsEmail)
        {
            var mail = await site.MailAsync(question.Contact!, $"Xác nhận câu hỏi {question.TrackingCode}");
            var token = Uri.UnescapeDataString(ConfirmLink().Match(mail.TextBody ?? string.Empty).Groups[1].Value);
            var (status, _) = await asking.ConfirmAsync(token, "127.0.0.1", CancellationToken.None);
            Assert.Equal(ForumOperationStatus.Success, status);
        }

        return (await site.FindAsync(question.Key))!;
    }

    /// <summary>A question already published and given to a unit, as the moderators would leave it.</summary>
    public static async Task<Question> AssignedAsync(this BackofficeSite site, string unitSegment, string contact = "0905 123 456")
    {
        var question = await site.AskAsync(contact: contact);
        var status = await site.Services.GetRequiredService<ForumModeration>().PublishAsync(Actor.System("kiem-thu"), question.Key, null,
            question.Title, question.Body, site.Unit(unitSegment).Key, SiteUrl, CancellationToken.None);
        Assert.Equal(ForumOperationStatus.Success, status);
        return (await site.FindAsync(question.Key))!;
    }

    public static Task<Question?> FindAsync(this BackofficeSite site, Guid key) =>
        site.Services.GetRequiredService<ForumQueries>().FindAsync(key, CancellationToken.None);

    /// <summary>The one message to <paramref name="to"/> with this subject in the site's mail folder.</summary>
    public static async Task<MimeMessage> MailAsync(this BackofficeSite site, string to, string subject)
    {
        var folder = Path.Combine(site.Factory.DataDirectory, "mail");
        var found = new List<MimeMessage>();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [])
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.Subject == subject && message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(message);
            }
            else
            {
                message.Dispose();
            }
        }

        return Assert.Single(found);
    }

    public static string QuestionPath(Guid key) => $"{Root}/{key}";

    /// <summary>The text inside the textarea with this id, as a browser would show it.</summary>
    public static string TextArea(string html, string id)
    {
        var match = Regex.Match(html, $"<textarea id=\"{Regex.Escape(id)}\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no textarea {id}");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex(@"xac-nhan\?t=(\S+)")]
    private static partial Regex ConfirmLink();
}
