using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure.Search.Analysis;

namespace Portal.Infrastructure.Search;

/// <summary>
/// One index of this node (public or backoffice) in its folder: the generation answering searches, the pointer file naming
/// it, and what happened to it. Writes are serialised by <see cref="WriteGate"/>; searches never wait for them.
/// </summary>
internal sealed partial class SearchIndex(string name, string label, string folder, ILogger logger) : IDisposable
{
    private const string PointerFile = "current";
    private readonly Lock sync = new();
    private IndexGeneration? current;

    public string Name { get; } = name;

    public string Label { get; } = label;

    public string Folder { get; } = folder;

    /// <summary>Held by whoever changes the index: the outbox consumer, and a rebuild while it swaps generations.</summary>
    public SemaphoreSlim WriteGate { get; } = new(1, 1);

    public SearchRebuildProgress? Rebuild { get; set; }

    public string Detail { get; private set; } = string.Empty;

    public int Healed { get; private set; }

    public bool IsOpen
    {
        get
        {
            lock (sync)
            {
                return current is not null;
            }
        }
    }

    public SearchIndexState State()
    {
        lock (sync)
        {
            var health = Rebuild is not null ? SearchIndexHealth.Building : current is null ? SearchIndexHealth.Unavailable : SearchIndexHealth.Ready;
            return new SearchIndexState(Name, Label, health, current?.Documents ?? 0, current?.CommittedAt, Rebuild, Detail,
                current?.Folder ?? Folder, Healed);
        }
    }

    /// <summary>
    /// Opens the generation the pointer names and removes every other one (a rebuild cut short by a crash). Returns the
    /// outbox position it had applied, or null when there is none to open or it is unusable (then it is deleted and healed).
    /// </summary>
    public long? Open()
    {
        Directory.CreateDirectory(Folder);
        var pointer = Path.Combine(Folder, PointerFile);
        var named = File.Exists(pointer) ? File.ReadAllText(pointer).Trim() : null;
        foreach (var leftover in Directory.EnumerateDirectories(Folder).Where(d => Path.GetFileName(d) != named))
        {
            TryDelete(leftover);
        }

        if (string.IsNullOrEmpty(named) || !Directory.Exists(Path.Combine(Folder, named)))
        {
            if (named is not null)
            {
                Heal($"Thư mục chỉ mục {named} không còn; đang dựng lại từ cơ sở dữ liệu.", null);
            }

            return null;
        }

        var path = Path.Combine(Folder, named);
        try
        {
            var opened = IndexGeneration.Open(path, VietnameseAnalyzer.Revision, out var removedStaleLock);
            if (removedStaleLock)
            {
                Detail = "Đã gỡ khóa ghi (write.lock) còn sót lại sau một lần dừng đột ngột; chỉ mục vẫn dùng được.";
                LogStaleLock(logger, Name, path);
            }

            lock (sync)
            {
                current = opened;
            }

            return opened.Position;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Heal($"Chỉ mục hỏng hoặc thiếu tệp ({ex.GetType().Name}: {ex.Message}); đang dựng lại từ cơ sở dữ liệu.", ex);
            TryDelete(path);
            return null;
        }
    }

    /// <summary>Applies a change to the answering generation; false when there is none or it failed (then it is marked for healing).</summary>
    public bool Change(Action<IndexGeneration> change)
    {
        var generation = Current();
        if (generation is null)
        {
            return false;
        }

        try
        {
            change(generation);
            return true;
        }
        catch (Exception ex) when (IsIndexFault(ex))
        {
            Fault(generation, ex);
            return false;
        }
    }

    /// <summary>Applies an asynchronous change to the answering generation and shows it to searches; false as for <see cref="Change"/>.</summary>
    public async Task<bool> ChangeAsync(Func<IndexGeneration, Task> change)
    {
        var generation = Current();
        if (generation is null)
        {
            return false;
        }

        try
        {
            await change(generation);
            generation.Refresh();
            return true;
        }
        catch (Exception ex) when (IsIndexFault(ex))
        {
            Fault(generation, ex);
            return false;
        }
    }

    /// <summary>Commits the answering generation at the given outbox position; false when there is none or it failed.</summary>
    public bool Commit(long position) => Change(g => g.Commit(position, VietnameseAnalyzer.Revision));

