using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Data;

namespace Portal.Web.Tests.Features.Management;

/// <summary>One host with an API client for each seeded group, shared by every cell of the permission matrix.</summary>
public sealed class PermissionMatrixSite : IAsyncLifetime
{
    private ManagementSite? site;

    public ManagementSite Site => site ?? throw new InvalidOperationException("The site has not started.");

    public async Task InitializeAsync()
    {
        site = await ManagementSite.StartAsync([.. PermissionMatrixTests.Groups]);
        foreach (var group in PermissionMatrixTests.Groups)
        {
            await site.ClientForAsync(group);
        }
    }

    public async Task DisposeAsync()
    {
        if (site is not null)
        {
            await site.DisposeAsync();
        }
    }
}

/// <summary>
/// Every seeded group × every document verb × a document inside or outside the group's subtree, through the Management
/// API. The expected answer of each cell comes from <see cref="Specification"/>, written out by hand from the security
/// model (DESIGN §8 and the seeded groups), never from ContentAccess: the point is to check the implementation against
/// the specification. Each cell arranges its own documents as administrator; a refused verb must leave them unchanged.
/// </summary>
public sealed class PermissionMatrixTests(PermissionMatrixSite fixture) : IClassFixture<PermissionMatrixSite>
{
    public enum Verb { Browse, Create, Update, Delete, SendForApproval, Publish, Unpublish, Rollback, Move, Sort }

    public enum Place { Inside, Outside }

    public enum Expected { Allowed, Forbidden }

    public const string Administrators = "administrators";
    public const string ProvincialOffice = "provincialOffice";
    public const string Newspaper = "newspaper";
    public const string HomeAffairs = "homeAffairs";
    public const string Procedures = "procedures";
    public const string InteriorEditors = "unit-so-noi-vu-editors";
    public const string InteriorApprovers = "unit-so-noi-vu-approvers";

    public static readonly IReadOnlyList<string> Groups =
        [Administrators, ProvincialOffice, Newspaper, HomeAffairs, Procedures, InteriorEditors, InteriorApprovers];

    private static readonly Verb[] Every = Enum.GetValues<Verb>();
    private static readonly Verb[] Writer = [Verb.Browse, Verb.Create, Verb.Update, Verb.SendForApproval];
    private static readonly Verb[] Approver = [.. Writer, Verb.Publish, Verb.Unpublish, Verb.Rollback];

    /// <summary>What each group may do inside its subtree and outside it (in another unit's subtree, Sở Tư pháp).</summary>
    private static readonly Dictionary<string, (Verb[] Inside, Verb[] Outside)> Specification = new(StringComparer.Ordinal)
    {
        // Everything, everywhere.
        [Administrators] = (Every, Every),
        // Everything below the directive list (/chi-dao-dieu-hanh), nothing elsewhere.
        [ProvincialOffice] = (Every, []),
        // Everything below the CCHC column (/chuyen-trang-cchc), nothing elsewhere.
        [Newspaper] = (Every, []),
        // Reads the whole tree to follow every unit's output; changes nothing.
        [HomeAffairs] = ([Verb.Browse], [Verb.Browse]),
        // Its start nodes are the procedure sets; the seed has none, so it reaches nothing.
        [Procedures] = ([], []),
        // A unit's writers: browse, create, edit and send for approval below their unit page only.
        [InteriorEditors] = (Writer, []),
        // A unit's approvers: the writers' rights plus publish, unpublish and roll back, below their unit page only.
        [InteriorApprovers] = (Approver, []),
    };

    // Seeded documents (uSync/v17/Content, which keeps its keys on import).
    private static readonly Area InteriorUnit = new(Guid.Parse("495e4338-c512-5de3-8071-32a784a7bb02"), "page");
    private static readonly Area JusticeUnit = new(Guid.Parse("a44a87e0-6d6f-5763-a8a4-e30dab6d245f"), "page");
    private static readonly Area Column = new(Guid.Parse("23e29ced-6d0e-5431-927b-afbf09a1bc53"), "page");
    private static readonly Area DirectiveList = new(Guid.Parse("20c1f316-ced9-57b7-a8df-d63f470074dc"), "directive");

