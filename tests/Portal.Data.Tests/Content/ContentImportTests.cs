using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Procedures;
using Portal.Core.Schema;
using Portal.Core.Workflow;
using Portal.Data.Tests.TestHost;

namespace Portal.Data.Tests.Content;

/// <summary>The import verb on a real database: one transaction, matched by a field, unchanged pages left alone, drafts never overwritten.</summary>
public abstract class ContentImportTests : DatabaseSuite
{
    private const string Note = "Nhập từ tệp thu-tuc.json";

    [Fact]
    public async Task Import_NewProcedures_CreatedPublishedAndOnTheTimeline()
    {
        await using var host = await StartAsync();
        var set = await CreateSetAsync(host);

        var result = await Import(host).ImportAsync(set, ProcedureAliases.ProcedureType, ProcedureAliases.Code,
            [Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch"), Procedure("2.000889", "Chứng thực bản sao từ bản chính", "Chứng thực")],
            SampleContent.Actor, Note);

        Assert.True(result.Succeeded, result.Status.ToString());
        Assert.Equal([ImportOutcome.Created, ImportOutcome.Created], result.Items.Select(i => i.Outcome));
        var created = await host.LoadAsync(result.Items[0].DocumentKey!.Value);
        Assert.Equal(("Đăng ký khai sinh", "1.001193"), (created.Live!.Name, created.Live.Values[ProcedureAliases.Code]));
        var timeline = await host.TimelineAsync(created.Key);
        Assert.Equal([TimelineAction.Created, TimelineAction.Published], timeline.Select(t => t.Action));
        Assert.Equal(Note, timeline[0].Note);
    }

    [Fact]
    public async Task Import_SameFileTwice_SecondRunUnchangedWithoutNewEditions()
    {
        await using var host = await StartAsync();
        var set = await CreateSetAsync(host);
        ImportItem[] items = [Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch")];
        var first = await Import(host).ImportAsync(set, ProcedureAliases.ProcedureType, ProcedureAliases.Code, items, SampleContent.Actor, Note);

        var second = await Import(host).ImportAsync(set, ProcedureAliases.ProcedureType, ProcedureAliases.Code, items, SampleContent.Actor, Note);

        Assert.Equal(ImportOutcome.Unchanged, Assert.Single(second.Items).Outcome);
        Assert.Single((await host.LoadAsync(first.Items[0].DocumentKey!.Value)).Editions);
    }

    [Fact]
    public async Task Import_ChangedFieldFromAListExport_NewEditionKeepsFieldsTheSourceDoesNotSpeak()
    {
        await using var host = await StartAsync();
        var set = await CreateSetAsync(host);
        var full = Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch", (ProcedureAliases.Requirements, "Trẻ em sinh ra còn sống."));
        var first = await Import(host).ImportAsync(set, ProcedureAliases.ProcedureType, ProcedureAliases.Code, [full], SampleContent.Actor, Note);
        var listRow = new ImportItem("Đăng ký khai sinh", new Dictionary<string, string>
        {
            [ProcedureAliases.Code] = "1.001193",
            [ProcedureAliases.Field] = "Hộ tịch",
            [ProcedureAliases.Level] = """["Cấp xã"]""",
            [ProcedureAliases.Description] = "Mô tả mới từ danh sách.",
        }, new HashSet<string> { ProcedureAliases.Code, ProcedureAliases.Field, ProcedureAliases.Level, ProcedureAliases.Description });

        var result = await Import(host).ImportAsync(set, ProcedureAliases.ProcedureType, ProcedureAliases.Code, [listRow], SampleContent.Actor, Note);

        Assert.Equal(ImportOutcome.Updated, Assert.Single(result.Items).Outcome);
        var document = await host.LoadAsync(first.Items[0].DocumentKey!.Value);
        Assert.Equal(2, document.Live!.Number);
        Assert.Equal("Mô tả mới từ danh sách.", document.Live.Values[ProcedureAliases.Description]);
        Assert.Equal("Trẻ em sinh ra còn sống.", document.Live.Values[ProcedureAliases.Requirements]);
    }

    [Fact]
    public async Task Import_RecordMissingMandatoryField_RejectedWithReasonWhileTheOthersApply()
    {
        await using var host = await StartAsync();
        var set = await CreateSetAsync(host);
        var noField = Procedure("1.000001", "Thủ tục thiếu lĩnh vực", "Hộ tịch");
        var values = new Dictionary<string, string>(noField.Values);
        values.Remove(ProcedureAliases.Field);

        var result = await Import(host).ImportAsync(set, ProcedureAliases.ProcedureType, ProcedureAliases.Code,
            [noField with { Values = values }, Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch")], SampleContent.Actor, Note);

        Assert.Equal([ImportOutcome.Rejected, ImportOutcome.Created], result.Items.Select(i => i.Outcome));
        Assert.Contains(result.Items[0].Errors, e => e.Message == "Vui lòng nhập lĩnh vực");
        Assert.Equal(2, (await host.LoadAllAsync()).Count - 1);
    }

    [Fact]
    public async Task Import_BlockMissingItsMandatoryField_RejectedNamingTheBlock()
    {
        await using var host = await StartAsync();
        var set = await CreateSetAsync(host);
        var schema = host.Services.GetRequiredService<ISchemaCatalog>();
        var stepType = schema.FindContentType(ProcedureAliases.StepType)!.Key;
        var steps = BlockListValue.Write([new BlockItem(Guid.NewGuid(), stepType, new Dictionary<string, string> { [ProcedureAliases.StepText] = "Bước 1: Nộp hồ sơ." }),
            new BlockItem(Guid.NewGuid(), stepType, new Dictionary<string, string>())]);

        var result = await Import(host).ImportAsync(set, ProcedureAliases.ProcedureType, ProcedureAliases.Code,
            [Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch", (ProcedureAliases.Steps, steps))], SampleContent.Actor, Note);

        var item = Assert.Single(result.Items);
        Assert.Equal(ImportOutcome.Rejected, item.Outcome);
        Assert.Equal("Khối 2 của «Trình tự thực hiện»: Vui lòng nhập nội dung bước", Assert.Single(item.Errors).Message);
    }

    [Fact]
    public async Task Import_ProcedureWithAnEditorsDraft_RejectedAndTheDraftKept()
    {
        await using var host = await StartAsync();
        var set = await CreateSetAsync(host);
        var first = await Import(host).ImportAsync(set, ProcedureAliases.ProcedureType, ProcedureAliases.Code,
            [Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch")], SampleContent.Actor, Note);
        var key = first.Items[0].DocumentKey!.Value;
        var draftValues = new Dictionary<string, string>((await host.LoadAsync(key)).Live!.Values) { [ProcedureAliases.Description] = "Bản nháp của biên tập viên." };
        Assert.True((await host.Editing.SaveDraftAsync(key, null, "Đăng ký khai sinh", draftValues, SampleContent.Actor)).Succeeded);

        var result = await Import(host).ImportAsync(set, ProcedureAliases.ProcedureType, ProcedureAliases.Code,
            [Procedure("1.001193", "Đăng ký khai sinh (sửa)", "Hộ tịch")], SampleContent.Actor, Note);

        Assert.Equal(ImportOutcome.Rejected, Assert.Single(result.Items).Outcome);
        var document = await host.LoadAsync(key);
        Assert.Equal("Bản nháp của biên tập viên.", document.Pending!.Values[ProcedureAliases.Description]);
        Assert.Equal("Đăng ký khai sinh", document.Live!.Name);
    }

    [Fact]
    public async Task Import_EditorWithoutPublishPermission_ForbiddenAndNothingWritten()
    {
        await using var host = await StartAsync();
        var set = await CreateSetAsync(host);
        var editors = new UserGroup(Guid.NewGuid(), "procedure-editors", "Biên tập thủ tục", [Section.Content],
            Permission.Browse | Permission.Create | Permission.Update, hasRootAccess: true, startNodeKeys: []);
        var editor = Actor.User(Guid.NewGuid(), "bien.tap", [editors], "203.0.113.9");

        var result = await Import(host).ImportAsync(set, ProcedureAliases.ProcedureType, ProcedureAliases.Code,
            [Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch")], editor, Note);

        Assert.Equal(ContentOperationStatus.Forbidden, result.Status);
        Assert.Equal(2, (await host.LoadAllAsync()).Count);
    }

    private static ContentImport Import(PortalTestHost host) => host.Services.GetRequiredService<ContentImport>();

    private static async Task<Guid> CreateSetAsync(PortalTestHost host)
    {
        var home = await host.CreatePublishedAsync("home", null, SampleContent.HomeName);
        return await host.CreatePublishedAsync(ProcedureAliases.SetType, home, "Thủ tục hành chính");
    }

    private static ImportItem Procedure(string code, string name, string field, params (string Alias, string Value)[] extra)
    {
        var values = new Dictionary<string, string>
        {
            [ProcedureAliases.Code] = code,
            [ProcedureAliases.Field] = field,
            [ProcedureAliases.Level] = """["Cấp xã"]""",
        };
        foreach (var (alias, value) in extra)
        {
            values[alias] = value;
        }

        return new ImportItem(name, values);
    }
}

public sealed class ContentImportTestsOnSqlite : ContentImportTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class ContentImportTestsOnPostgreSql : ContentImportTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
