using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Portal.Web.Tests.Features.SignIn;

namespace Portal.Web.Tests.Features.Management.Procedures;

/// <summary><c>POST /procedure/import</c> on the seeded site: records created and published, re-import unchanged, bad files refused whole.</summary>
public sealed class ProcedureImportEndpointTests(ProcedureImportSiteFixture fixture) : IClassFixture<ProcedureImportSiteFixture>
{
    private const string ImportPath = ManagementSite.ApiPath + "/procedure/import";

    [Fact]
    public async Task Import_JsonArray_CreatesPublishesAndReportsEachRecord()
    {
        var (birth, marriage) = (ProcedureFiles.NewCode(), ProcedureFiles.NewCode());
        var file = ProcedureFiles.Json(ProcedureFiles.Record(birth, "Đăng ký khai sinh lưu động"), ProcedureFiles.Record(marriage, "Đăng ký kết hôn lưu động"));

        var (status, report) = await ImportAsync("procedures", file, "thu-tuc.json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((2, 0, 0, 0), Counts(report));
        Assert.Equal([birth, marriage], report.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.All(report.GetProperty("records").EnumerateArray(), r => Assert.Equal("Created", r.GetProperty("outcome").GetString()));
        var page = await fixture.Site.Factory.CreateClient().GetAsync(new Uri($"/umbraco/delivery/api/v2/content?filter=contentType:procedure&filter=name:lưu động&take=50", UriKind.Relative));
        var live = JsonDocument.Parse(await page.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("properties").GetProperty("procedureCode").GetString()).ToList();
        Assert.Contains(birth, live);
        Assert.Contains(marriage, live);
    }

    [Fact]
    public async Task Import_SameNdjsonFileTwice_SecondRunReportsEveryRecordUnchanged()
    {
        var code = ProcedureFiles.NewCode();
        var file = ProcedureFiles.Ndjson(ProcedureFiles.Record(code, "Cấp bản sao trích lục hộ tịch"));
        await ImportAsync("procedures", file, "thu-tuc.ndjson.json");

        var (status, report) = await ImportAsync("procedures", file, "thu-tuc.ndjson.json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((0, 0, 1, 0), Counts(report));
    }

    [Fact]
    public async Task Import_RecordWithoutName_RejectedWithItsPositionWhileTheOthersApply()
    {
        var (good, bad) = (ProcedureFiles.NewCode(), ProcedureFiles.NewCode());
        var file = ProcedureFiles.Json(ProcedureFiles.Record(good, "Đăng ký khai tử lưu động"), ProcedureFiles.Record(bad, "  "));

        var (status, report) = await ImportAsync("procedures", file, "thu-tuc.json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((1, 0, 0, 1), Counts(report));
        var rejected = report.GetProperty("records").EnumerateArray().Single(r => r.GetProperty("outcome").GetString() == "Rejected");
        Assert.Equal(2, rejected.GetProperty("position").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(rejected.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Import_MalformedJson_400WithAVietnameseMessageAndNothingApplied()
    {
        var code = ProcedureFiles.NewCode();
        var file = ProcedureFiles.Json(ProcedureFiles.Record(code, "Thủ tục trong tệp hỏng"))[..^3];

        var (status, problem) = await ImportAsync("procedures", file, "hong.json");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Malformed file", problem.GetProperty("title").GetString());
        Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var query = await fixture.Site.Factory.CreateClient().GetStringAsync(new Uri("/umbraco/delivery/api/v2/content?filter=name:trong tệp hỏng", UriKind.Relative));
        Assert.Equal(0, JsonDocument.Parse(query).RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Import_ByAGroupWithoutTheProceduresSection_403()
    {
        var file = ProcedureFiles.Json(ProcedureFiles.Record(ProcedureFiles.NewCode(), "Thủ tục không được phép nhập"));

        var (status, _) = await ImportAsync(BackofficeAccounts.Newspaper, file, "thu-tuc.json");

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ImportAsync(string group, string file, string fileName)
    {
        var client = await fixture.Site.ApiAsync(group);
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(file));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(part, "file", fileName);
        using var response = await client.PostAsync(new Uri(ImportPath, UriKind.Relative), form);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static (int Created, int Updated, int Unchanged, int Rejected) Counts(JsonElement report) =>
        (report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32(), report.GetProperty("unchanged").GetInt32(),
            report.GetProperty("rejected").GetInt32());
}

public sealed class ProcedureImportSiteFixture : IAsyncLifetime
{
    internal BackofficeSite Site { get; private set; } = null!;

    public async Task InitializeAsync() => Site = await BackofficeSite.StartAsync(["procedures", BackofficeAccounts.Newspaper]);

    public async Task DisposeAsync() => await Site.DisposeAsync();
}
