using System.Globalization;
using System.Text.Json;

namespace Portal.Web.Features.Management;

/// <summary>
/// Reads request bodies and query parameters of the Management API by hand, so a malformed one is answered with a
/// Vietnamese 400 ProblemDetails instead of the framework's empty 400 (which the site would turn into an HTML page).
/// </summary>
internal static class ManagementRequests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string MalformedTitle = "Malformed request";

    /// <summary>Umbraco's ETag carries the item's version (a document's or a media item's), quoted.</summary>
    public static string ETagOf(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version named by If-Match; none (or <c>*</c>) means the last writer wins, as in Umbraco.</summary>
    public static bool TryExpectedVersion(HttpContext http, out int? expected)
    {
        expected = null;
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return true;
        }

        if (!Microsoft.Net.Http.Headers.EntityTagHeaderValue.TryParse(header.Trim(), out var tag)
            || !int.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        expected = version;
        return true;
    }

    /// <summary>The body as <typeparamref name="T"/>; an empty body is <c>default</c> unless <paramref name="required"/>.</summary>
    public static async Task<BodyResult<T>> ReadAsync<T>(HttpContext http, bool required = true)
        where T : class
    {
        var request = http.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, http.RequestAborted);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return required ? Problem<T>("Thiếu nội dung yêu cầu (JSON).") : new BodyResult<T>(null, null);
        }

        if (request.ContentType is not null && !request.HasJsonContentType())
        {
            return Problem<T>("Nội dung yêu cầu phải là JSON (Content-Type: application/json).");
        }

        try
        {
            var body = JsonSerializer.Deserialize<T>(bytes.Span, Json);
            return body is null && required ? Problem<T>("Nội dung yêu cầu không được là null.") : new BodyResult<T>(body, null);
        }
        catch (JsonException e)
        {
            var where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? string.Empty : $" (tại {e.Path})";
            return Problem<T>($"Nội dung yêu cầu không phải JSON hợp lệ hoặc có giá trị sai kiểu{where}.");
        }
    }

    /// <summary>skip and take of a paged list; both must be whole numbers, take at most 1000.</summary>
    public static bool TryPaging(HttpContext http, int defaultTake, out int skip, out int take, out IResult? problem)
    {
        problem = null;
        skip = 0;
        take = defaultTake;
        var query = http.Request.Query;
        if ((query.TryGetValue("skip", out var s) && !int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out skip))
            || (query.TryGetValue("take", out var t) && !int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out take))
            || take > 1000)
        {
            problem = ManagementProblems.BadRequest(MalformedTitle, "skip và take phải là số nguyên không âm; take tối đa 1000.");
            return false;
        }

        return true;
    }

    /// <summary>A required GUID query parameter.</summary>
    public static bool TryGuid(HttpContext http, string name, out Guid value, out IResult? problem)
    {
        problem = null;
        if (Guid.TryParse(http.Request.Query[name], out value))
        {
            return true;
        }

        problem = ManagementProblems.BadRequest(MalformedTitle, $"Tham số {name} phải là một mã định danh (GUID).");
        return false;
    }

    /// <summary>An optional GUID query parameter; present but malformed is a problem.</summary>
    public static bool TryOptionalGuid(HttpContext http, string name, out Guid? value, out IResult? problem)
    {
        value = null;
        problem = null;
        var raw = http.Request.Query[name].ToString();
        if (string.IsNullOrEmpty(raw))
        {
            return true;
        }

        if (Guid.TryParse(raw, out var parsed))
        {
            value = parsed;
            return true;
        }

        problem = ManagementProblems.BadRequest(MalformedTitle, $"Tham số {name} phải là một mã định danh (GUID).");
        return false;
    }

    public static IResult Malformed(string detail) => ManagementProblems.BadRequest(MalformedTitle, detail);

    private static BodyResult<T> Problem<T>(string detail)
        where T : class => new(null, Malformed(detail));
}

/// <summary>A request body, or the problem to answer when it could not be read.</summary>
internal readonly record struct BodyResult<T>(T? Body, IResult? Problem)
    where T : class;
