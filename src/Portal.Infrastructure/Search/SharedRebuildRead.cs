using System.Threading.Channels;
using Portal.Infrastructure.Search.Analysis;

namespace Portal.Infrastructure.Search;

/// <summary>
/// One read of the database for a rebuild of both indexes: every edition is read, turned into text and analysed once,
/// and handed to the public and the backoffice rebuild, each writing its index on its own thread. Most documents have
/// no draft newer than their published edition, and for those the two indexes hold the same words at other addresses.
/// </summary>
internal sealed class SharedRebuildRead
{
    public Side Site { get; } = new();

    public Side Backoffice { get; } = new();

    /// <summary>Reads the database to the end (or the first failure, which both rebuilds then report).</summary>
    public async Task RunAsync(PublicIndexFeed publicFeed, BackofficeIndexFeed backofficeFeed, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            var published = publicFeed.Rebuilding();
            await foreach (var editions in backofficeFeed.EditionsAsync(cancellationToken))
            {
                var working = SearchFields.Analyse(BackofficeIndexFeed.Document(editions.Working));
                if (editions.Published is { } row && published(row, editions.Same ? working : null) is { } open)
                {
                    await Site.WriteAsync(open, cancellationToken);
                }

                await Backoffice.WriteAsync(working, cancellationToken);
            }
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        finally
        {
            Site.Complete(failure);
            Backoffice.Complete(failure);
        }
    }

    /// <summary>What one of the two rebuilds reads.</summary>
    internal sealed class Side
    {
        /// <summary>Enough to keep a writer busy; one that falls behind holds the read back instead of memory growing.</summary>
        private const int Buffered = 256;

        private readonly Channel<AnalysedDocument> channel =
            Channel.CreateBounded<AnalysedDocument>(new BoundedChannelOptions(Buffered) { SingleReader = true, SingleWriter = true });

        private int left;

        public IAsyncEnumerable<AnalysedDocument> ReadAllAsync(CancellationToken cancellationToken) => channel.Reader.ReadAllAsync(cancellationToken);

        /// <summary>
        /// Called when the rebuild ends, read to the end or not: what it did not read is discarded, so a rebuild that
        /// failed does not hold back the read the other one still needs.
        /// </summary>
        public void Leave()
        {
            if (Interlocked.Exchange(ref left, 1) == 0)
            {
                _ = Task.Run(DiscardAsync, CancellationToken.None);
            }
        }

        internal ValueTask WriteAsync(AnalysedDocument document, CancellationToken cancellationToken) => channel.Writer.WriteAsync(document, cancellationToken);

        internal void Complete(Exception? failure) => channel.Writer.TryComplete(failure);

        private async Task DiscardAsync()
        {
            try
            {
                while (await channel.Reader.WaitToReadAsync())
                {
                    while (channel.Reader.TryRead(out _))
                    {
                    }
                }
            }
            catch (Exception)
            {
                // The read failed or was cancelled: nothing more comes to discard.
            }
        }
    }
}
