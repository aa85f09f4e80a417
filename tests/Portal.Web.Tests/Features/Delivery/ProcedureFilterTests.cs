using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Procedures;
using Portal.Core.Schema;
using Portal.Core.Workflow;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Tests.Features.Management;
using Portal.Web.Tests.Features.Management.Procedures;
using Portal.Web.Tests.Features.SignIn;

namespace Portal.Web.Tests.Features.Delivery;

/// <summary>
/// The procedure filters of <c>GET /content</c>: procedureField, level (words, not numbers), onlineLevel, postal, status and
/// unit. Each test imports procedures of a field nobody else uses, so counts are its own.
/// </summary>
public sealed class ProcedureFilterTests(ProcedureFilterSiteFixture fixture) : IClassFixture<ProcedureFilterSiteFixture>
{
    [Fact]
    public async Task ProcedureField_NameOrSlug_OnlyThatFieldsProcedures()
    {
        var field = NewField();
        var codes = await ImportAsync(ProcedureFiles.Record(ProcedureFiles.NewCode(), "Thủ tục một", field), ProcedureFiles.Record(ProcedureFiles.NewCode(), "Thủ tục hai", field));

        var byName = await CodesAsync($"filter=procedureField:{field}");
        var bySlug = await CodesAsync($"filter=procedureField:{Slug(field)}");

        Assert.Equal(codes.Order(), byName.Order());
        Assert.Equal(codes.Order(), bySlug.Order());
    }

    [Fact]
    public async Task Level_Word_MatchesTheLevelOfGovernmentWhileANumberStaysTheTreeDepth()
    {
        var field = NewField();
        var province = ProcedureFiles.Record(ProcedureFiles.NewCode(), "Thủ tục cấp tỉnh", field, "Cấp tỉnh");
        var commune = ProcedureFiles.Record(ProcedureFiles.NewCode(), "Thủ tục cấp xã", field, "Cấp huyện, Cấp xã");
        var codes = await ImportAsync(province, commune);

        Assert.Equal([codes[1]], await CodesAsync($"filter=procedureField:{field}&filter=level:xa"));
        Assert.Equal([codes[0]], await CodesAsync($"filter=procedureField:{field}&filter=level:Cấp tỉnh"));
        Assert.Empty(await CodesAsync($"filter=procedureField:{field}&filter=level:1"));
    }

    [Fact]
    public async Task OnlineLevelAndPostal_OnlyMatchingProcedures()
    {
        var field = NewField();
        var full = ProcedureFiles.Record(ProcedureFiles.NewCode(), "Thủ tục toàn trình", field);
        full["muc_do_dvc"] = "Toàn trình";
        full["buu_chinh_tiep_nhan"] = true;
        var partial = ProcedureFiles.Record(ProcedureFiles.NewCode(), "Thủ tục một phần", field);
        partial["muc_do_dvc"] = "Một phần";
        partial["buu_chinh_tiep_nhan"] = false;
        var codes = await ImportAsync(full, partial);

        Assert.Equal([codes[0]], await CodesAsync($"filter=procedureField:{field}&filter=onlineLevel:toan-trinh"));
        Assert.Equal([codes[0]], await CodesAsync($"filter=procedureField:{field}&filter=postal:true"));
        Assert.Equal([codes[1]], await CodesAsync($"filter=procedureField:{field}&filter=postal:false"));
    }

    [Fact]
    public async Task Status_AfterADecisionAbolishesOne_AbolishedAndInForceSplit()
    {
        var field = NewField();
        var (kept, abolished) = (ProcedureFiles.NewCode(), ProcedureFiles.NewCode());
        await ImportAsync(ProcedureFiles.Record(kept, "Thủ tục còn hiệu lực", field), ProcedureFiles.Record(abolished, "Thủ tục bị bãi bỏ", field));

        await PublishDecisionAsync(abolished, "Bãi bỏ");

        Assert.Equal([abolished], await CodesAsync($"filter=procedureField:{field}&filter=status:abolished"));
        Assert.Equal([kept], await CodesAsync($"filter=procedureField:{field}&filter=status:dang-co-hieu-luc"));
        Assert.Equal([kept], await CodesAsync($"filter=procedureField:{field}&filter=status:!abolished"));
    }

