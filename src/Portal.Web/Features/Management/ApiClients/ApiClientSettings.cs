namespace Portal.Web.Features.Management.ApiClients;

/// <summary>One <c>Portal:ApiClients:{n}</c> entry: a program that calls the Management API as an API user of one group.</summary>
internal sealed record ApiClientSetting(string ConfigurationPath, string ClientId, string ClientSecret, string UserGroup);

/// <summary>
/// Reads <c>Portal:ApiClients</c>. A missing value is reported with the exact key to fix, in Vietnamese, and stops the
/// start: a half-configured client would otherwise fail only when the program first calls.
/// </summary>
internal static class ApiClientSettings
{
    public const string Section = "Portal:ApiClients";

    public static IReadOnlyList<ApiClientSetting> Read(IConfiguration configuration)
    {
        var clients = new List<ApiClientSetting>();
        foreach (var entry in configuration.GetSection(Section).GetChildren())
        {
            var clientId = Required(entry, "ClientId", "mã ứng dụng (client id)");
            var secret = Required(entry, "ClientSecret", "khóa bí mật (client secret)");
            var group = Required(entry, "UserGroup", "bí danh nhóm người dùng");
            var earlier = clients.Find(c => string.Equals(c.ClientId, clientId, StringComparison.OrdinalIgnoreCase));
            if (earlier is not null)
            {
                throw new InvalidOperationException(
                    $"{entry.Path}:ClientId «{clientId}» trùng với {earlier.ConfigurationPath}:ClientId; mỗi ứng dụng cần một mã riêng.");
            }

            clients.Add(new ApiClientSetting(entry.Path, clientId, secret, group));
        }

        return clients;
    }

    private static string Required(IConfigurationSection entry, string key, string meaning)
    {
        var value = entry[key]?.Trim();
        return string.IsNullOrEmpty(value)
            ? throw new InvalidOperationException($"Thiếu {entry.Path}:{key}: mỗi ứng dụng gọi Management API cần {meaning}.")
            : value;
    }
}
