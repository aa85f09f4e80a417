namespace Portal.Infrastructure.Media.Imaging;

/// <summary>
/// How many images this node decodes at once (one per processor core): a decoded image holds 4–8 bytes per pixel, so a burst
/// of cache misses or uploads waits its turn instead of exhausting memory. Shared by transforms and upload checks.
/// </summary>
public sealed class ImageDecodeGate : IDisposable
{
    private readonly SemaphoreSlim slots;

    public ImageDecodeGate()
        : this(Environment.ProcessorCount)
    {
    }

    public ImageDecodeGate(int concurrency) => slots = new SemaphoreSlim(Math.Max(1, concurrency));

    /// <summary>Waits for a slot; disposing the result frees it.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        return new Slot(slots);
    }

    public void Dispose() => slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