    private static int serial;

    private ManagementSite Site => fixture.Site;

    public static TheoryData<string, Verb, Place, Expected> Cells()
    {
        var cells = new TheoryData<string, Verb, Place, Expected>();
        foreach (var group in Groups)
        {
            foreach (var place in Enum.GetValues<Place>())
            {
                var allowed = place == Place.Inside ? Specification[group].Inside : Specification[group].Outside;
                foreach (var verb in Every)
                {
                    cells.Add(group, verb, place, allowed.Contains(verb) ? Expected.Allowed : Expected.Forbidden);
                }
            }
        }

        return cells;
    }

    [Fact]
    public void Specification_EveryGroupHasARow()
    {
        Assert.Equal(Groups.Order(StringComparer.Ordinal), Specification.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Verb_GroupInsideOrOutsideItsSubtree_AllowedOrForbiddenAsSpecified(string group, Verb verb, Place place, Expected expected)
    {
        var area = AreaOf(group, place);
        var client = await Site.ClientForAsync(group);
        var cell = await ArrangeAsync(verb, area);
        var before = await SnapshotAsync(cell);

        using var response = await ActAsync(client, verb, cell);

        if (expected == Expected.Allowed)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{group} {verb} {place}: expected 2xx, got {(int)response.StatusCode} {body}");
            await AssertDoneAsync(verb, cell, response);
        }
        else
        {
            await ManagementHttp.ProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.Equal(before, await SnapshotAsync(cell));
        }
    }

    /// <summary>
    /// Inside: below the group's start node (anywhere, for the groups that reach the whole tree; Sở Nội vụ for procedures,
    /// which reaches nothing). Outside: another unit's subtree, Sở Tư pháp.
    /// </summary>
    private static Area AreaOf(string group, Place place) => place == Place.Outside
        ? JusticeUnit
        : group switch
        {
            ProvincialOffice => DirectiveList,
            Newspaper => Column,
            _ => InteriorUnit,
        };

    // ---- arrange ----

    private async Task<Cell> ArrangeAsync(Verb verb, Area area)
    {
        var name = $"Ô ma trận {Interlocked.Increment(ref serial)} {verb}";
        var cell = new Cell(area, name, $"{name} đã sửa");
        switch (verb)
        {
            case Verb.Create:
                return cell;
            case Verb.Unpublish:
                return cell with { Document = await Site.CreatePublishedAsync(area.Parent, name, area.ChildType, Values(area, name)) };
            case Verb.Rollback:
            {
                var document = await Site.CreatePublishedAsync(area.Parent, name, area.ChildType, Values(area, name));
                await AssertOk(await UpdateAsync(await Admin(), document, area, cell.NewName), "arrange: update");
                var versions = await ManagementHttp.GetJsonAsync(await Admin(), $"document-version?documentId={document}");
                var published = versions.GetProperty("items").EnumerateArray()
                    .Single(v => v.GetProperty("isCurrentPublishedVersion").GetBoolean() && !v.GetProperty("isCurrentDraftVersion").GetBoolean());
                return cell with { Document = document, Version = published.GetProperty("id").GetGuid() };
            }

            case Verb.Move:
            {
                var document = await Site.CreateDocumentAsync(area.Parent, name, area.ChildType, Values(area, name));

                // A directive can only live in the directive list, so there it moves to the end of its own list.
                var target = area.ChildType == "page"
                    ? await Site.CreateDocumentAsync(area.Parent, name + " đích")
                    : area.Parent;
                return cell with { Document = document, Target = target };
            }

            case Verb.Sort:
            {
                var document = await Site.CreateDocumentAsync(area.Parent, name, area.ChildType, Values(area, name));
                var reversed = (await ChildrenAsync(area.Parent)).Select(c => c.Key).Reverse().ToList();
                return cell with { Document = document, Order = reversed };
            }

            default:
                return cell with { Document = await Site.CreateDocumentAsync(area.Parent, name, area.ChildType, Values(area, name)) };
        }
    }

    // ---- act ----

    private async Task<HttpResponseMessage> ActAsync(HttpClient client, Verb verb, Cell cell)
    {
        var document = cell.Document;
        switch (verb)
        {
            case Verb.Browse:
                return await client.GetAsync(ManagementHttp.Url($"document/{document}"));
            case Verb.Create:
                return await ManagementHttp.PostJsonAsync(client, "document", new
                {
                    parent = new { id = cell.Area.Parent },
                    documentType = new { id = Site.ContentTypeKeyOf(cell.Area.ChildType) },
                    template = (object?)null,
                    values = ValueModels(Values(cell.Area, cell.Name)),
                    variants = new[] { new { culture = (string?)null, segment = (string?)null, name = cell.Name } },
                });
            case Verb.Update:
                return await UpdateAsync(client, document!.Value, cell.Area, cell.NewName);
            case Verb.Delete:
                return await client.PutAsync(ManagementHttp.Url($"document/{document}/move-to-recycle-bin"), null);
            case Verb.SendForApproval:
                return await client.PutAsync(ManagementHttp.Url($"document/{document}/send-for-approval"), null);
            case Verb.Publish:
                return await ManagementHttp.PutJsonAsync(client, $"document/{document}/publish",
                    new { publishSchedules = new[] { new { culture = (string?)null, schedule = (object?)null } } });
            case Verb.Unpublish:
                return await ManagementHttp.PutJsonAsync(client, $"document/{document}/unpublish", new { cultures = (string[]?)null });
            case Verb.Rollback:
                return await client.PostAsync(ManagementHttp.Url($"document-version/{cell.Version}/rollback"), null);
            case Verb.Move:
                return await ManagementHttp.PutJsonAsync(client, $"document/{document}/move", new { target = new { id = cell.Target } });
            case Verb.Sort:
                return await ManagementHttp.PutJsonAsync(client, "document/sort", new
                {
                    parent = new { id = cell.Area.Parent },
                    sorting = cell.Order!.Select((id, i) => new { id, sortOrder = i }),
                });

            default:
                throw new ArgumentOutOfRangeException(nameof(verb), verb, null);
        }
    }

    private static Task<HttpResponseMessage> UpdateAsync(HttpClient client, Guid document, Area area, string name) =>
        ManagementHttp.PutJsonAsync(client, $"document/{document}", new
        {
            template = (object?)null,
            values = ValueModels(Values(area, name)),
            variants = new[] { new { culture = (string?)null, segment = (string?)null, name } },
        });

    // ---- assert ----

    /// <summary>What a user would notice after an allowed verb.</summary>
    private async Task AssertDoneAsync(Verb verb, Cell cell, HttpResponseMessage response)
    {
        switch (verb)
        {
            case Verb.Browse:
                var read = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
                Assert.Equal(cell.Document, read.GetProperty("id").GetGuid());
                Assert.Equal(cell.Name, NameOf(read));
                break;
            case Verb.Create:
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                var created = Guid.Parse(response.Headers.GetValues("Umb-Generated-Resource").Single());
                Assert.Equal(cell.Name, NameOf(await Site.GetDocumentAsync(created)));
                Assert.Equal(cell.Area.Parent, (await LoadAsync(created)).ParentKey);
                break;
            case Verb.Update:
                Assert.Equal(cell.NewName, NameOf(await Site.GetDocumentAsync(cell.Document!.Value)));
                break;
            case Verb.Delete:
                Assert.True((await Site.GetDocumentAsync(cell.Document!.Value)).GetProperty("isTrashed").GetBoolean());
                break;
            case Verb.SendForApproval:
                Assert.Equal(EditionStatus.InReview, (await LoadAsync(cell.Document!.Value)).Pending?.Status);
                break;
            case Verb.Publish:
                Assert.Equal("Published", StateOf(await Site.GetDocumentAsync(cell.Document!.Value)));
                break;
            case Verb.Unpublish:
                Assert.Equal("Draft", StateOf(await Site.GetDocumentAsync(cell.Document!.Value)));
                break;
            case Verb.Rollback:
                Assert.Equal(cell.Name, NameOf(await Site.GetDocumentAsync(cell.Document!.Value)));
                break;
            case Verb.Move:
                Assert.Equal(cell.Target, (await LoadAsync(cell.Document!.Value)).ParentKey);
                Assert.Contains(TimelineAction.Moved, await TimelineAsync(cell.Document!.Value));
                break;
            case Verb.Sort:
                Assert.Equal(cell.Order, (await ChildrenAsync(cell.Area.Parent)).Select(c => c.Key));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(verb), verb, null);
        }
    }

