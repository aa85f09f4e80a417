namespace Portal.Web.Features.Hosting;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>The <c>Portal:*</c> configuration keys documented in README.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    public DatabaseOptions Database { get; set; } = new();

    /// <summary>SQLite file, search index, media and mail go here; relative paths are under the content root.</summary>
    public string DataDirectory { get; set; } = "App_Data";

    public bool SeedDemoContent { get; set; } = true;

    public AdminOptions Admin { get; set; } = new();

    public SiteOptions Site { get; set; } = new();

    /// <summary>The uSync folder; empty means the nearest <c>uSync/v17</c> from the content root, else the one beside the binaries.</summary>
    public string UsyncFolder { get; set; } = string.Empty;

    public sealed class DatabaseOptions
    {
        public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    }

    /// <summary><c>Portal:Site</c>: what the public pages offer beyond the content.</summary>
    public sealed class SiteOptions
    {
        /// <summary>The province's Zalo Official Account id; Zalo's share page needs one, so without it no Zalo link is shown.</summary>
        public string ZaloOfficialAccountId { get; set; } = string.Empty;
    }

    public sealed class AdminOptions
    {
        public string Email { get; set; } = string.Empty;
        public string Password { get; set; } = string.Empty;
    }
}
