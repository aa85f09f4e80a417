using Portal.Core.Access;
using Portal.Data.Audit;
using Portal.Data.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Data.Tests.Audit;

/// <summary>The site-wide audit log reads the document timeline and the audit table as one list, paged in the database.</summary>
public abstract class AuditLogQueriesTests : DatabaseSuite
{
    private static readonly Guid AdminKey = Guid.Parse("6f1c2a9e-0d43-4b8e-9a51-3c7d2e8f4a10");
    private static readonly Guid EditorKey = Guid.Parse("0b9e7d4c-5a21-4c3f-8e6d-1f2a3b4c5d6e");

    [Fact]
    public async Task Page_EntriesOfBothTables_NewestFirstAndPagedAcrossTables()
    {
        await using var host = await StartAsync();
        var log = await ArrangeInterleavedLogAsync(host);
        var queries = new AuditLogQueries(host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PortalDbContext>>());

        var all = await queries.PageAsync(new AuditLogFilter(), 0, 100, CancellationToken.None);
        var page = await queries.PageAsync(new AuditLogFilter(), 1, 3, CancellationToken.None);
        var beyond = await queries.PageAsync(new AuditLogFilter(), 50, 3, CancellationToken.None);

        Assert.Equal(9, all.Total);
        Assert.Equal(
            [
                ("UserGroupsSet", "User"), ("Published", "Document"), ("SignInFailed", "User"), ("Created", "Document"),
                ("UserCreated", "User"), ("Published", "Document"), ("Created", "Document"), ("Published", "Document"), ("Created", "Document"),
            ],
            all.Items.Select(r => (r.Action, r.EntityType)));
        Assert.Equal([log.Article, log.Article], all.Items.Where(r => r.EntityType == "Document").Take(2).Select(r => r.EntityKey!.Value));
        Assert.Equal(9, page.Total);
        Assert.Equal(["Published", "SignInFailed", "Created"], page.Items.Select(r => r.Action));
        Assert.Equal(9, beyond.Total);
        Assert.Empty(beyond.Items);
    }

    [Fact]
    public async Task Page_Filters_NarrowBothTables()
    {
        await using var host = await StartAsync();
        var log = await ArrangeInterleavedLogAsync(host);
        var queries = new AuditLogQueries(host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PortalDbContext>>());

        async Task<IReadOnlyList<string>> ActionsAsync(AuditLogFilter filter) =>
            (await queries.PageAsync(filter, 0, 100, CancellationToken.None)).Items.Select(r => r.Action).ToList();

        Assert.Equal(["UserGroupsSet", "SignInFailed", "UserCreated"], await ActionsAsync(new AuditLogFilter(EntityType: AuditEntityTypes.User)));
        Assert.Empty(await ActionsAsync(new AuditLogFilter(EntityType: AuditEntityTypes.UserGroup)));
        Assert.Equal(["Published", "Created"], await ActionsAsync(new AuditLogFilter(EntityKey: log.Article)));
        Assert.Equal(["Published", "Published", "Published"], await ActionsAsync(new AuditLogFilter(Action: "Published")));
        Assert.Equal(["SignInFailed"], await ActionsAsync(new AuditLogFilter(Action: AuditActions.SignInFailed)));
        Assert.Equal(["UserGroupsSet", "UserCreated"], await ActionsAsync(new AuditLogFilter(UserKey: AdminKey)));
        Assert.Equal(["SignInFailed"], await ActionsAsync(new AuditLogFilter(UserName: Actor.AnonymousName)));
        Assert.Equal(["SignInFailed", "Created"],
            await ActionsAsync(new AuditLogFilter(SinceUtc: log.Start.AddMinutes(2), UntilUtc: log.Start.AddMinutes(4))));
        var failed = Assert.Single((await queries.PageAsync(new AuditLogFilter(Action: AuditActions.SignInFailed), 0, 10, CancellationToken.None)).Items);
        Assert.Equal("203.113.1.7", failed.IpAddress);
        Assert.Null(failed.ActorKey);
        Assert.Equal("Thư điện tử đã nhập: khong-co@cchc.kontum.gov.vn", failed.Note);
    }

    [Fact]
    public async Task All_SameFilterAsPage_StreamsEveryRowNewestFirst()
    {
        await using var host = await StartAsync();
        await ArrangeInterleavedLogAsync(host);
        var queries = new AuditLogQueries(host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PortalDbContext>>());

        var streamed = new List<AuditLogRow>();
        await foreach (var row in queries.AllAsync(new AuditLogFilter(), CancellationToken.None))
        {
            streamed.Add(row);
        }

        var paged = await queries.PageAsync(new AuditLogFilter(), 0, 100, CancellationToken.None);
        Assert.Equal(paged.Items.Select(r => (r.Source, r.Id)), streamed.Select(r => (r.Source, r.Id)));
    }

    private sealed record ArrangedLog(DateTime Start, Guid Article);

    /// <summary>
    /// One minute apart: the site's four entries, a user created, an article created, a failed sign-in, the article
    /// published, a user's groups set.
    /// </summary>
    private static async Task<ArrangedLog> ArrangeInterleavedLogAsync(PortalTestHost host)
    {
        var start = host.Now;
        var (_, column) = await host.CreatePublishedSiteAsync();
        var admin = Actor.User(AdminKey, "quantri@cchc.kontum.gov.vn", [], "10.0.0.1");

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await AddAsync(host, new AuditEntry(admin, AuditEntityTypes.User, EditorKey, AuditActions.UserCreated, host.Now, "bientap@snv.kontum.gov.vn"));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var article = await host.CreateArticleAsync(column, "Bài theo dõi nhật ký");
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await AddAsync(host, new AuditEntry(Actor.Anonymous("203.113.1.7"), AuditEntityTypes.User, null, AuditActions.SignInFailed, host.Now,
            "Thư điện tử đã nhập: khong-co@cchc.kontum.gov.vn"));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.PublishAsync(article);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await AddAsync(host, new AuditEntry(admin, AuditEntityTypes.User, EditorKey, AuditActions.UserGroupsSet, host.Now, "unit-so-noi-vu-editors"));
        return new ArrangedLog(start, article);
    }

    private static async Task AddAsync(PortalTestHost host, AuditEntry entry)
    {
        await using var db = await host.NewContextAsync();
        db.AuditLog.Add(entry);
        await db.SaveChangesAsync();
    }
}

public sealed class AuditLogQueriesTestsOnSqlite : AuditLogQueriesTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class AuditLogQueriesTestsOnPostgreSql : AuditLogQueriesTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
