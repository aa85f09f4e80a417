using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Procedures;
using Portal.Data.Content;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Web.Features.Procedures;

internal enum ProcedureRouteKind
{
    None = 0,

    /// <summary>The procedure set's own URL: the finder.</summary>
    Finder = 1,

    /// <summary><c>{set URL}/{code}</c>: one procedure.</summary>
    Code = 2,

    /// <summary>A procedure's name-based tree URL, which moves permanently to its code URL.</summary>
    TreeUrl = 3,
}

/// <summary>Which procedure page a site path is, read from the route tree (the set may be renamed or moved).</summary>
internal static partial class ProcedureRoutes
{
    public static (ProcedureRouteKind Kind, PublishedNode? Node, string? Code) Classify(PublishedRouteTree routes, string? path)
    {
        var trimmed = (path ?? string.Empty).Trim('/');
        if (trimmed.Length == 0)
        {
            return (ProcedureRouteKind.None, null, null);
        }

        if (routes.Resolve(trimmed) is { } node)
        {
            return node.ContentTypeAlias switch
            {
                ProcedureAliases.SetType => (ProcedureRouteKind.Finder, node, null),
                ProcedureAliases.ProcedureType => (ProcedureRouteKind.TreeUrl, node, null),
                _ => (ProcedureRouteKind.None, null, null),
            };
        }

        var slash = trimmed.LastIndexOf('/');
        if (slash < 0 || !CodeShape().IsMatch(trimmed[(slash + 1)..]))
        {
            return (ProcedureRouteKind.None, null, null);
        }

        return routes.Resolve(trimmed[..slash]) is { ContentTypeAlias: ProcedureAliases.SetType } set
            ? (ProcedureRouteKind.Code, set, trimmed[(slash + 1)..])
            : (ProcedureRouteKind.None, null, null);
    }

    /// <summary>A national code (1.001194) or a local one (1.001612.000.00.00.H01); URL segments made from names never hold a dot.</summary>
    [GeneratedRegex(@"^[0-9]+\.[0-9A-Za-z.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeShape();
}

/// <summary>Lets the procedure controller take a path before the site's catch-all only when the path is a procedure page.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ProcedureRouteAttribute : ActionMethodSelectorAttribute
{
    public override bool IsValidForRequest(RouteContext routeContext, ActionDescriptor action)
    {
        var routes = routeContext.HttpContext.RequestServices.GetRequiredService<PublishedRouteTree>();
        return ProcedureRoutes.Classify(routes, routeContext.RouteData.Values["path"] as string).Kind != ProcedureRouteKind.None;
    }
}
