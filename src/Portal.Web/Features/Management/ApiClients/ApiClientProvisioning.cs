using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Portal.Core.Access;
using Portal.Data;
using Portal.Data.Audit;
using Portal.Data.Users;

namespace Portal.Web.Features.Management.ApiClients;

/// <summary>
/// Makes the API users match <c>Portal:ApiClients</c> at every start, after the user groups exist: each entry is an
/// OpenIddict application (confidential, client credentials at the token endpoint, its secret replaced when the
/// configured one changes) and a <see cref="BackofficeUser"/> of kind Api in exactly the configured group. A client
/// taken out of the configuration loses its application and its user is locked out; its history stays. Clients made in
/// the backoffice are not the configuration's to remove.
/// </summary>
internal sealed partial class ApiClientProvisioning(IServiceProvider services, IConfiguration configuration,
    IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, ILogger<ApiClientProvisioning> logger)
{
    private static readonly Actor Configuration = Actor.System("configuration");

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var settings = ApiClientSettings.Read(configuration);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var groups = await db.UserGroups.AsNoTracking().ToDictionaryAsync(g => g.Alias, g => g.Key, StringComparer.Ordinal, cancellationToken);

        // Every entry is checked before anything changes, so a typo never leaves half of the clients applied.
        if (settings.FirstOrDefault(s => !groups.ContainsKey(s.UserGroup)) is { } setting)
        {
            throw new InvalidOperationException(
                $"{setting.ConfigurationPath}:UserGroup là «{setting.UserGroup}», nhưng không có nhóm người dùng nào có bí danh này. "
                + $"Các nhóm hiện có: {string.Join(", ", groups.Keys.Order(StringComparer.Ordinal))}.");
        }

        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var normalizer = scope.ServiceProvider.GetRequiredService<ILookupNormalizer>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var client in settings)
        {
            var reopened = await EnsureApplicationAsync(applications, client, cancellationToken);
            await EnsureUserAsync(db, normalizer, client, groups[client.UserGroup], reopened, now, cancellationToken);
        }

        await RemoveUnconfiguredAsync(db, applications, settings, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        // Every issued token is recorded, as in Umbraco; they live five minutes, so a day-old record serves nobody.
        await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>()
            .PruneAsync(clock.GetUtcNow() - TimeSpan.FromDays(1), cancellationToken);
    }

    /// <returns>True when the application had to be created (a new client, or one put back into the configuration).</returns>
    private async Task<bool> EnsureApplicationAsync(IOpenIddictApplicationManager applications, ApiClientSetting setting,
        CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(setting.ClientId, cancellationToken);
        if (application is null)
        {
            await applications.CreateAsync(ApiClientAccounts.Describe(setting.ClientId, setting.ClientSecret, fromBackoffice: false), cancellationToken);
            LogApplicationCreated(logger, setting.ClientId);
            return true;
        }

        // Only the secret's hash is stored: checking the configured secret against it is how a rotation is noticed.
        if (!await applications.ValidateClientSecretAsync(application, setting.ClientSecret, cancellationToken))
        {
            await applications.UpdateAsync(application, ApiClientAccounts.Describe(setting.ClientId, setting.ClientSecret, fromBackoffice: false),
                cancellationToken);
            LogSecretRotated(logger, setting.ClientId);
        }

        return false;
    }

    private static async Task EnsureUserAsync(PortalDbContext db, ILookupNormalizer normalizer, ApiClientSetting setting, Guid groupKey,
        bool reopened, DateTime now, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.ClientId == setting.ClientId, cancellationToken);
        if (user is null)
        {
            var normalizedName = normalizer.NormalizeName(setting.ClientId);
            if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalizedName, cancellationToken))
            {
                throw new InvalidOperationException(
                    $"{setting.ConfigurationPath}:ClientId «{setting.ClientId}» trùng tên đăng nhập của một người dùng đã có; hãy chọn mã ứng dụng khác.");
            }

            user = ApiClientAccounts.NewUser(setting.ClientId, normalizer, now);
            db.Users.Add(user);
        }
        else if (reopened && user.LockoutEnd is not null)
        {
            // Locked when its client left the configuration; coming back into it is the operator's way to reopen it.
            user.LockoutEnd = null;
        }

        if (await ApiClientAccounts.JoinOnlyAsync(db, user.Id, groupKey, cancellationToken))
        {
            db.AuditLog.Add(new AuditEntry(Configuration, AuditEntityTypes.User, user.Id, AuditActions.ApiClientConfigured, now,
                $"Ứng dụng {setting.ClientId} thuộc nhóm {setting.UserGroup} ({setting.ConfigurationPath})"));
        }
    }

    private async Task RemoveUnconfiguredAsync(PortalDbContext db, IOpenIddictApplicationManager applications,
        IReadOnlyList<ApiClientSetting> settings, DateTime now, CancellationToken cancellationToken)
    {
        var configured = settings.Select(s => s.ClientId).ToHashSet(StringComparer.Ordinal);
        var apiUsers = await db.Users.Where(u => u.Kind == UserKind.Api && u.ClientId != null).ToListAsync(cancellationToken);
        foreach (var user in apiUsers.Where(u => !configured.Contains(u.ClientId!)))
        {
            var application = await applications.FindByClientIdAsync(user.ClientId!, cancellationToken);
            if (application is null || await ApiClientAccounts.IsFromBackofficeAsync(applications, application, cancellationToken))
            {
                continue;
            }

            await ApiClientAccounts.RemoveAsync(db, applications, application, user, Configuration,
                $"Ứng dụng {user.ClientId} không còn trong {ApiClientSettings.Section}", now, cancellationToken);
            LogApplicationRemoved(logger, user.ClientId!);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Management API client {ClientId} created")]
    private static partial void LogApplicationCreated(ILogger logger, string clientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Management API client {ClientId}: secret replaced from configuration")]
    private static partial void LogSecretRotated(ILogger logger, string clientId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Management API client {ClientId} is no longer configured: application removed, API user locked out")]
    private static partial void LogApplicationRemoved(ILogger logger, string clientId);
}

/// <summary>Runs <see cref="ApiClientProvisioning"/> once the start-up service has migrated the database and seeded the groups.</summary>
internal sealed class ApiClientStartup(ApiClientProvisioning provisioning) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => provisioning.ApplyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
