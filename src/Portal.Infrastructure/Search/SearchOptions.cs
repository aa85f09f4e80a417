namespace Portal.Infrastructure.Search;

/// <summary><c>Portal:Search:*</c>.</summary>
public sealed class SearchOptions
{
    public const string Section = "Portal:Search";

    /// <summary>Where nodes keep their indexes; each node has its own folder below it. Default <c>{DataDirectory}/search</c>.</summary>
    public string Directory { get; set; } = string.Empty;

    /// <summary>This node's folder name; default the machine name.</summary>
    public string NodeName { get; set; } = string.Empty;

    /// <summary>How often a node commits, checks its index files and heals what it finds broken.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    public static string ResolveDirectory(string configured, string dataDirectory) =>
        Path.GetFullPath(Path.Combine(dataDirectory, string.IsNullOrWhiteSpace(configured) ? "search" : configured));

    public string ResolvedNodeName() =>
        string.IsNullOrWhiteSpace(NodeName) ? Environment.MachineName : string.Concat(NodeName.Split(Path.GetInvalidFileNameChars()));
}
