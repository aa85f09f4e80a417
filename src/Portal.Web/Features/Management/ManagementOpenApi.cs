using Microsoft.OpenApi;

namespace Portal.Web.Features.Management;

/// <summary>
/// The Management API's OpenAPI description, document <c>management</c>, served beside the Delivery API's at
/// <c>/umbraco/openapi/management.json</c> in Development only (the Delivery feature maps the route and the Scalar page).
/// Endpoints join it through their group name, which also keeps them out of the Delivery document.
/// </summary>
internal static class ManagementOpenApi
{
    public const string DocumentName = "management";

    private const string BearerScheme = "Bearer";

    public static IServiceCollection AddManagementOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.GroupName == DocumentName;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Portal Management API";
                document.Info.Version = "v1";
                document.Info.Description = "Tương thích Umbraco Management API v1: quản lý nội dung của Cổng CCHC tỉnh Kon Tum. "
                    + "Lấy mã truy cập bằng client credentials tại " + Tokens.ManagementTokens.Path + ".";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description = "Client credentials của người dùng API (Portal:ApiClients).",
                    Flows = new OpenApiOAuthFlows
                    {
                        ClientCredentials = new OpenApiOAuthFlow { TokenUrl = new Uri(Tokens.ManagementTokens.Path, UriKind.Relative) },
                    },
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
                return Task.CompletedTask;
            });
        });
}
