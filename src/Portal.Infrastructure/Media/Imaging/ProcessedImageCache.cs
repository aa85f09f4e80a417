using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Portal.Core.Media;

namespace Portal.Infrastructure.Media.Imaging;

/// <summary>What the cache answers for an image URL with commands.</summary>
public enum ProcessedImageStatus
{
    /// <summary><see cref="ProcessedImage"/> is on disk, ready to send.</summary>
    Ready,

    /// <summary>After the limits nothing is left to do (say, only a width above the maximum): send the stored file as it is.</summary>
    Unchanged,

    /// <summary>No stored file at that URL.</summary>
    NotFound,

    NotAnImage,
    TooManyPixels,
}

/// <summary>A processed image in the cache folder, and what a response needs to say about it.</summary>
public sealed record ProcessedImage(string Path, string ContentType, string ETag, DateTimeOffset LastModified, long Length);

public sealed record ProcessedImageAnswer(ProcessedImageStatus Status, ProcessedImage? Image = null);

/// <summary>
/// Processed images on disk, below <c>{DataDirectory}/cache/media</c> (or <c>Umbraco:CMS:Imaging:Cache:CacheFolder</c>), named by
/// a hash of the media URL, the applied commands and the stored file's write time and length: replacing a file makes new
/// names, so nothing stale is ever served. A file is written to a temporary name and renamed into place, so two requests,
/// or two nodes sharing the folder, never see half of one; on one node, identical requests wait for a single transform.
/// </summary>
public sealed partial class ProcessedImageCache(ImagingSettings settings, ImageTransformer transformer, string folder, TimeProvider clock,
    ILogger<ProcessedImageCache> logger)
{
    private const int BufferSize = 81920;

    private readonly ConcurrentDictionary<string, Lazy<Task<ProcessedImageAnswer>>> running = new();

    public string Folder { get; } = Path.GetFullPath(folder);

    /// <param name="sourcePath">The stored file.</param>
    /// <param name="url">Its media URL, <c>/media/{folder}/{file}</c>.</param>
    /// <param name="commands">The URL's commands, before limits.</param>
    public async Task<ProcessedImageAnswer> GetAsync(string sourcePath, string url, ImageCommands commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var applied = transformer.Limit(commands);
        var source = new FileInfo(sourcePath);
        if (!applied.HasCommands)
        {
            return new ProcessedImageAnswer(ProcessedImageStatus.Unchanged);
        }

        if (!source.Exists || ImageTransformer.FormatOfExtension(MediaFileRules.ExtensionOf(url)) is not { } sourceFormat)
        {
            return new ProcessedImageAnswer(ProcessedImageStatus.NotFound);
        }

        applied = applied with { Format = applied.Format ?? sourceFormat };
        var key = KeyOf(url, applied, source);
        var path = PathOf(key, applied.Format!);
        if (Cached(path, key, applied.Format!) is { } cached)
        {
            return new ProcessedImageAnswer(ProcessedImageStatus.Ready, cached);
        }

        // The transform belongs to every request waiting for it, so one client going away does not cancel it for the others.
        var work = running.GetOrAdd(key, _ => new Lazy<Task<ProcessedImageAnswer>>(() => ProduceAsync(source.FullName, applied, key, path)));
        return await work.Value.WaitAsync(cancellationToken);
    }

    private async Task<ProcessedImageAnswer> ProduceAsync(string sourcePath, ImageCommands applied, string key, string path)
    {
        try
        {
            return await WriteAsync(sourcePath, applied, key, path);
        }
        finally
        {
            // Only the entry of this very transform can be there: a new one is added only once this one is gone.
            running.TryRemove(key, out _);
        }
    }

    private async Task<ProcessedImageAnswer> WriteAsync(string sourcePath, ImageCommands applied, string key, string path)
    {
        // A request that looked just before the previous transform for this key finished finds its file here.
        if (Cached(path, key, applied.Format!) is { } done)
        {
            return new ProcessedImageAnswer(ProcessedImageStatus.Ready, done);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            ImageTransformOutcome outcome;
            await using (var source = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize,
                             FileOptions.Asynchronous))
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                outcome = await transformer.TransformAsync(source, applied, output, CancellationToken.None);
                if (outcome == ImageTransformOutcome.Done)
                {
                    // On disk before it gets its name: after a power cut the name must not point at an empty file.
                    output.Flush(flushToDisk: true);
                }
            }

            if (outcome != ImageTransformOutcome.Done)
            {
                File.Delete(temporary);
                LogRefused(logger, sourcePath, outcome);
                return new ProcessedImageAnswer(outcome == ImageTransformOutcome.TooManyPixels
                    ? ProcessedImageStatus.TooManyPixels
                    : ProcessedImageStatus.NotAnImage);
            }

            File.Move(temporary, path, overwrite: true);
            return new ProcessedImageAnswer(ProcessedImageStatus.Ready, Describe(new FileInfo(path), key, applied.Format!));
        }
        catch (IOException exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            // Deleted between the check and the read.
            File.Delete(temporary);
            return new ProcessedImageAnswer(ProcessedImageStatus.NotFound);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>The cached file when it is there, not empty, and younger than <c>CacheMaxAge</c>.</summary>
    private ProcessedImage? Cached(string path, string key, string format)
    {
        var file = new FileInfo(path);
        return !file.Exists || file.Length == 0 || clock.GetUtcNow() - file.LastWriteTimeUtc >= settings.Cache.CacheMaxAge
            ? null
            : Describe(file, key, format);
    }

    private static ProcessedImage Describe(FileInfo file, string key, string format) =>
        new(file.FullName, ImageTransformer.ContentTypeOf(format), $"\"{key}\"", file.LastWriteTimeUtc, file.Length);

    private string KeyOf(string url, ImageCommands applied, FileInfo source)
    {
        var text = string.Join('|', url.ToLowerInvariant() + QueryString.Create(applied.ToQuery()).ToUriComponent(),
            source.LastWriteTimeUtc.Ticks, source.Length);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return hash[..Math.Clamp(settings.Cache.CacheHashLength, 8, hash.Length)];
    }

    /// <summary>Umbraco's layout: the first <c>CacheFolderDepth</c> characters of the key are one folder level each.</summary>
    private string PathOf(string key, string format)
    {
        var depth = Math.Clamp(settings.Cache.CacheFolderDepth, 0, key.Length);
        var parts = key[..depth].Select(c => c.ToString()).Prepend(Folder).Append($"{key}.{format}");
        return Path.Combine(parts.ToArray());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Image transform of {Source} refused: {Outcome}")]
    private static partial void LogRefused(ILogger logger, string source, ImageTransformOutcome outcome);
}
