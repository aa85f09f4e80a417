using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Portal.Core.Access;
using Portal.Core.Forum;
using Portal.Data.Forum;
using Portal.Infrastructure.Forum;
using Portal.Web.Tests.TestHost;

namespace Portal.Web.Tests.Features.Forum;

/// <summary>One host for the forum's flow tests; each test asks its own questions with its own marker words.</summary>
public sealed class ForumSite : IAsyncLifetime
{
    private readonly string folder = TestServices.NewDataDirectory();

    internal PortalFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public string MailFolder => Path.Combine(folder, "mail");

    public Task InitializeAsync()
    {
        // Many questions from one test client: the per-address limit has its own test and host.
        Factory = new PortalFactory(folder, new Dictionary<string, string?> { ["Portal:Forum:AsksPerHour"] = "1000" });
        Client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        TestServices.DeleteQuietly(folder);
    }
}

[CollectionDefinition(Name)]
public sealed class ForumSiteCollection : ICollectionFixture<ForumSite>
{
    public const string Name = "forum-site";
}

/// <summary>What a test types into the ask form.</summary>
internal sealed record AskFields(string Title, string Body, string Name, string Contact, string Kind = "hoi-dap", string Topic = "Hộ tịch")
{
    public Dictionary<string, string> ToForm() => new()
    {
        ["kind"] = Kind, ["topic"] = Topic, ["title"] = Title, ["body"] = Body, ["name"] = Name, ["contact"] = Contact,
    };
}

/// <summary>Drives the forum as citizens (through the pages) and as staff (through the Infrastructure verbs) do.</summary>
internal static partial class ForumTestKit
{
    public const string SiteUrl = "http://localhost";
    public static readonly Actor Staff = Actor.System("test");

    public static async Task<string> GetAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a form the way a browser does: with the anti-forgery token of the page the form is on.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string action, IDictionary<string, string> fields)
    {
        var page = await GetAsync(client, pageUrl);
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Token(page) };
        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    public static string Token(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    /// <summary>Asks through the form; returns the tracking code the thank-you page shows.</summary>
    public static async Task<string> AskAsync(HttpClient client, AskFields fields)
    {
        using var response = await PostAsync(client, ForumPaths.Ask, ForumPaths.Ask, fields.ToForm());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var thanks = await GetAsync(client, response.Headers.Location!.OriginalString);
        return CodePattern().Match(thanks).Value;
    }

    public static async Task<Question> FindAsync(WebApplicationFactory<Program> factory, string code) =>
        (await factory.Services.GetRequiredService<ForumQueries>().FindByCodeAsync(code, default))!;

    public static ForumUnit Unit(WebApplicationFactory<Program> factory, int index = 0) =>
        factory.Services.GetRequiredService<ForumUnits>().All()[index];

    /// <summary>Publishes the confirmed question, assigned to the unit, as the moderator does.</summary>
    public static async Task PublishAsync(WebApplicationFactory<Program> factory, string code, ForumUnit unit)
    {
        var question = await FindAsync(factory, code);
        var status = await factory.Services.GetRequiredService<ForumModeration>()
            .PublishAsync(Staff, question.Key, null, question.Title, question.Body, unit.Key, SiteUrl, default);
        Assert.Equal(ForumOperationStatus.Success, status);
    }

    /// <summary>The unit writes, submits and approves an answer.</summary>
    public static async Task AnswerAsync(WebApplicationFactory<Program> factory, string code, string body, params string[] citations)
    {
        var question = await FindAsync(factory, code);
        var answering = factory.Services.GetRequiredService<ForumAnswering>();
        var (status, answerKey) = await answering.WriteAsync(Staff, question.Key, null, body, citations, [], submit: true, SiteUrl, default);
        Assert.Equal(ForumOperationStatus.Success, status);
        Assert.Equal(ForumOperationStatus.Success, await answering.ApproveAsync(Staff, question.Key, answerKey!.Value, SiteUrl, default));
    }

    /// <summary>A question with a phone contact (no e-mail to confirm), published, assigned and answered.</summary>
    public static async Task<string> AnsweredQuestionAsync(HttpClient client, WebApplicationFactory<Program> factory, AskFields fields, string answer)
    {
        var code = await AskAsync(client, fields);
        if (fields.Contact.Contains('@', StringComparison.Ordinal))
        {
            var question = await FindAsync(factory, code);
            var confirm = factory.Services.GetRequiredService<ForumStore>();
            await confirm.ChangeAsync(question.Key, null, q => q.Confirm(Actor.Anonymous(null), DateTime.UtcNow), default);
        }

        await PublishAsync(factory, code, Unit(factory));
        await AnswerAsync(factory, code, answer);
        return code;
    }

    /// <summary>The confirmation link of the question's e-mail, from the .eml files the host writes without SMTP.</summary>
    public static async Task<string> ConfirmLinkAsync(string mailFolder, string code)
    {
        foreach (var file in Directory.GetFiles(mailFolder, "*.eml"))
        {
            using var mail = await MimeMessage.LoadAsync(file);
            if (mail.Subject == $"Xác nhận câu hỏi {code}")
            {
                return ConfirmPattern().Match(mail.TextBody ?? string.Empty).Value;
            }
        }

        throw new Xunit.Sdk.XunitException($"No confirmation mail for {code}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"PAKN-\d{4}-\d{6}")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"http://localhost/dien-dan/xac-nhan\?t=\S+")]
    private static partial Regex ConfirmPattern();
}
