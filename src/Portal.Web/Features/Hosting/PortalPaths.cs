namespace Portal.Web.Features.Hosting;

/// <summary>Resolves the folders Portal reads and writes, from configuration and the content root.</summary>
public sealed class PortalPaths(string dataDirectory, string usyncFolder)
{
    public string DataDirectory { get; } = dataDirectory;

    public string UsyncFolder { get; } = usyncFolder;

    public static PortalPaths Resolve(PortalOptions options, string contentRoot)
    {
        var data = Path.GetFullPath(Path.Combine(contentRoot, options.DataDirectory));
        return new PortalPaths(data, ResolveUsync(options.UsyncFolder, contentRoot));
    }

    private static string ResolveUsync(string configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(Path.Combine(contentRoot, configured));
        }

        // Running from a clone (dotnet run --project src/Portal.Web) the schema lives at the repository root;
        // a published build carries a copy beside its binaries.
        for (var folder = new DirectoryInfo(contentRoot); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "uSync", "v17");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "uSync", "v17");
    }
}
