using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Portal.Web.Features.Management.Tokens;

namespace Portal.Web.Features.Management;

/// <summary>
/// The <see cref="ManagementApi.Policy"/> policy and what a refused request reads. A missing, invalid or expired token
/// gets OpenIddict's <c>WWW-Authenticate</c> challenge and a 401 ProblemDetails body: without a body the site's status
/// code pages would answer an API client with an HTML error page.
/// </summary>
internal static class ManagementAuthorization
{
    public static IServiceCollection AddManagementAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(ManagementApi.Policy, policy => policy
            .AddAuthenticationSchemes(ManagementTokens.Scheme)
            .RequireAuthenticatedUser());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ManagementAuthorizationResultHandler>();
        return services;
    }

    /// <summary>
    /// A valid token whose user was deleted or locked out since it was issued is no identity either: 401, for every
    /// endpoint of the group, before any handler runs.
    /// </summary>
    public static async ValueTask<object?> RequireActor(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        await ManagementApi.ActorFrom(context.HttpContext) is null ? ManagementProblems.Unauthorized() : await next(context);
}

/// <summary>Writes ProblemDetails for refusals of the Management API policy; every other endpoint keeps ASP.NET Core's behaviour.</summary>
internal sealed class ManagementAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || !IsManagementApi(context))
        {
            await standard.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (authorizeResult.Forbidden)
        {
            await ManagementProblems.Forbidden().ExecuteAsync(context);
            return;
        }

        await context.ChallengeAsync(ManagementTokens.Scheme);
        if (!context.Response.HasStarted)
        {
            await ManagementProblems.Unauthorized().ExecuteAsync(context);
        }
    }

    private static bool IsManagementApi(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == ManagementApi.Policy) == true;
}
