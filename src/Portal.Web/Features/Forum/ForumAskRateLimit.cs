using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Core.Forum;

namespace Portal.Web.Features.Forum;

/// <summary>
/// Questions one address may send per hour (<see cref="ForumPolicy.AsksPerHour"/>). Its own rejection page, in Vietnamese,
/// replaces the host's sign-in message for the ask form only.
/// </summary>
internal sealed class ForumAskRateLimit(IOptions<ForumPolicy> policy) : IRateLimiterPolicy<string>
{
    public const string Name = "forum-ask";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => RateLimitPartition.GetFixedWindowLimiter(
        httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, policy.Value.AsksPerHour), Window = TimeSpan.FromHours(1), QueueLimit = 0 });

    private static ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken) =>
        RejectAsync(context, "Gửi quá nhiều câu hỏi", "Bạn đã gửi quá nhiều câu hỏi trong một giờ, vui lòng thử lại sau {0} phút.",
            "Nội dung bạn vừa nhập chưa được gửi; bạn có thể quay lại trang trước để sao chép lại.", cancellationToken);

    /// <summary>The forum's 429 page: what was refused, how many minutes to wait (<paramref name="message"/> has a {0} for them).</summary>
    public static async ValueTask RejectAsync(OnRejectedContext context, string heading, string message, string advice, CancellationToken cancellationToken)
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromHours(1);
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(
            "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            "<title>" + heading + " – Cải cách hành chính tỉnh Kon Tum</title></head><body><main>" +
            "<h1>" + heading + "</h1><p>" + string.Format(CultureInfo.InvariantCulture, message, minutes) + "</p>" +
            "<p>" + advice + "</p>" +
            "<p><a href=\"/dien-dan\">Về trang Diễn đàn</a></p></main></body></html>", cancellationToken);
    }
}

/// <summary>
/// Look-ups by tracking code and contact one address may make per hour: codes are public (they are in thread URLs), so
/// without a limit a phone contact could be guessed by trying numbers, and with it the asker's own view.
/// </summary>
internal sealed class ForumTrackRateLimit : IRateLimiterPolicy<string>
{
    public const string Name = "forum-track";
    public const int AttemptsPerHour = 30;

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, cancellationToken) =>
        ForumAskRateLimit.RejectAsync(context, "Tra cứu quá nhiều lần",
            "Bạn đã tra cứu quá nhiều lần trong một giờ, vui lòng thử lại sau {0} phút.",
            "Hãy kiểm tra lại mã theo dõi trong thư xác nhận và e-mail hoặc số điện thoại đã dùng khi gửi câu hỏi.", cancellationToken);

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => RateLimitPartition.GetFixedWindowLimiter(
        httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = AttemptsPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 });
}
