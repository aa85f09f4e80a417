using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Access;
using Portal.Data.Tests.TestHost;

namespace Portal.Data.Tests.Forum;

/// <summary>
/// A site upgraded to the forum: its units' groups, seeded before the forum existed, open the «Diễn đàn» section so the
/// units can answer; groups of no unit (which would become moderators) are left as they were.
/// </summary>
public abstract class ForumMigrationTests : DatabaseSuite
{
    private const string BeforeForum = "StoredWebhooks";

    [Fact]
    public async Task Migrate_UnitGroupsCreatedBefore_GainTheForumSectionOthersDoNot()
    {
        await using var database = CreateDatabase();
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        database.Configure(options);
        await using var db = new PortalDbContext(options.Options);
        var migrator = db.GetService<IMigrator>();
        var before = db.Database.GetMigrations().Single(m => m.EndsWith("_" + BeforeForum, StringComparison.Ordinal));
        await migrator.MigrateAsync(before);
        var unit = Guid.NewGuid();
        db.UserGroups.Add(new UserGroup(Guid.NewGuid(), "unit-so-tu-phap-editors", "Sở Tư pháp – biên tập", [Section.Content, Section.Media],
            Permission.Browse, hasRootAccess: false, [unit], unit));
        db.UserGroups.Add(new UserGroup(Guid.NewGuid(), "unit-so-tu-phap-approvers", "Sở Tư pháp – phê duyệt", [Section.Content, Section.Media],
            Permission.Browse | Permission.Publish, hasRootAccess: false, [unit], unit));
        db.UserGroups.Add(new UserGroup(Guid.NewGuid(), "writers", "Biên tập viên", [Section.Content], Permission.Browse, hasRootAccess: true, []));
        await db.SaveChangesAsync();

        await migrator.MigrateAsync();

        await using var after = new PortalDbContext(options.Options);
        var groups = await after.UserGroups.AsNoTracking().ToDictionaryAsync(g => g.Alias);
        Assert.Equal([Section.Content, Section.Media, Section.Forum], groups["unit-so-tu-phap-editors"].Sections);
        Assert.Equal([Section.Content, Section.Media, Section.Forum], groups["unit-so-tu-phap-approvers"].Sections);
        Assert.Equal([Section.Content], groups["writers"].Sections);
    }
}

public sealed class ForumMigrationTestsOnSqlite : ForumMigrationTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class ForumMigrationTestsOnPostgreSql : ForumMigrationTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
