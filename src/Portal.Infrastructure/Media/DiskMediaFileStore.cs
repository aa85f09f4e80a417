using Microsoft.Extensions.Logging;
using Portal.Core.Media;

namespace Portal.Infrastructure.Media;

/// <summary>
/// Media files on disk below <see cref="MediaRoot"/>. An upload is written whole to a staging file and then renamed into
/// place, so a reader never sees half a file and a failed upload leaves nothing at a media URL.
/// </summary>
public sealed partial class DiskMediaFileStore(MediaRoot root, ILogger<DiskMediaFileStore> logger) : IMediaFileStore
{
    private const int BufferSize = 81920;

    public async Task<IStagedMediaFile?> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(root.StagingPath);
        var path = Path.Combine(root.StagingPath, Guid.NewGuid().ToString("N") + ".upload");
        var staged = new StagedFile(root, path, logger);
        try
        {
            long written = 0;
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    written += read;
                    if (written > maxBytes)
                    {
                        await target.DisposeAsync();
                        await staged.DisposeAsync();
                        return null;
                    }

                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                // On disk before it is published: a power cut after the rename must not leave an empty file at the URL.
                target.Flush(flushToDisk: true);
            }

            staged.Bytes = written;
            return staged;
        }
        catch
        {
            await staged.DisposeAsync();
            throw;
        }
    }

    public void Delete(string url)
    {
        if (root.FileOf(url) is not { } path)
        {
            return;
        }

        try
        {
            File.Delete(path);
            var folder = Path.GetDirectoryName(path)!;
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (IOException exception)
        {
            // The item is already gone; a file left behind only costs space.
            LogDeleteFailed(logger, exception, url);
        }
        catch (UnauthorizedAccessException exception)
        {
            LogDeleteFailed(logger, exception, url);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the media file {Url}; it stays on disk unused")]
    private static partial void LogDeleteFailed(ILogger logger, Exception exception, string url);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not undo the placing of media file {Url}")]
    private static partial void LogUndoFailed(ILogger logger, Exception exception, string url);

    private sealed class StagedFile(MediaRoot root, string stagingPath, ILogger logger) : IStagedMediaFile
    {
        private string? target;
        private string? targetUrl;
        private string? setAside;
        private bool committed;

        public long Bytes { get; set; }

        public Stream OpenRead() =>
            new FileStream(stagingPath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous);

        public async Task<bool> RewriteAsync(Func<Stream, Stream, CancellationToken, Task<bool>> rewrite, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(rewrite);
            if (target is not null)
            {
                throw new InvalidOperationException("The staged file was already moved.");
            }

            // Beside the staging file, so the swap is one rename on the same volume; dropped whatever happens unless swapped in.
            var rewritten = stagingPath + ".rewrite";
            try
            {
                bool keep;
                long bytes;
                await using (var source = OpenRead())
                await using (var output = new FileStream(rewritten, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
                {
                    keep = await rewrite(source, output, cancellationToken);
                    output.Flush(flushToDisk: true);
                    bytes = output.Length;
                }

                if (keep)
                {
                    File.Move(rewritten, stagingPath, overwrite: true);
                    Bytes = bytes;
                }

                return keep;
            }
            finally
            {
                File.Delete(rewritten);
            }
        }

        public void MoveTo(string url)
        {
            if (target is not null)
            {
                throw new InvalidOperationException("The staged file was already moved.");
            }

            var path = root.FileOf(url) ?? throw new ArgumentException($"Not a media URL: {url}", nameof(url));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (File.Exists(path))
            {
                // One rename replaces the old file (readers see the old or the new, never neither), and the old one is
                // kept as a hard link beside the staging file until the caller commits.
                var backup = stagingPath + ".old";
                File.Replace(stagingPath, path, backup, ignoreMetadataErrors: true);
                setAside = backup;
            }
            else
            {
                File.Move(stagingPath, path);
            }

            target = path;
            targetUrl = url;
        }

        public void Commit()
        {
            committed = true;
            if (setAside is not null)
            {
                File.Delete(setAside);
            }
        }

        public ValueTask DisposeAsync()
        {
            if (committed)
            {
                return ValueTask.CompletedTask;
            }

            try
            {
                if (target is null)
                {
                    File.Delete(stagingPath);
                }
                else if (setAside is not null)
                {
                    File.Move(setAside, target, overwrite: true);
                }
                else
                {
                    File.Delete(target);
                }
            }
            catch (IOException exception)
            {
                LogUndoFailed(logger, exception, targetUrl ?? stagingPath);
            }

            return ValueTask.CompletedTask;
        }
    }
}
