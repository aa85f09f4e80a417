using Microsoft.Extensions.Options;
using Portal.Data.Content;
using Portal.Infrastructure.Delivery;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Web.Features.Delivery;

/// <summary>What the headers and the shared query parameters of one Delivery API request ask for.</summary>
internal sealed record DeliveryRequest(bool Preview, PublishedNode? StartItem, DeliveryShape Shape)
{
    public const string ApiKeyHeader = "Api-Key";
    public const string PreviewHeader = "Preview";
    public const string StartItemHeader = "Start-Item";

    public static bool AsksForPreview(HttpRequest request) =>
        string.Equals(request.Headers[PreviewHeader].ToString(), "true", StringComparison.OrdinalIgnoreCase);

    public static bool HasValidKey(HttpRequest request, DeliveryApiSettings settings) =>
        !string.IsNullOrEmpty(settings.ApiKey)
        && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(request.Headers[ApiKeyHeader].ToString()),
            System.Text.Encoding.UTF8.GetBytes(settings.ApiKey));

    /// <summary>Reads the request; null when a <c>Start-Item</c> header names no live root.</summary>
    public static DeliveryRequest? From(HttpContext context, PublishedRouteTree routes, DeliveryApiSettings settings)
    {
        PublishedNode? startItem = null;
        var startHeader = context.Request.Headers[StartItemHeader].ToString().Trim();
        if (startHeader.Length > 0)
        {
            startItem = routes.Roots.FirstOrDefault(r => Guid.TryParse(startHeader, out var key)
                ? r.Key == key
                : string.Equals(r.UrlSegment, startHeader.Trim('/'), StringComparison.OrdinalIgnoreCase));
            if (startItem is null)
            {
                return null;
            }
        }

        var query = context.Request.Query;
        var shape = new DeliveryShape(
            PropertySelection.Parse(query["expand"]) ?? PropertySelection.None,
            PropertySelection.Parse(query["fields"]) ?? PropertySelection.Every,
            settings.Exposure,
            settings.RichTextOutputAsJson);
        return new DeliveryRequest(AsksForPreview(context.Request), startItem, shape);
    }
}

/// <summary>The Delivery API settings as they are now (they can change at run time, like Umbraco's options).</summary>
internal sealed class DeliverySettingsAccessor(IOptionsMonitor<DeliveryApiSettings> options)
{
    public DeliveryApiSettings Current => options.CurrentValue;
}
