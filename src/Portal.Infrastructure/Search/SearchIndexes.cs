using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Events;
using Portal.Data.Outbox;
using Portal.Infrastructure.Outbox;

namespace Portal.Infrastructure.Search;

/// <summary>
/// The node's two indexes (public and backoffice) through their life: opened and checked against the database at
/// start-up, kept current from the outbox in order, committed with the outbox position they reached, checked for missing
/// files, and rebuilt in the background — on a first start, after damage, or when asked — while the old copy answers.
/// </summary>
public sealed partial class SearchIndexes : IResumableConsumer, IDisposable
{
    private readonly IOptions<SearchOptions> options;
    private readonly OutboxStore outbox;
    private readonly ILogger<SearchIndexes> logger;
    private readonly PublicIndexFeed publicFeed;
    private readonly BackofficeIndexFeed backofficeFeed;
    private readonly IndexSlot[] slots;
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim opening = new(1, 1);
    private NodeFolder? node;
    private Task? checking;
    private long position;
    private long committed;
    private int disposed;

    internal SearchIndexes(IOptions<SearchOptions> options, PublicIndexFeed publicFeed, BackofficeIndexFeed backofficeFeed, OutboxStore outbox,
        ILogger<SearchIndexes> logger)
    {
        this.options = options;
        this.outbox = outbox;
        this.logger = logger;
        this.publicFeed = publicFeed;
        this.backofficeFeed = backofficeFeed;
        slots =
        [
            new IndexSlot("public", "Tìm kiếm trên trang công khai", publicFeed),
            new IndexSlot("backoffice", "Tìm kiếm trong trang quản trị", backofficeFeed),
        ];
    }

    public string Name => "search-indexes";

    public ConsumerScope Scope => ConsumerScope.Node;

    public long? ResumeAfter { get; private set; }

    public IReadOnlyList<SearchIndexState> States => slots.Select(s => s.Index?.State()
        ?? new SearchIndexState(s.Name, s.Label, SearchIndexHealth.Unavailable, 0, null, null, "Chưa mở chỉ mục.", string.Empty, 0)).ToList();

    /// <summary>
    /// Whether another live process on this machine holds this node's folder (so these indexes opened in a spare
    /// <c>{node}-2</c> folder the running site never reads); null before opening.
    /// </summary>
    public bool? NodeHeldElsewhere => node is null ? null : !NodeFolder.IsFirstSlot(node.Path, options.Value.ResolvedNodeName());

    internal SearchIndex? Public => slots[0].Index;

    internal SearchIndex? Backoffice => slots[1].Index;

