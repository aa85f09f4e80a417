using System.Security.Cryptography;
using System.Text;

namespace Portal.Infrastructure.Webhooks;

/// <summary>
/// <c>X-Portal-Signature: t={unix seconds},v1={hex HMAC-SHA256(secret, "{t}.{body}")}</c>, beyond Umbraco, which signs
/// nothing. The timestamp is inside the MAC so a receiver can refuse replays of an old request.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Portal-Signature";

    public static string Create(string secret, long unixSeconds, string body) =>
        $"t={unixSeconds},v1={Compute(secret, unixSeconds, body)}";

    /// <summary>Lowercase hex of the MAC; what a receiver recomputes and compares in constant time.</summary>
    public static string Compute(string secret, long unixSeconds, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unixSeconds}.{body}")));
}
