using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Portal.Core.Access;
using Portal.Core.Forum;
using Portal.Data;
using Portal.Data.Access;
using Portal.Data.Forum;
using Portal.Data.Sqlite;
using Portal.Data.Users;
using Portal.Infrastructure.Forum;
using Portal.Infrastructure.Mail;

namespace Portal.Infrastructure.Tests.Forum;

/// <summary>
/// The forum's services as the host wires them (AddPortalContentEngine), over a real SQLite file, with mail going to a
/// pickup folder the test reads back like a mailbox, and a clock the test moves. No holidays: deadlines are plain weekdays.
/// </summary>
internal sealed class ForumSite : IAsyncDisposable
{
    public const string SiteUrl = "https://cchc.kontum.example";
    public static readonly Actor Staff = Actor.System("kiem-thu");
    public static readonly Guid TuPhap = Guid.Parse("6d1c0f43-2a55-4c35-8a39-5c1e2f3a4b01");
    public const string TuPhapName = "Sở Tư pháp";
    public static readonly Guid XayDung = Guid.Parse("6d1c0f43-2a55-4c35-8a39-5c1e2f3a4b02");

    /// <summary>Monday 2 March 2026, 08:00 in Kon Tum.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private readonly string folder;

    private ForumSite(string folder, ServiceProvider services, FakeTimeProvider clock)
    {
        this.folder = folder;
        Services = services;
        Clock = clock;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public ForumAsking Asking => Services.GetRequiredService<ForumAsking>();

    public ForumHousekeeping Housekeeping => Services.GetRequiredService<ForumHousekeeping>();

    public ForumStore Store => Services.GetRequiredService<ForumStore>();

    public ForumQueries Queries => Services.GetRequiredService<ForumQueries>();

    private string MailFolder => Path.Combine(folder, "mail");

    public static async Task<ForumSite> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("portal-forum-").FullName;
        var clock = new FakeTimeProvider(Monday);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddDbContextFactory<PortalDbContext>(o => SqliteDatabase.Use(o, $"Data Source={Path.Combine(folder, "portal.db")};Pooling=False"));
        services.AddPortalContentEngine(new ConfigurationBuilder().Build());
        services.Configure<MailSettings>(m => m.PickupDirectory = Path.Combine(folder, "mail"));
        var provider = services.BuildServiceProvider();
        await using (var db = await provider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        return new ForumSite(folder, provider, clock);
    }

    /// <summary>A unit's writers' group (forum section) with one member who has an e-mail address.</summary>
    public async Task<string> UnitWriterAsync(Guid unit, string userName)
    {
        var group = new UserGroup(Guid.NewGuid(), $"unit-{userName}-editors", $"Biên tập {userName}", [Section.Content, Section.Forum],
            Permission.Browse, hasRootAccess: false, [unit], unit);
        var address = $"{userName}@kontum.example";
        var user = new BackofficeUser
        {
            Id = Guid.NewGuid(),
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            Email = address,
            NormalizedEmail = address.ToUpperInvariant(),
            DisplayName = userName,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = Now,
        };
        await using (var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            db.UserGroups.Add(group);
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }

        await Services.GetRequiredService<UserGroupStore>().SetGroupsAsync(user.Id, [group.Key], CancellationToken.None);
        return address;
    }

    /// <summary>Asked through the public form's service, from an address the timeline keeps.</summary>
    public async Task<Question> AskAsync(string title, string contact = "nguyenvana@example.com")
    {
        var outcome = await Asking.AskAsync(new AskInput(QuestionKind.Inquiry, title, $"Xin hỏi chi tiết: {title}. Mong cơ quan hướng dẫn.", null, null,
            null, "Nguyễn Văn A", contact), "203.0.113.9", SiteUrl, CancellationToken.None);
        Assert.True(outcome.Result.Succeeded, string.Join("; ", outcome.Result.Errors?.Values ?? []));
        return outcome.Question!;
    }

    /// <summary>Asked by phone (confirmed at once), published and assigned to the unit now.</summary>
    public async Task<Question> AssignedAsync(string title, Guid unit, string unitName)
    {
        var question = await AskAsync(title, "0900000001");
        await ChangeAsync(question.Key, q => q.Publish(Staff, q.Title, q.Body, Now));
        return await ChangeAsync(question.Key, q => q.Assign(Staff, unit, unitName, new ForumPolicy(), new ForumPolicy().Calendar(), Now));
    }

    public async Task<Question> AnsweredAsync(Question question, string answer)
    {
        question = await ChangeAsync(question.Key, q => q.WriteAnswer(Staff, null, answer, ["Điều 3 Luật Hộ tịch 2014"], [], Now));
        var key = question.Answers.Single().Key;
        await ChangeAsync(question.Key, q => q.SubmitAnswer(Staff, key, Now));
        return await ChangeAsync(question.Key, q => q.ApproveAnswer(Staff, key, Now));
    }

    public async Task<Question> ChangeAsync(Guid key, Func<Question, ForumOperationStatus> verb)
    {
        var (status, question) = await Store.ChangeAsync(key, null, verb, CancellationToken.None);
        Assert.Equal(ForumOperationStatus.Success, status);
        return question!;
    }

    public async Task<Question?> FindAsync(Guid key) => await Queries.FindAsync(key, CancellationToken.None);

    public Task RunHousekeepingAsync() => Housekeeping.RunAsync(CancellationToken.None);

    /// <summary>Every message written so far, parsed back as a mail client would, oldest first.</summary>
    public List<MimeMessage> Mailbox() => Directory.Exists(MailFolder)
        ? Directory.EnumerateFiles(MailFolder, "*.eml").Select(f => (File: f, Written: File.GetLastWriteTimeUtc(f)))
            .OrderBy(f => f.Written).ThenBy(f => f.File, StringComparer.Ordinal).Select(f => MimeMessage.Load(f.File)).ToList()
        : [];

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by the OS; the temp folder is cleaned by the system.
        }
    }
}
