using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Data.Tests.TestHost;

namespace Portal.Data.Tests.Content;

/// <summary>
/// Editions written before editions had ids of their own get one from the migration: distinct, and stored in the
/// form the provider compares, so the Management API can find a document version by its id.
/// </summary>
public abstract class EditionKeyMigrationTests : DatabaseSuite
{
    private const string BeforeEditionKey = "EditionUnit";

    [Fact]
    public async Task Migrate_EditionsSavedBefore_EachGetsADistinctKeyThatFindsIt()
    {
        await using var database = CreateDatabase();
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        database.Configure(options);
        await using var db = new PortalDbContext(options.Options);
        var migrator = db.GetService<IMigrator>();
        var before = db.Database.GetMigrations().Single(m => m.EndsWith("_" + BeforeEditionKey, StringComparison.Ordinal));
        await migrator.MigrateAsync(before);
        var document = Guid.NewGuid();
        await InsertDocumentAsync(db, document);
        foreach (var (number, status) in new[] { (1, "Superseded"), (2, "Published"), (3, "Draft") })
        {
            await InsertEditionAsync(db, document, number, status);
        }

        await migrator.MigrateAsync();

        var keys = await db.Editions.AsNoTracking().Where(e => e.DocumentKey == document).ToDictionaryAsync(e => e.Number, e => e.Key);
        Assert.Equal(3, keys.Values.Distinct().Count());
        Assert.DoesNotContain(Guid.Empty, keys.Values);
        var second = keys[2];
        var found = await db.Editions.AsNoTracking().SingleAsync(e => e.Key == second);
        Assert.Equal(2, found.Number);
    }

    /// <summary>Raw SQL: the entity classes already know columns the old schema does not have.</summary>
    private static async Task InsertDocumentAsync(PortalDbContext db, Guid key)
    {
        var now = new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
        var path = "/" + key.ToString("N") + "/";
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Documents" ("Key", "ContentTypeAlias", "ParentKey", "Path", "Level", "SortOrder", "Trashed", "CreatedAt", "CreatedBy", "UpdatedAt", "Version")
            VALUES ({key}, {"article"}, NULL, {path}, 1, 0, FALSE, {now}, {"kiểm thử"}, {now}, 3)
            """);
    }

    private static async Task InsertEditionAsync(PortalDbContext db, Guid document, int number, string status)
    {
        var now = new DateTime(2026, 3, 2, 1, number, 0, DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Editions" ("DocumentKey", "Number", "Status", "Name", "UrlSegment", "FieldValues", "CreatedBy", "CreatedAt", "UpdatedAt")
            VALUES ({document}, {number}, {status}, {"Bài viết"}, {"bai-viet"}, {"{}"}, {"kiểm thử"}, {now}, {now})
            """);
    }
}

public sealed class EditionKeyMigrationTestsOnSqlite : EditionKeyMigrationTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class EditionKeyMigrationTestsOnPostgreSql : EditionKeyMigrationTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
