using Portal.Infrastructure.Search.Analysis;

namespace Portal.Infrastructure.Search;

/// <summary>Rebuilding: a new generation of an index filled from the database beside the one answering, then swapped in.</summary>
public sealed partial class SearchIndexes
{
    private void Start(IndexSlot slot)
    {
        lock (slot)
        {
            if (slot.Running)
            {
                slot.Again = true;
                return;
            }

            slot.Dirty = [];
            slot.Rebuilding = Task.Run(() => BuildAsync(slot, shared: null, stopping.Token), CancellationToken.None);
        }
    }

    /// <summary>Starts rebuilding the given indexes; both at once share one read of the database (<see cref="SharedRebuildRead"/>).</summary>
    private void Start(IReadOnlyList<IndexSlot> wanted)
    {
        if (wanted.Count != slots.Length)
        {
            foreach (var slot in wanted)
            {
                Start(slot);
            }

            return;
        }

        // Always in the same order, so two callers cannot each hold one slot and wait for the other.
        lock (slots[0])
        {
            lock (slots[1])
            {
                if (slots.Any(s => s.Running))
                {
                    foreach (var slot in slots)
                    {
                        Start(slot);
                    }

                    return;
                }

                var read = new SharedRebuildRead();
                var token = stopping.Token;
                slots[0].Dirty = [];
                slots[0].Rebuilding = Task.Run(() => BuildAsync(slots[0], read.Site, token), CancellationToken.None);
                slots[1].Dirty = [];
                slots[1].Rebuilding = Task.Run(() => BuildAsync(slots[1], read.Backoffice, token), CancellationToken.None);
                _ = Task.Run(() => read.RunAsync(publicFeed, backofficeFeed, token), CancellationToken.None);
            }
        }
    }

    /// <summary>Rebuilds one index from its side of a <see cref="SharedRebuildRead"/>, or when null from its own feed.</summary>
    private async Task BuildAsync(IndexSlot slot, SharedRebuildRead.Side? shared, CancellationToken cancellationToken)
    {
        var index = slot.Index!;
        var started = DateTime.UtcNow;
        IndexGeneration? built = null;
        try
        {
            var total = await slot.Feed.ExpectedCountAsync(cancellationToken);
            index.Rebuild = new SearchRebuildProgress(0, total, started);
            built = index.CreateGeneration();
            var done = 0;
            await foreach (var document in shared?.ReadAllAsync(cancellationToken) ?? Analysed(slot.Feed.AllAsync(cancellationToken)))
            {
                built.Add(document);
                if (++done % 500 == 0)
                {
                    index.Rebuild = new SearchRebuildProgress(done, Math.Max(total, done), started);
                }
            }

            await index.WriteGate.WaitAsync(cancellationToken);
            try
            {
                // What changed while the copy was read is applied again to it: each change reads the database afresh.
                foreach (var change in slot.Dirty ?? [])
                {
                    await slot.Feed.ApplyAsync(built, change, cancellationToken);
                }

                index.Swap(built, Interlocked.Read(ref position));
                built = null;
                slot.Dirty = null;
            }
            finally
            {
                index.WriteGate.Release();
            }

            LogRebuilt(logger, slot.Name, done, (DateTime.UtcNow - started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRebuildFailed(logger, ex, slot.Name);
        }
        catch (OperationCanceledException)
        {
            // The node is stopping.
        }
        finally
        {
            shared?.Leave();
            if (built is not null)
            {
                SearchIndex.Abandon(built);
            }

            index.Rebuild = null;
            bool again;
            lock (slot)
            {
                slot.Dirty = null;
                again = slot.Again && !cancellationToken.IsCancellationRequested;
                slot.Again = false;
                slot.Rebuilding = null;
            }

            if (again)
            {
                Start(slot);
            }
        }
    }

    private static async IAsyncEnumerable<AnalysedDocument> Analysed(IAsyncEnumerable<SearchDocument> documents)
    {
        await foreach (var document in documents)
        {
            yield return SearchFields.Analyse(document);
        }
    }
}
