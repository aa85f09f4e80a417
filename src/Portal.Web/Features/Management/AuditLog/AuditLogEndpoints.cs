namespace Portal.Web.Features.Management.AuditLog;

internal static class AuditLogEndpoints
{
    // Helper B fills this: GET /audit-log (paged, filterable) and its CSV export.
    public static RouteGroupBuilder MapAuditLogEndpoints(this RouteGroupBuilder group) => group;
}
