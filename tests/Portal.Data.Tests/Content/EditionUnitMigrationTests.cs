using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Data.Tests.TestHost;

namespace Portal.Data.Tests.Content;

/// <summary>Editions saved before the UnitKey column existed name their unit only in their field values; the migration fills the column.</summary>
public abstract class EditionUnitMigrationTests : DatabaseSuite
{
    private const string BeforeUnitKey = "Webhooks";

    [Fact]
    public async Task Migrate_EditionsSavedBefore_UnitKeyFilledFromUnitField()
    {
        await using var database = CreateDatabase();
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        database.Configure(options);
        await using var db = new PortalDbContext(options.Options);
        var migrator = db.GetService<IMigrator>();
        var before = db.Database.GetMigrations().Single(m => m.EndsWith("_" + BeforeUnitKey, StringComparison.Ordinal));
        await migrator.MigrateAsync(before);
        var unit = Guid.NewGuid();
        var withUnit = Guid.NewGuid();
        var withoutUnit = Guid.NewGuid();
        await InsertAsync(db, unit, "unit", "{}");
        await InsertAsync(db, withUnit, "article", $$"""{"title":"Bài của đơn vị","unit":"umb://document/{{unit:N}}"}""");
        await InsertAsync(db, withoutUnit, "article", """{"title":"Bài chung","unit":"không phải liên kết"}""");

        await migrator.MigrateAsync();

        var units = await db.Editions.AsNoTracking().ToDictionaryAsync(e => e.DocumentKey, e => e.UnitKey);
        Assert.Equal(unit, units[withUnit]);
        Assert.Null(units[withoutUnit]);
        Assert.Null(units[unit]);
    }

    /// <summary>Raw SQL: the entity classes already know the new column, which the old schema does not have.</summary>
    private static async Task InsertAsync(PortalDbContext db, Guid key, string contentType, string values)
    {
        var now = new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
        var path = "/" + key.ToString("N") + "/";
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Documents" ("Key", "ContentTypeAlias", "ParentKey", "Path", "Level", "SortOrder", "Trashed", "CreatedAt", "CreatedBy", "UpdatedAt", "Version")
            VALUES ({key}, {contentType}, NULL, {path}, 1, 0, FALSE, {now}, {"kiểm thử"}, {now}, 1)
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Editions" ("DocumentKey", "Number", "Status", "Name", "UrlSegment", "FieldValues", "CreatedBy", "CreatedAt", "UpdatedAt")
            VALUES ({key}, 1, {"Published"}, {contentType}, {key.ToString("N")}, {values}, {"kiểm thử"}, {now}, {now})
            """);
    }
}

public sealed class EditionUnitMigrationTestsOnSqlite : EditionUnitMigrationTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class EditionUnitMigrationTestsOnPostgreSql : EditionUnitMigrationTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
