using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;
using Microsoft.AspNetCore;
using Portal.Data;
using Portal.Data.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Web.Features.Management.Tokens;

/// <summary>
/// Umbraco's token endpoint for API users: client credentials only, at
/// <c>/umbraco/management/api/v1/security/back-office/token</c>. Access tokens live five minutes, as Umbraco's, and carry the
/// API user's key as <c>sub</c>; <see cref="Access.ActorResolver"/> reads the user again on every request, so a change of
/// group or a lock-out applies to tokens already issued.
/// </summary>
internal static class ManagementTokens
{
    public const string Path = ManagementApi.BasePath + "/security/back-office/token";

    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The scheme that authenticates Management API requests: OpenIddict's validation handler.</summary>
    public const string Scheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;

    public static IServiceCollection AddManagementTokens(this IServiceCollection services)
    {
        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<PortalDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(Path.TrimStart('/'));
                server.AllowClientCredentialsFlow();
                server.SetAccessTokenLifetime(AccessTokenLifetime);

                // Tokens are sealed with ASP.NET Core Data Protection, whose key ring is already persisted (and shared by
                // every node), so a token issued by one node is read by all. OpenIddict still insists on signing and
                // encryption credentials at start-up; since no token is ever a JWT here (no identity tokens, no
                // discovery), keys made by this process satisfy it without another secret to distribute: a random
                // symmetric encryption key and an ECDSA P-256 signing key (OpenIddict wants one asymmetric signing key).
                // Not OpenIddict's ephemeral RSA keys: generating two RSA keys took 3 to 10 s of the first request on
                // a busy 2-core machine, for keys that never protect anything.
                server.UseDataProtection();
                server.AddEncryptionKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)));
                server.AddSigningKey(new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)));

                // TLS ends at the province's reverse proxy; the app itself is reached over plain HTTP on loopback.
                server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseDataProtection();
                validation.UseAspNetCore();
            });
        return services;
    }

    public static void MapManagementTokens(this WebApplication app) =>
        app.MapPost(Path, IssueAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();

    /// <summary>
    /// Reached only after OpenIddict has checked the request and the client's id and secret against its application
    /// store; what is left is to say who the client acts as: its API user.
    /// </summary>
    private static async Task<IResult> IssueAsync(HttpContext http, IDbContextFactory<PortalDbContext> contexts, TimeProvider clock)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing: the token endpoint must be handled by OpenIddict.");
        if (!request.IsClientCredentialsGrantType())
        {
            throw new InvalidOperationException($"OpenIddict let grant type {request.GrantType} through; only client credentials is enabled.");
        }

        await using var db = await contexts.CreateDbContextAsync(http.RequestAborted);
        var now = clock.GetUtcNow();
        var user = await db.Users.AsNoTracking()
            .Where(u => u.ClientId == request.ClientId && u.Kind == UserKind.Api)
            .Select(u => new { u.Id, u.UserName, u.LockoutEnd })
            .SingleOrDefaultAsync(http.RequestAborted);
        if (user is null || user.LockoutEnd > now)
        {
            return Refuse(Errors.InvalidGrant, "Người dùng API của ứng dụng này không còn hoạt động (đã bị khóa hoặc xóa).");
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString());
        identity.SetClaim(Claims.Name, user.UserName);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