    /// <summary>
    /// Everything a refused verb must leave alone: the document as the administrator reads it through the API, its row and
    /// editions, and the parent's children (their order, and that none was added).
    /// </summary>
    private async Task<string> SnapshotAsync(Cell cell)
    {
        var parts = new List<object>();
        if (cell.Document is { } key)
        {
            parts.Add((await Site.GetDocumentAsync(key)).GetRawText());
            var document = await LoadAsync(key);
            parts.Add(new
            {
                document.ParentKey,
                document.SortOrder,
                document.Trashed,
                document.Version,
                Editions = document.Editions.OrderBy(e => e.Number).Select(e => $"{e.Number} {e.Status} {e.Name}").ToList(),
            });
        }

        parts.Add((await ChildrenAsync(cell.Area.Parent)).Select(c => $"{c.Key} {c.SortOrder} {c.Version}").ToList());
        return JsonSerializer.Serialize(parts);
    }

    // ---- helpers ----

    private Task<HttpClient> Admin() => Site.ClientForAsync(ManagementSite.Administrators);

    private static async Task AssertOk(HttpResponseMessage response, string what)
    {
        using (response)
        {
            await ManagementHttp.AssertOkAsync(response, what);
        }
    }

    private async Task<PortalDbContext> DbAsync() =>
        await Site.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    private async Task<Document> LoadAsync(Guid key)
    {
        await using var db = await DbAsync();
        return await db.Documents.AsNoTracking().Include(d => d.Editions).SingleAsync(d => d.Key == key);
    }

