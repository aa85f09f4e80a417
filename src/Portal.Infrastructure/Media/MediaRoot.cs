using Portal.Core.Media;

namespace Portal.Infrastructure.Media;

/// <summary>
/// The folder that holds every media file, <c>{DataDirectory}/media</c>: a media URL <c>/media/{folder}/{file}</c> is the
/// file at <c>{folder}/{file}</c> below it. Uploads are staged in its <c>.staging</c> folder, on the same volume, so that
/// publishing one is a rename; the dot keeps that folder out of what is served.
/// </summary>
public sealed class MediaRoot
{
    public const string StagingFolderName = ".staging";

    public MediaRoot(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        StagingPath = System.IO.Path.Combine(Path, StagingFolderName);
    }

    public string Path { get; }

    public string StagingPath { get; }

    /// <summary>
    /// The file behind a media URL; null for anything that is not exactly <c>/media/{8 letters or digits}/{one file name}</c>,
    /// so no URL can reach outside its folder.
    /// </summary>
    public string? FileOf(string url)
    {
        var folder = MediaFileRules.FolderOf(url);
        if (folder is null)
        {
            return null;
        }

        var name = url[(url.LastIndexOf('/') + 1)..];
        if (name.Length == 0 || name.StartsWith('.') || name.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) >= 0 || name.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        return System.IO.Path.Combine(Path, folder, name);
    }
}