    [Fact]
    public async Task Unit_ProcedureAssignedToTheUnit_IsListedWithTheUnitsPages()
    {
        var field = NewField();
        var routes = fixture.Site.Services.GetRequiredService<PublishedRouteTree>();
        var unit = routes.Resolve("/don-vi/so-noi-vu/") ?? throw new InvalidOperationException("The seed has no Sở Nội vụ page.");
        var assigned = ProcedureFiles.Record(ProcedureFiles.NewCode(), "Thủ tục của Sở Nội vụ", field, "Cấp tỉnh");
        assigned["don_vi_thuc_hien"] = new JsonArray(new JsonObject { ["don_vi"] = "so-noi-vu", ["cap"] = "Cấp tỉnh" });
        var other = ProcedureFiles.Record(ProcedureFiles.NewCode(), "Thủ tục của đơn vị khác", field, "Cấp tỉnh");
        var codes = await ImportAsync(assigned, other);

        Assert.Equal([codes[0]], await CodesAsync($"filter=procedureField:{field}&filter=unit:{unit.Key}"));
    }

    [Theory]
    [InlineData("filter=status:dang-xet")]
    [InlineData("filter=postal:co")]
    [InlineData("filter=level:1,xa")]
    public async Task UnknownValue_400FilterOptionNotFound(string query)
    {
        using var response = await fixture.Site.Factory.CreateClient().GetAsync(new Uri($"/umbraco/delivery/api/v2/content?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Filter option not found", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
    }

    private static string NewField() => "Lĩnh vực thử nghiệm " + Guid.NewGuid().ToString("N")[..8];

    private static string Slug(string field) => Portal.Core.Text.UrlSegment.From(field);

    private async Task<List<string>> ImportAsync(params JsonObject[] records)
    {
        var client = await fixture.Site.ApiAsync("procedures");
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(ProcedureFiles.Json(records)));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(part, "file", "thu-tuc.json");
        using var response = await client.PostAsync(new Uri(ManagementSite.ApiPath + "/procedure/import", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(records.Length, JsonDocument.Parse(body).RootElement.GetProperty("created").GetInt32());
        return records.Select(r => r["ma_thu_tuc"]!.GetValue<string>()).ToList();
    }

    private async Task PublishDecisionAsync(string code, string change)
    {
        var services = fixture.Site.Services;
        var routes = services.GetRequiredService<PublishedRouteTree>();
        var list = routes.Resolve("/thu-tuc-hanh-chinh/quyet-dinh-cong-bo/") ?? throw new InvalidOperationException("The seed has no decision list.");
        var schema = services.GetRequiredService<ISchemaCatalog>();
        var entry = new BlockItem(Guid.NewGuid(), schema.FindContentType(ProcedureAliases.DecisionEntryType)!.Key, new Dictionary<string, string>
        {
            [ProcedureAliases.EntryCode] = code,
            [ProcedureAliases.EntryChange] = JsonSerializer.Serialize(new[] { change }),
            [ProcedureAliases.EntryEffectiveDate] = "2025-01-01",
        });
        var actor = Actor.System("kiem-thu");
        var created = await services.GetRequiredService<ContentEditing>().CreateAsync(ProcedureAliases.DecisionType, list.Key,
            $"Quyết định bãi bỏ {code}", new Dictionary<string, string>
            {
                [ProcedureAliases.DecisionNumberField] = $"{Random.Shared.Next(1000, 9999)}/QĐ-UBND",
                [ProcedureAliases.DecisionDate] = "2024-12-20",
                [ProcedureAliases.DecisionEntries] = BlockListValue.Write([entry]),
            }, actor);
        Assert.True(created.Succeeded, created.Status.ToString());
        var published = await services.GetRequiredService<ContentPublishing>().PublishAsync(created.DocumentKey!.Value, actor);
        Assert.True(published.Succeeded, published.Status.ToString());
    }

    private async Task<List<string>> CodesAsync(string query)
    {
        // Publishing reaches the query engine through the outbox; a short wait covers the hand-over.
        for (var attempt = 0; ; attempt++)
        {
            using var response = await fixture.Site.Factory.CreateClient()
                .GetAsync(new Uri($"/umbraco/delivery/api/v2/content?filter=contentType:procedure&{query}&take=100&fields=properties[procedureCode]", UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            var codes = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("properties").GetProperty("procedureCode").GetString()!).ToList();
            if (codes.Count > 0 || attempt >= 20)
            {
                return codes;
            }

            await Task.Delay(100);
        }
    }
}

public sealed class ProcedureFilterSiteFixture : IAsyncLifetime
{
    internal BackofficeSite Site { get; private set; } = null!;

    public async Task InitializeAsync() => Site = await BackofficeSite.StartAsync(["procedures"]);

    public async Task DisposeAsync() => await Site.DisposeAsync();
}
