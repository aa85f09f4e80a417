namespace Portal.Data.Tests.TestHost;

internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding Portal.sln, found by walking up from the test binaries.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The real schema: uSync/v17 (ContentTypes, DataTypes).</summary>
    public static string UsyncFolder => Path.Combine(Root, "uSync", "v17");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Portal.sln above {AppContext.BaseDirectory}.");
    }
}
