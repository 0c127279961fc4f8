using Microsoft.Extensions.Options;

namespace Spcncl.Media;

/// <summary>
/// How many images are decoded and encoded at once, shared by uploads (re-encoding) and variants (resizing): one
/// semaphore of <see cref="MediaOptions.MaxConcurrentProcessing"/> slots, so the CPU and memory images take stay bounded
/// however the work arrives.
/// </summary>
public sealed class ImageProcessingLimit : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private int _active;
    private int _peak;

    public ImageProcessingLimit(IOptions<MediaOptions> options)
    {
        Capacity = options.Value.MaxConcurrentProcessing;
        _slots = new SemaphoreSlim(Capacity, Capacity);
    }

    public int Capacity { get; }

    /// <summary>Images being processed now.</summary>
    public int Active => Volatile.Read(ref _active);

    /// <summary>The most images processed at once since start (tests and the benchmark read it).</summary>
    public int Peak => Volatile.Read(ref _peak);

    /// <summary>Waits for a slot; disposing the result gives it back.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken ct = default)
    {
        await _slots.WaitAsync(ct);
        var active = Interlocked.Increment(ref _active);
        int peak;
        while (active > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, active, peak) != peak)
        {
        }

        return new Slot(this);
    }

    public void Dispose() => _slots.Dispose();

    private void Release()
    {
        Interlocked.Decrement(ref _active);
        _slots.Release();
    }

    private sealed class Slot(ImageProcessingLimit limit) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                limit.Release();
            }
        }
    }
}
