using System.Text;
using Portal.Data.Webhooks;

namespace Portal.Infrastructure.Webhooks;

/// <summary>Makes one attempt of a delivery and records its outcome on it (the caller saves it).</summary>
public sealed class WebhookSender(IHttpClientFactory httpClients, WebhookRegistry registry, TimeProvider clock)
{
    public const string HttpClientName = "Portal.Webhooks";
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    // Umbraco's own header names (Umbraco.Core's Constants.WebhookEvents.HeaderNames).
    public const string EventHeader = "Umb-Webhook-Event";
    public const string RetryCountHeader = "Umb-Webhook-RetryCount";
    public const string UserAgent = "Umbraco-Cms/" + WebhookEvents.UmbracoVersion;

    public async Task AttemptAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var settings = registry.Settings;
        if (await registry.FindAsync(delivery.WebhookKey, cancellationToken) is not { } webhook)
        {
            delivery.Abandon("Webhook đã bị xóa, gỡ khỏi cấu hình hoặc đã bị tắt.", clock.GetUtcNow().UtcDateTime);
            return;
        }

        delivery.SendTo(webhook.Url);
        using var request = Build(delivery, webhook);
        try
        {
            // The client's Timeout (RequestTimeout) is real time on purpose: it bounds a network wait, not a business date.
            using var response = await httpClients.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            var now = clock.GetUtcNow().UtcDateTime;
            if (response.IsSuccessStatusCode)
            {
                delivery.MarkDelivered(status, now);
            }
            else
            {
                delivery.MarkAttemptFailed(status, $"HTTP {status} {response.ReasonPhrase}".TrimEnd(), settings.MaximumRetries, settings.Period, now);
            }
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            delivery.MarkAttemptFailed(null, $"Quá thời gian chờ ({RequestTimeout.TotalSeconds:0} giây).", settings.MaximumRetries, settings.Period,
                clock.GetUtcNow().UtcDateTime);
        }
        catch (HttpRequestException ex)
        {
            delivery.MarkAttemptFailed(null, $"Không gửi được: {ex.Message}", settings.MaximumRetries, settings.Period, clock.GetUtcNow().UtcDateTime);
        }
    }

    private HttpRequestMessage Build(WebhookDelivery delivery, WebhookDefinition webhook)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.TryAddWithoutValidation(RetryCountHeader, delivery.Attempts.ToString());
        request.Headers.TryAddWithoutValidation(EventHeader, delivery.EventAlias);

        // Configured headers come last and replace a default of the same name, as a receiver's own requirement wins.
        foreach (var (name, value) in webhook.Headers)
        {
            if (request.Headers.Contains(name))
            {
                request.Headers.Remove(name);
            }

            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                // A content header (Content-Type and kin) cannot go on the request's own header collection.
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (!string.IsNullOrEmpty(webhook.Secret))
        {
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Remove(WebhookSignature.HeaderName);
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Create(webhook.Secret, timestamp, delivery.Payload));
        }
        return request;
    }
}
