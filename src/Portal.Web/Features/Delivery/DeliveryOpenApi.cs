using Scalar.AspNetCore;

namespace Portal.Web.Features.Delivery;

/// <summary>
/// The Delivery API's OpenAPI description at <c>/umbraco/openapi/delivery.json</c>, browsable at
/// <c>/umbraco/openapi</c>, in Development only: as in Umbraco, production does not advertise its API surface.
/// </summary>
internal static class DeliveryOpenApi
{
    public const string DocumentName = "delivery";

    public static IServiceCollection AddDeliveryOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.GroupName == DocumentName;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Portal Content Delivery API";
                document.Info.Version = "v2";
                document.Info.Description = "Tương thích Umbraco Content Delivery API v2: nội dung đã xuất bản của Cổng CCHC tỉnh Kon Tum.";
                return Task.CompletedTask;
            });
        });

    public static void MapDeliveryOpenApi(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        app.MapOpenApi("/umbraco/openapi/{documentName}.json");
        app.MapScalarApiReference("/umbraco/openapi", options => options
            .WithTitle("Portal Content Delivery API")
            .WithOpenApiRoutePattern("/umbraco/openapi/{documentName}.json")
            .AddDocument(DocumentName)
            .AddDocument(Management.ManagementOpenApi.DocumentName));
    }
}
