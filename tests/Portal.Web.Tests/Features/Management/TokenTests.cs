using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Users;
using static Portal.Web.Tests.Features.Management.ManagementHttp;

namespace Portal.Web.Tests.Features.Management;

/// <summary>The client-credentials token endpoint, the bearer policy, and API users applied from configuration.</summary>
public sealed class TokenTests
{
    private const string UnitApprovers = "unit-so-noi-vu-approvers";

    [Fact]
    public async Task Token_ValidClientCredentials_AnswersBearerTokenOfFiveMinutes()
    {
        await using var site = await ManagementSite.StartAsync();

        using var response = await site.RequestTokenAsync(ManagementSite.ClientIdOf(ManagementSite.Administrators),
            ManagementSite.SecretOf(ManagementSite.Administrators));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var json = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("access_token").GetString()));
        Assert.Equal("Bearer", json.GetProperty("token_type").GetString());
        Assert.InRange(json.GetProperty("expires_in").GetInt32(), 295, 300);
    }

    [Fact]
    public async Task Token_WrongSecret_IsInvalidClient()
    {
        await using var site = await ManagementSite.StartAsync();

        using var response = await site.RequestTokenAsync(ManagementSite.ClientIdOf(ManagementSite.Administrators), "not-the-secret");

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });
        var json = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_client", json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_OtherGrantType_IsRefused()
    {
        await using var site = await ManagementSite.StartAsync();

        using var response = await site.Anonymous.PostAsync(new Uri(ManagementSite.TokenPath, UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["username"] = "admin@cchc.kontum.gov.vn",
                ["password"] = "whatever",
                ["client_id"] = ManagementSite.ClientIdOf(ManagementSite.Administrators),
                ["client_secret"] = ManagementSite.SecretOf(ManagementSite.Administrators),
            }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        Assert.Equal("unsupported_grant_type", json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ManagementApi_WithoutToken_Answers401ProblemDetails()
    {
        await using var site = await ManagementSite.StartAsync();

        using var response = await site.Anonymous.GetAsync(Url("tree/document/root"));

        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task ManagementApi_WithForgedToken_Answers401ProblemDetails()
    {
        await using var site = await ManagementSite.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("tree/document/root"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8-not-a-real-token");

        using var response = await site.Anonymous.SendAsync(request);

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ManagementApi_TokenOfLockedOutApiUser_Answers401()
    {
        await using var site = await ManagementSite.StartAsync(UnitApprovers);
        var client = await site.ClientForAsync(UnitApprovers);
        await using (var db = await site.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var user = await db.Users.SingleAsync(u => u.ClientId == ManagementSite.ClientIdOf(UnitApprovers));
            user.LockoutEnd = DateTimeOffset.UtcNow.AddHours(1);
            await db.SaveChangesAsync();
        }

        using var response = await client.GetAsync(Url("tree/document/root"));

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_LockedOutApiUser_IsRefused()
    {
        await using var site = await ManagementSite.StartAsync(UnitApprovers);
        await using (var db = await site.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var user = await db.Users.SingleAsync(u => u.ClientId == ManagementSite.ClientIdOf(UnitApprovers));
            user.LockoutEnd = DateTimeOffset.UtcNow.AddHours(1);
            await db.SaveChangesAsync();
        }

        using var response = await site.RequestTokenAsync(ManagementSite.ClientIdOf(UnitApprovers), ManagementSite.SecretOf(UnitApprovers));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_grant", json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ApiUser_RemovedFromConfiguration_GetsNoTokenAndOldTokenStops()
    {
        await using var site = await ManagementSite.StartAsync(UnitApprovers);
        var oldToken = await site.TokenAsync(ManagementSite.ClientIdOf(UnitApprovers), ManagementSite.SecretOf(UnitApprovers));

        await site.RestartAsync(new Dictionary<string, string?>
        {
            ["Portal:ApiClients:1:ClientId"] = null,
            ["Portal:ApiClients:1:ClientSecret"] = null,
            ["Portal:ApiClients:1:UserGroup"] = null,
        });

        using var refused = await site.RequestTokenAsync(ManagementSite.ClientIdOf(UnitApprovers), ManagementSite.SecretOf(UnitApprovers));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("tree/document/root"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", oldToken);
        using var response = await site.Anonymous.SendAsync(request);
        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ApiUser_FromConfiguration_IsApiKindInExactlyItsGroupWithAuditEntry()
    {
        await using var site = await ManagementSite.StartAsync(UnitApprovers);

        await using var db = await site.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var clientId = ManagementSite.ClientIdOf(UnitApprovers);
        var user = await db.Users.SingleAsync(u => u.ClientId == clientId);
        Assert.Equal(UserKind.Api, user.Kind);
        Assert.Equal(clientId, user.UserName);
        var groups = await db.UserGroups.Where(g => db.UserGroupMembers.Any(m => m.UserKey == user.Id && m.GroupKey == g.Key))
            .Select(g => g.Alias).ToListAsync();
        Assert.Equal([UnitApprovers], groups);
        Assert.Contains(await db.AuditLog.Where(a => a.EntityKey == user.Id).ToListAsync(),
            a => a.Action == "ApiClientConfigured" && a.EntityType == "User" && a.Actor == "configuration");
    }

    [Fact]
    public async Task ApiUser_GroupChangedInConfigurationAndRestarted_ActsWithTheNewGroup()
    {
        await using var site = await ManagementSite.StartAsync(UnitApprovers);
        var page = await site.CreatePublishedAsync(Delivery.Seed.Column, "Trang thử quyền nhóm");
        var before = await site.ClientForAsync(UnitApprovers);
        using (var refused = await before.GetAsync(Url($"document/{page}")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        // The client of the unit approvers (index 1, after administrators) now belongs to the newspaper, which owns the column.
        await site.RestartAsync(new Dictionary<string, string?> { ["Portal:ApiClients:1:UserGroup"] = "newspaper" });
        var after = await site.ClientForAsync(UnitApprovers);

        using var allowed = await after.GetAsync(Url($"document/{page}"));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        await using var db = await site.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.ClientId == ManagementSite.ClientIdOf(UnitApprovers));
        Assert.Equal(2, await db.AuditLog.CountAsync(a => a.EntityKey == user.Id && a.Action == "ApiClientConfigured"));
    }

    [Fact]
    public async Task ApiUser_SecretChangedInConfiguration_OldSecretRefusedNewAccepted()
    {
        await using var site = await ManagementSite.StartAsync();
        var clientId = ManagementSite.ClientIdOf(ManagementSite.Administrators);

        await site.RestartAsync(new Dictionary<string, string?> { ["Portal:ApiClients:0:ClientSecret"] = "một-bí-mật-mới-0123456789" });

        using var old = await site.RequestTokenAsync(clientId, ManagementSite.SecretOf(ManagementSite.Administrators));
        Assert.NotEqual(HttpStatusCode.OK, old.StatusCode);
        using var renewed = await site.RequestTokenAsync(clientId, "một-bí-mật-mới-0123456789");
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
    }

    [Fact]
    public async Task Startup_UnknownGroupAlias_StopsWithMessageNamingTheKey()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ManagementSite.StartAsync([],
            new Dictionary<string, string?> { ["Portal:ApiClients:0:UserGroup"] = "khong-co-nhom-nay" }));

        var message = Flatten(error);
        Assert.Contains("Portal:ApiClients:0:UserGroup", message, StringComparison.Ordinal);
        Assert.Contains("khong-co-nhom-nay", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_MissingSecret_StopsWithMessageNamingTheKey()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ManagementSite.StartAsync([],
            new Dictionary<string, string?> { ["Portal:ApiClients:0:ClientSecret"] = "" }));

        Assert.Contains("Portal:ApiClients:0:ClientSecret", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : string.Empty);
}
