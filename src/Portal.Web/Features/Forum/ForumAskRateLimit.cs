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

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromHours(1);
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        response.ContentType = "text/html; charset=utf-8";
        var message = string.Create(CultureInfo.InvariantCulture,
            $"Bạn đã gửi quá nhiều câu hỏi trong một giờ, vui lòng thử lại sau {minutes} phút.");
        await response.WriteAsync(
            "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            "<title>Gửi quá nhiều câu hỏi – Cải cách hành chính tỉnh Kon Tum</title></head><body><main>" +
            "<h1>Gửi quá nhiều câu hỏi</h1><p>" + message + "</p>" +
            "<p>Nội dung bạn vừa nhập chưa được gửi; bạn có thể quay lại trang trước để sao chép lại.</p>" +
            "<p><a href=\"/dien-dan\">Về trang Diễn đàn</a></p></main></body></html>", cancellationToken);
    }
}
