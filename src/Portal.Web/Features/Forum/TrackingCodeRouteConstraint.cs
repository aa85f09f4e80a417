using Portal.Core.Forum;

namespace Portal.Web.Features.Forum;

/// <summary>Only a tracking code (any case) is a thread address, so content pages below /dien-dan still reach the site.</summary>
internal sealed class TrackingCodeRouteConstraint : IRouteConstraint
{
    public const string Name = "trackingCode";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && TrackingCode.Normalize(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)) is not null;
}
