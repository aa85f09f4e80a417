namespace Portal.Web.Features.Delivery;

/// <summary>
/// Umbraco's access rules, checked before any handler: the API answers 404 when switched off; a request
/// needs the <c>Api-Key</c> when public access is off; preview always needs it, and is refused (401) without it
/// rather than quietly answered with published content.
/// </summary>
internal static class DeliveryAccess
{
    public static ValueTask<object?> Content(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        CheckAsync(context, next, media: false);

    public static ValueTask<object?> Media(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        CheckAsync(context, next, media: true);

    private static async ValueTask<object?> CheckAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, bool media)
    {
        var http = context.HttpContext;
        var settings = http.RequestServices.GetRequiredService<DeliverySettingsAccessor>().Current;
        if (!settings.Enabled || (media && !settings.Media.Enabled))
        {
            return DeliveryProblems.NotFound();
        }

        var publicAccess = settings.PublicAccess && (!media || settings.Media.PublicAccess);
        var needsKey = DeliveryRequest.AsksForPreview(http.Request) || !publicAccess;
        if (needsKey && !DeliveryRequest.HasValidKey(http.Request, settings))
        {
            return DeliveryProblems.Unauthorized();
        }

        return await next(context);
    }
}