    /// <summary>
    /// Claims this node's folder and opens both indexes; one that is missing, damaged, analysed by another revision, ahead
    /// of the database, or (when fully caught up) holding another number of documents than the database is rebuilt in the
    /// background. Called once the route tree is loaded and before the outbox starts this node's consumers.
    /// </summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        await opening.WaitAsync(cancellationToken);
        try
        {
            if (node is not null)
            {
                return;
            }

            var settings = options.Value;
            node = NodeFolder.Claim(SearchOptions.ResolveDirectory(settings.Directory, "App_Data"), settings.ResolvedNodeName());
            LogOpening(logger, node.Path);
            var lastId = await outbox.LastIdAsync(cancellationToken);
            long? resume = null;
            var stale = new List<IndexSlot>();
            foreach (var slot in slots)
            {
                slot.Index = new SearchIndex(slot.Name, slot.Label, Path.Combine(node.Path, slot.Name), logger);
                var opened = slot;
                slot.Index.Faulted += () => Start(opened);
                var saved = slot.Index.Open();
                if (saved is not { } at || at > lastId)
                {
                    stale.Add(slot);
                    continue;
                }

                resume = Math.Min(resume ?? at, at);
                if (at == lastId && await slot.Feed.ExpectedCountAsync(cancellationToken) is var expected && expected != slot.Index.State().Documents)
                {
                    LogCountDiffers(logger, slot.Name, slot.Index.State().Documents, expected);
                    stale.Add(slot);
                }
            }

            ResumeAfter = resume;
            position = committed = resume ?? lastId;
            Start(stale);

            checking = Task.Run(() => CheckLoopAsync(stopping.Token), CancellationToken.None);
        }
        finally
        {
            opening.Release();
        }
    }

    public async Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken)
    {
        foreach (var slot in slots)
        {
            if (slot.Index is not { } index)
            {
                continue;
            }

            foreach (var change in slot.Feed.ChangesFor(contentEvent))
            {
                if (change.Scope == ChangeScope.Everything)
                {
                    Start(slot);
                    continue;
                }

                await index.WriteGate.WaitAsync(cancellationToken);
                try
                {
                    slot.Dirty?.Add(change);
                    await index.ChangeAsync(g => slot.Feed.ApplyAsync(g, change, cancellationToken));
                }
                finally
                {
                    index.WriteGate.Release();
                }
            }
        }
    }

    public void Reached(long messageId) => Interlocked.Exchange(ref position, messageId);

    /// <summary>Completes when both indexes are open and no rebuild runs.</summary>
    public async Task WhenReadyAsync(CancellationToken cancellationToken)
    {
        while (!States.All(s => s.Health == SearchIndexHealth.Ready))
        {
            await Task.Delay(25, cancellationToken);
        }
    }

    /// <summary>Starts rebuilding both indexes in the background; false when a rebuild is already running.</summary>
    public bool StartRebuild()
    {
        if (slots.Any(s => s.Running))
        {
            return false;
        }

        Start(slots);
        return true;
    }

    /// <summary>Rebuilds both indexes (joining a rebuild already running) and waits; the old ones answer until each new one is complete.</summary>
    public async Task RebuildAsync(IProgress<SearchRebuildProgress>? progress, CancellationToken cancellationToken)
    {
        await OpenAsync(cancellationToken);
        Start(slots.Where(s => !s.Running).ToList());

        var started = DateTime.UtcNow;
        while (slots.Any(s => s.Running))
        {
            Report(progress, started);
            await Task.Delay(200, cancellationToken);
        }

        Report(progress, started);
        if (States.FirstOrDefault(s => s.Health != SearchIndexHealth.Ready) is { } failed)
        {
            throw new InvalidOperationException($"Không dựng lại được chỉ mục {failed.Name}: {failed.Detail}");
        }
    }

    /// <summary>Commits what the outbox brought since the last commit, and takes an index with missing files out of service (it is then rebuilt).</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var reached = Interlocked.Read(ref position);
        foreach (var slot in slots)
        {
            if (slot.Index is not { } index)
            {
                continue;
            }

            if (!index.IsOpen)
            {
                // A rebuild that failed (the database was down) is tried again at every check.
                if (!slot.Running)
                {
                    Start(slot);
                }

                continue;
            }

            if (!index.Verify())
            {
                continue;
            }

            if (reached > committed)
            {
                await index.WriteGate.WaitAsync(cancellationToken);
                try
                {
                    index.Commit(reached);
                }
                finally
                {
                    index.WriteGate.Release();
                }
            }
        }

        committed = Math.Max(committed, reached);
    }

    public void Dispose()
    {
        // Registered under two service types, so the container disposes it twice.
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        stopping.Cancel();
        var running = slots.Select(s => s.Rebuilding).OfType<Task>().Append(checking ?? Task.CompletedTask).ToArray();
        try
        {
            Task.WaitAll(running, TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // Cancelled rebuilds end here; their unfinished generations are removed at the next start.
        }

        var reached = Interlocked.Read(ref position);
        foreach (var slot in slots)
        {
            if (reached > committed)
            {
                slot.Index?.Commit(reached);
            }

            slot.Index?.Dispose();
        }

        node?.Dispose();
        stopping.Dispose();
        opening.Dispose();
    }

    private void Report(IProgress<SearchRebuildProgress>? progress, DateTime started)
    {
        var rebuilds = slots.Select(s => s.Index?.Rebuild).OfType<SearchRebuildProgress>().ToList();
        progress?.Report(rebuilds.Count == 0
            ? new SearchRebuildProgress(States.Sum(s => s.Documents), States.Sum(s => s.Documents), started)
            : new SearchRebuildProgress(rebuilds.Sum(r => r.Done), rebuilds.Sum(r => r.Total), started));
    }

    private async Task CheckLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await CheckAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogCheckFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>One index's place: its feed, the index once opened, and the rebuild under way with what changed during it.</summary>
    private sealed class IndexSlot(string name, string label, IIndexFeed feed)
    {
        public string Name { get; } = name;
        public string Label { get; } = label;
        public IIndexFeed Feed { get; } = feed;
        public SearchIndex? Index { get; set; }
        public Task? Rebuilding { get; set; }
        public List<IndexChange>? Dirty { get; set; }
        public bool Again { get; set; }
        public bool Running => Rebuilding is { IsCompleted: false };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search indexes of this node in {Folder}")]
    private static partial void LogOpening(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index {Index} rebuilt: {Documents} documents in {ElapsedMs:0} ms")]
    private static partial void LogRebuilt(ILogger logger, string index, int documents, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuilding search index {Index} failed; the next check tries again")]
    private static partial void LogRebuildFailed(ILogger logger, Exception exception, string index);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index {Index} holds {Held} documents, the database {Expected}: rebuilding")]
    private static partial void LogCountDiffers(ILogger logger, string index, int held, int expected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the search indexes failed; trying again at the next check")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
