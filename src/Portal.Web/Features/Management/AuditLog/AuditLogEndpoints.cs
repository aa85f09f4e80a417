using System.Globalization;
using Portal.Core.Access;
using Portal.Core.Text;
using Portal.Data.Audit;
using Portal.Web.Features.Management.Documents;

namespace Portal.Web.Features.Management.AuditLog;

/// <summary>One line of <c>GET /audit-log</c>, in the shape of Umbraco's audit log items plus what Portal records.</summary>
internal sealed record AuditLogItem(ReferenceById? User, string UserName, DateTimeOffset Timestamp, string LogType, string EntityType, Guid? EntityKey,
    string? Comment, string? IpAddress);

/// <summary>
/// The site-wide audit log: document changes from the timeline and changes to users, groups and sign-ins, newest first,
/// for those who report on the site or manage its users (sections Reports or Users). The CSV export takes the same filters.
/// </summary>
internal static partial class AuditLogEndpoints
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
        "dd/MM/yyyy", "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss",
    ];

    public static RouteGroupBuilder MapAuditLogEndpoints(this RouteGroupBuilder group)
    {
        var log = group.MapGroup("/audit-log").WithTags("Audit Log");
        log.MapGet("/", ListAsync).WithName("GetAuditLog")
            .WithSummary("Document, user, group and sign-in changes, newest first. Filters: user (id or name), entityType (Document, User, "
                + "UserGroup, Webhook), documentId, action, since and until (ISO 8601; without an offset, Vietnam time; a date alone for until "
                + "includes that day).")
            .Produces<PagedResponse<AuditLogItem>>();
        log.MapGet("/export.csv", ExportAsync).WithName("GetAuditLogExport")
            .WithSummary("The same lines as CSV (UTF-8 with BOM, Vietnamese headers, times in Vietnam time).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return group;
    }

    private static async Task<IResult> ListAsync(HttpContext http, AuditLogQueries queries)
    {
        if (await ReaderAsync(http) is { } refused)
        {
            return refused;
        }

        if (!TryFilter(http, out var filter, out var problem) || !ManagementRequests.TryPaging(http, 100, out var skip, out var take, out problem))
        {
            return problem!;
        }

        var page = await queries.PageAsync(filter, skip, take, http.RequestAborted);
        return TypedResults.Ok(new PagedResponse<AuditLogItem>(page.Total, page.Items.Select(r => new AuditLogItem(
            r.ActorKey is { } key ? new ReferenceById(key) : null, r.Actor, VietnamTime.WithOffset(r.At), r.Action, r.EntityType, r.EntityKey,
            r.Note, r.IpAddress)).ToList()));
    }

    private static async Task<IResult> ExportAsync(HttpContext http, AuditLogQueries queries, TimeProvider clock)
    {
        if (await ReaderAsync(http) is { } refused)
        {
            return refused;
        }

        if (!TryFilter(http, out var filter, out var problem))
        {
            return problem!;
        }

        var today = VietnamTime.FromUtc(clock.GetUtcNow().UtcDateTime).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Stream(
            stream => AuditLogCsv.WriteAsync(stream, queries.AllAsync(filter, http.RequestAborted), http.RequestAborted),
            "text/csv; charset=utf-8",
            $"nhat-ky-he-thong-{today}.csv");
    }

    /// <summary>Null when the actor may read the log; otherwise the answer (401 or 403).</summary>
    private static async Task<IResult?> ReaderAsync(HttpContext http) => await ManagementApi.ActorFrom(http) switch
    {
        null => ManagementProblems.Unauthorized(),
        { } actor when !actor.AllowsSection(Section.Reports) && !actor.AllowsSection(Section.Users) => TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            detail: "Cần quyền vào phân hệ Báo cáo hoặc Người dùng để xem nhật ký hệ thống."),
        _ => null,
    };

    private static bool TryFilter(HttpContext http, out AuditLogFilter filter, out IResult? problem)
    {
        filter = new AuditLogFilter();
        var query = http.Request.Query;
        if (!ManagementRequests.TryOptionalGuid(http, "documentId", out var documentId, out problem))
        {
            return false;
        }

        string? entityType = null;
        if (query["entityType"].ToString() is { Length: > 0 } type)
        {
            entityType = AuditEntityTypes.All.FirstOrDefault(t => string.Equals(t, type, StringComparison.OrdinalIgnoreCase));
            if (entityType is null)
            {
                problem = ManagementRequests.Malformed($"entityType là một trong: {string.Join(", ", AuditEntityTypes.All)}.");
                return false;
            }
        }

        if (documentId is not null && entityType is not null && entityType != AuditEntityTypes.Document)
        {
            problem = ManagementRequests.Malformed("documentId chỉ dùng với entityType Document.");
            return false;
        }

        // sinceDate is Umbraco's name for the same filter.
        var sinceText = query["since"].ToString() is { Length: > 0 } sinceGiven ? sinceGiven : query["sinceDate"].ToString();
        if (!TryInstant(sinceText, endOfDay: false, out var since) || !TryInstant(query["until"], endOfDay: true, out var until))
        {
            problem = ManagementRequests.Malformed(
                "since và until là ngày giờ ISO 8601 (ví dụ 2026-03-02 hoặc 2026-03-02T08:00:00+07:00) hoặc dd/MM/yyyy; không ghi múi giờ là giờ Việt Nam.");
            return false;
        }

        var user = query["user"].ToString();
        var action = query["action"].ToString();
        filter = new AuditLogFilter(
            UserKey: Guid.TryParse(user, out var userKey) ? userKey : null,
            UserName: user.Length > 0 && !Guid.TryParse(user, out _) ? user : null,
            EntityType: documentId is null ? entityType : AuditEntityTypes.Document,
            EntityKey: documentId,
            Action: action.Length > 0 ? action : null,
            SinceUtc: since,
            UntilUtc: until);
        return true;
    }

    /// <summary>An instant from the query: with an offset as given, without one in Vietnam time; a date alone for until covers that day.</summary>
    private static bool TryInstant(string? text, bool endOfDay, out DateTime? utc)
    {
        utc = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var dateOnly = text.Length == 10;
            utc = VietnamTime.ToUtc(dateOnly && endOfDay ? local.AddDays(1) : local);
            return true;
        }

        // Only with an explicit offset: otherwise the parser would take the server's own time zone.
        if (OffsetPattern().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            utc = withOffset.UtcDateTime;
            return true;
        }

        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$")]
    private static partial System.Text.RegularExpressions.Regex OffsetPattern();
}