    /// <summary>Runs a search on the answering generation; null when there is none or it failed (callers fall back).</summary>
    public T? Search<T>(Func<IndexSearcher, T> search)
        where T : class
    {
        var generation = Current();
        if (generation is null)
        {
            return null;
        }

        try
        {
            return generation.Search(search);
        }
        catch (Exception ex) when (IsIndexFault(ex) || ex is ObjectDisposedException)
        {
            if (ex is not ObjectDisposedException)
            {
                Fault(generation, ex);
            }

            return null;
        }
    }

    /// <summary>Whether every file of the last commit is still on disk; a missing one takes the generation out of service.</summary>
    public bool Verify()
    {
        var generation = Current();
        if (generation is null)
        {
            return false;
        }

        try
        {
            if (generation.FilesPresent())
            {
                return true;
            }

            Fault(generation, new FileNotFoundException("Một tệp của chỉ mục đã bị xóa."));
        }
        catch (Exception ex) when (IsIndexFault(ex))
        {
            Fault(generation, ex);
        }

        return false;
    }

    public IndexGeneration CreateGeneration() =>
        IndexGeneration.Create(Path.Combine(Folder, "g" + DateTime.UtcNow.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Commits a complete generation, points the folder at it, and retires the one that answered until now.</summary>
    public void Swap(IndexGeneration built, long position)
    {
        built.Settle();
        built.Commit(position, VietnameseAnalyzer.Revision);
        var pointer = Path.Combine(Folder, PointerFile);
        var written = pointer + ".new";
        File.WriteAllText(written, built.Name);
        File.Move(written, pointer, overwrite: true);
        IndexGeneration? old;
        lock (sync)
        {
            old = current;
            current = built;
        }

        if (old is not null)
        {
            Retire(old);
        }
    }

    public static void Abandon(IndexGeneration built)
    {
        built.Dispose();
        TryDelete(built.Folder);
    }

    public void Dispose()
    {
        IndexGeneration? generation;
        lock (sync)
        {
            generation = current;
            current = null;
        }

        generation?.Dispose();
        WriteGate.Dispose();
    }

    /// <summary>
    /// Lucene reports a damaged index through I/O exceptions (CorruptIndexException is one) and, reading garbage, a few
    /// others — those count only when Lucene itself threw them, so a bug in Portal's own query code is not mistaken for
    /// damage and hidden behind a rebuild.
    /// </summary>
    public static bool IsIndexFault(Exception ex) =>
        ex is IOException or UnauthorizedAccessException
        || (ex is IndexOutOfRangeException or ArgumentOutOfRangeException or InvalidOperationException
            && ex.TargetSite?.Module.Assembly == typeof(Lucene.Net.Index.IndexReader).Assembly);

    private IndexGeneration? Current()
    {
        lock (sync)
        {
            return current;
        }
    }

    private void Fault(IndexGeneration generation, Exception ex)
    {
        lock (sync)
        {
            if (!ReferenceEquals(current, generation))
            {
                return;
            }

            current = null;
        }

        Heal($"Chỉ mục gặp lỗi khi đang chạy ({ex.GetType().Name}: {ex.Message}); đang dựng lại từ cơ sở dữ liệu.", ex);
        Retire(generation);
        Faulted?.Invoke();
    }

    /// <summary>Raised when the answering generation is taken out of service: the owner starts a rebuild.</summary>
    public event Action? Faulted;

    private void Heal(string detail, Exception? ex)
    {
        Healed++;
        Detail = detail;
        LogHealing(logger, ex, Name, detail);
    }

    private static void Retire(IndexGeneration generation)
    {
        try
        {
            generation.Dispose();
        }
        catch (Exception ex) when (IsIndexFault(ex))
        {
            // Its folder goes anyway.
        }

        TryDelete(generation.Folder);
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Still open by a search in flight: removed at the next start.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index {Index}: {Detail}")]
    private static partial void LogHealing(ILogger logger, Exception? exception, string index, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index {Index}: removed a stale write.lock in {Folder}")]
    private static partial void LogStaleLock(ILogger logger, string index, string folder);
}
