namespace Portal.Web.Features.SignIn;

internal static class SignInRegistration
{
    // Helper B fills this: backoffice cookie sign-in, lockout, TOTP, session revocation.
    public static IServiceCollection AddBackofficeSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }

    public static WebApplication MapBackofficeSignIn(this WebApplication app) => app;
}
