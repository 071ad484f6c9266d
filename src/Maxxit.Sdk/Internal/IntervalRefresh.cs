namespace Maxxit.Sdk.Internal;

/// <summary>
/// Runs a load at most once per interval, single-flight: callers that find the data fresh return at once without
/// waiting, and concurrent callers that find it stale share one load.
/// </summary>
internal sealed class IntervalRefresh(TimeProvider time, TimeSpan interval)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _loadedAt = -1;

    public async ValueTask EnsureFreshAsync(Func<CancellationToken, Task> load, CancellationToken cancellationToken)
    {
        if (!IsStale())
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsStale())
            {
                await load(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _loadedAt, time.GetTimestamp());
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>True once a load has succeeded.</summary>
    public bool HasLoaded => Volatile.Read(ref _loadedAt) >= 0;

    private bool IsStale()
    {
        var loaded = Volatile.Read(ref _loadedAt);
        return loaded < 0 || time.GetElapsedTime(loaded) >= interval;
    }
}
