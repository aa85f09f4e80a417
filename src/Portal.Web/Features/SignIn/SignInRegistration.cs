using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Data.Audit;
using Portal.Data.Users;
using Portal.Web.Features.Management.Users;

namespace Portal.Web.Features.SignIn;

/// <summary>Settings under <c>Portal:Security</c>.</summary>
internal sealed class BackofficeSecurityOptions
{
    public const string Section = "Portal:Security";

    /// <summary>
    /// How often a signed-in person's cookie is checked against their security stamp. Revoking sessions, a new password
    /// or a change of second factor signs out every other browser within this time.
    /// </summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a backoffice session lasts without activity.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Sign-in and second-factor posts one address may make per minute, whatever the accounts tried.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;
}

internal static class SignInRegistration
{
    public const string RateLimitPolicy = "backoffice-sign-in";

    public static IServiceCollection AddBackofficeSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(BackofficeSecurityOptions.Section).Get<BackofficeSecurityOptions>() ?? new BackofficeSecurityOptions();
        services.AddSingleton(options);

        // Identity itself is added with the users (AddPortalUsers); this adds what a person needs to sign in with it.
        new IdentityBuilder(typeof(BackofficeUser), typeof(IdentityRole<Guid>), services)
            .AddSignInManager()
            .AddTokenProvider<AuthenticatorTokenProvider<BackofficeUser>>(TokenOptions.DefaultAuthenticatorProvider);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = options.SessionCheckInterval);

        // No default scheme: the Management API authenticates bearer tokens, the backoffice pages name this cookie.
        services.AddAuthentication().AddIdentityCookies(cookies =>
        {
            cookies.ApplicationCookie!.Configure(o =>
            {
                o.Cookie.Name = ".Portal.Backoffice";
                // Only the backoffice reads it: public pages stay anonymous and cacheable for signed-in editors too.
                o.Cookie.Path = BackofficePaths.Root;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = BackofficePaths.SignIn;
                o.LogoutPath = BackofficePaths.SignOut;
                o.AccessDeniedPath = BackofficePaths.Root;
                o.ExpireTimeSpan = options.SessionLifetime;
                o.SlidingExpiration = true;
            });
            cookies.TwoFactorUserIdCookie!.Configure(o =>
            {
                o.Cookie.Name = ".Portal.Backoffice.TwoFactor";
                o.Cookie.Path = BackofficePaths.SignIn;
                o.Cookie.HttpOnly = true;
            });
        });

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, options.SignInAttemptsPerMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            limiter.OnRejected = (context, _) => new ValueTask(BackofficeMessages.TooManyAttemptsAsync(context.HttpContext));
        });

        services.AddScoped<BackofficeSignIn>();
        services.AddScoped<TwoFactorSetup>();

        // The Management API's user and audit-log endpoints work on the same accounts; their services come with these.
        services.AddUserManagement();
        services.AddSingleton<AuditLogQueries>();
        return services;
    }

    /// <summary>After routing, so the limiter sees which endpoint (and so which policy) a request reached.</summary>
    public static WebApplication MapBackofficeSignIn(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }
}

/// <summary>The backoffice's own addresses.</summary>
internal static class BackofficePaths
{
    public const string Root = "/umbraco";
    public const string SignIn = "/umbraco/dang-nhap";
    public const string SecondFactor = "/umbraco/dang-nhap/ma-xac-thuc";
    public const string SignOut = "/umbraco/dang-xuat";
    public const string TwoFactor = "/umbraco/tai-khoan/xac-thuc-hai-buoc";
    public const string TwoFactorEnable = TwoFactor + "/bat";
    public const string TwoFactorDisable = TwoFactor + "/tat";

    /// <summary>Where to go after signing in: only a backoffice address of this site, never another host.</summary>
    public static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith(Root, StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.Contains('\\', StringComparison.Ordinal) && (url.Length == Root.Length || url[Root.Length] is '/' or '?')
            ? url
            : Root;
}
