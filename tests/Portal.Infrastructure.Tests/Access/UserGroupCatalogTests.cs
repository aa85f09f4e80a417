using Microsoft.EntityFrameworkCore;
using Portal.Core.Access;
using Portal.Core.Events;
using Portal.Core.Workflow;
using Portal.Data;
using Portal.Data.Access;
using Portal.Infrastructure.Access;
using Portal.Infrastructure.Tests.TestHost;
using Portal.Infrastructure.Usync;

namespace Portal.Infrastructure.Tests.Access;

public sealed class UserGroupCatalogTests
{
    private static readonly Actor Importer = Actor.System("kiem-thu");

    [Fact]
    public async Task EnsureAsync_SeededSite_EveryUnitHasEditorsAndApproversBelowItsPage()
    {
        await using var engine = await SeededAsync();

        await engine.Get<UserGroupCatalog>().EnsureAsync(CancellationToken.None);

        var groups = await engine.Get<UserGroupStore>().AllAsync(CancellationToken.None);
        var editors = groups.Single(g => g.Alias == "unit-so-noi-vu-editors");
        var approvers = groups.Single(g => g.Alias == "unit-so-noi-vu-approvers");
        Assert.Equal(editors.UnitKey, approvers.UnitKey);
        Assert.Equal([editors.UnitKey!.Value], editors.StartNodeKeys);
        Assert.Equal(Permission.Browse | Permission.Create | Permission.Update | Permission.SendForApproval, editors.Permissions);
        Assert.Equal(editors.Permissions | Permission.Publish | Permission.Unpublish | Permission.Rollback, approvers.Permissions);
        Assert.Contains(groups, g => g.Alias == "unit-so-tu-phap-editors");
        Assert.All(new[] { UserGroup.AdministratorsAlias, "provincialOffice", "newspaper", "homeAffairs", "procedures" },
            alias => Assert.Contains(groups, g => g.Alias == alias));
    }

    [Fact]
    public async Task EnsureAsync_RunAgainAfterAnAdministratorChangedAGroup_NoDuplicateAndTheChangeStands()
    {
        await using var engine = await SeededAsync();
        var catalog = engine.Get<UserGroupCatalog>();
        await catalog.EnsureAsync(CancellationToken.None);
        await using (var db = await engine.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var newspaper = await db.UserGroups.SingleAsync(g => g.Alias == "newspaper");
            newspaper.Change("Báo Kon Tum – ban biên tập", newspaper.Sections, Permission.Browse, false, newspaper.StartNodeKeys);
            await db.SaveChangesAsync();
        }

        var store = engine.Get<UserGroupStore>();

        await catalog.EnsureAsync(CancellationToken.None);

        var groups = await store.AllAsync(CancellationToken.None);
        Assert.Equal(groups.Count, groups.Select(g => g.Alias).Distinct().Count());
        var after = groups.Single(g => g.Alias == "newspaper");
        Assert.Equal("Báo Kon Tum – ban biên tập", after.Name);
        Assert.Equal(Permission.Browse, after.Permissions);
    }

    [Fact]
    public async Task HandleAsync_UnitCreatedLater_ItsTwoGroupsExist()
    {
        await using var engine = await SeededAsync();
        var catalog = engine.Get<UserGroupCatalog>();
        await catalog.EnsureAsync(CancellationToken.None);
        var units = (await engine.Get<UserGroupStore>().AllAsync(CancellationToken.None)).Single(g => g.Alias == "unit-so-noi-vu-editors");
        var unitsRoot = await ParentOfAsync(engine, units.UnitKey!.Value);

        var created = await engine.Get<ContentEditing>().CreateAsync("unit", unitsRoot, "Xã Đăk Rơ Wa",
            new Dictionary<string, string> { ["unitName"] = "Ủy ban nhân dân xã Đăk Rơ Wa" }, Importer);
        Assert.True(created.Succeeded, created.Status.ToString());
        await catalog.HandleAsync(new DocumentCreated(created.DocumentKey!.Value, unitsRoot, "unit"), CancellationToken.None);

        var groups = await engine.Get<UserGroupStore>().AllAsync(CancellationToken.None);
        Assert.Equal(created.DocumentKey, groups.Single(g => g.Alias == "unit-xa-dak-ro-wa-editors").UnitKey);
        Assert.Equal(created.DocumentKey, groups.Single(g => g.Alias == "unit-xa-dak-ro-wa-approvers").UnitKey);
    }

    [Fact]
    public async Task HandleAsync_ProcedureSetCreated_TheProceduresGroupReachesIt()
    {
        await using var engine = await SeededAsync();
        var catalog = engine.Get<UserGroupCatalog>();
        await catalog.EnsureAsync(CancellationToken.None);
        var store = engine.Get<UserGroupStore>();
        Assert.Empty((await store.AllAsync(CancellationToken.None)).Single(g => g.Alias == "procedures").StartNodeKeys);
        var home = await ParentOfAsync(engine, await ParentOfAsync(engine,
            (await store.AllAsync(CancellationToken.None)).Single(g => g.Alias == "unit-so-noi-vu-editors").UnitKey!.Value));

        var created = await engine.Get<ContentEditing>().CreateAsync("procedureSet", home, "Thủ tục hành chính",
            new Dictionary<string, string>(), Importer);
        Assert.True(created.Succeeded, created.Status.ToString());
        await catalog.HandleAsync(new DocumentCreated(created.DocumentKey!.Value, home, "procedureSet"), CancellationToken.None);
        await catalog.HandleAsync(new DocumentCreated(created.DocumentKey!.Value, home, "procedureSet"), CancellationToken.None);

        var procedures = (await store.AllAsync(CancellationToken.None)).Single(g => g.Alias == "procedures");
        Assert.Equal([created.DocumentKey!.Value], procedures.StartNodeKeys);
    }

    /// <summary>Home / Đơn vị / {Sở Nội vụ, Sở Tư pháp}: the schema from uSync, a few pages instead of the whole seed.</summary>
    private static async Task<SqliteEngine> SeededAsync()
    {
        var engine = await SqliteEngine.StartAsync();
        await engine.Get<UsyncSchemaImporter>().ImportAsync(RepositoryPaths.Usync, CancellationToken.None);
        var home = await CreateAsync(engine, "home", null, "Trang chủ");
        var units = await CreateAsync(engine, "unitsRoot", home, "Đơn vị");
        await CreateAsync(engine, "unit", units, "Sở Nội vụ");
        await CreateAsync(engine, "unit", units, "Sở Tư pháp");
        return engine;
    }

    private static async Task<Guid> CreateAsync(SqliteEngine engine, string contentType, Guid? parent, string name)
    {
        var created = await engine.Get<ContentEditing>().CreateAsync(contentType, parent, name, new Dictionary<string, string>(), Importer);
        Assert.True(created.Succeeded, created.Status.ToString());
        return created.DocumentKey!.Value;
    }

    private static async Task<Guid> ParentOfAsync(SqliteEngine engine, Guid key)
    {
        await using var session = engine.Get<IContentSessionFactory>().Open();
        return (await session.FindAsync(key, CancellationToken.None))!.ParentKey!.Value;
    }
}