    private async Task<List<TimelineAction>> TimelineAsync(Guid key)
    {
        await using var db = await DbAsync();
        return await db.Timeline.AsNoTracking().Where(t => t.DocumentKey == key).OrderBy(t => t.Id).Select(t => t.Action).ToListAsync();
    }

    /// <summary>The parent's children that are not in the recycle bin, in their order.</summary>
    private async Task<List<Document>> ChildrenAsync(Guid parent)
    {
        await using var db = await DbAsync();
        var children = await db.Documents.AsNoTracking().Where(d => d.ParentKey == parent && !d.Trashed).ToListAsync();
        return [.. children.OrderBy(d => d.SortOrder).ThenBy(d => d.Key)];
    }

    private static string? NameOf(JsonElement document) => document.GetProperty("variants")[0].GetProperty("name").GetString();

    private static string? StateOf(JsonElement document) => document.GetProperty("variants")[0].GetProperty("state").GetString();

    /// <summary>The mandatory fields of the area's child type: a page needs its title, a directive also a summary and body.</summary>
    private static Dictionary<string, object?> Values(Area area, string title) => area.ChildType == "directive"
        ? new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["title"] = title,
            ["summary"] = "Tóm tắt chỉ đạo của Ủy ban nhân dân tỉnh.",
            ["body"] = new { markup = "<p>Nội dung chỉ đạo.</p>", blocks = (object?)null },
        }
        : new Dictionary<string, object?>(StringComparer.Ordinal) { ["title"] = title };

    private static IEnumerable<object> ValueModels(Dictionary<string, object?> values) =>
        values.Select(v => new { alias = v.Key, culture = (string?)null, segment = (string?)null, value = v.Value });

    /// <summary>Where a cell's documents live: a parent and the content type its new children get.</summary>
    private sealed record Area(Guid Parent, string ChildType);

    private sealed record Cell(Area Area, string Name, string NewName, Guid? Document = null, Guid? Target = null, Guid? Version = null,
        IReadOnlyList<Guid>? Order = null);
}
