using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Portal.Infrastructure.Caching;

/// <summary>
/// A short name for "the site whose data lives in this database", so nodes of one site share Redis keys and
/// channels while another site (staging beside production, parallel test hosts) on the same Redis never meets them.
/// </summary>
public static class SiteDigest
{
    public static string Of(IConfiguration configuration)
    {
        var database = configuration.GetConnectionString("Portal") is { Length: > 0 } connection
            ? connection
            : Path.GetFullPath(configuration["Portal:DataDirectory"] is { Length: > 0 } folder ? folder : "App_Data");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(database)).AsSpan(0, 6));
    }
}
