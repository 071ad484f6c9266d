namespace Maxxit.Sdk.Internal;

/// <summary>
/// Runs a load at most once per interval, single-flight: callers that find the data fresh return at once without
/// waiting, and concurrent callers that find it stale share one load. The shared load runs under no caller's
/// cancellation token: a caller that cancels stops waiting, while the load goes on for everyone else.
/// </summary>
internal sealed class IntervalRefresh(TimeProvider time, TimeSpan interval)
{
    private readonly Lock _lock = new();
    private Task? _inFlight;
    private long _loadedAt = -1;

    public ValueTask EnsureFreshAsync(Func<CancellationToken, Task> load, CancellationToken cancellationToken)
    {
        if (!IsStale())
        {
            return ValueTask.CompletedTask;
        }

        cancellationToken.ThrowIfCancellationRequested();
        Task shared;
        lock (_lock)
        {
            if (!IsStale())
            {
                return ValueTask.CompletedTask;
            }

            // Started off the lock's thread, so that its completion (which clears the slot) always comes after this assignment.
            shared = _inFlight ??= Task.Run(() => LoadAsync(load));
        }

        return new ValueTask(shared.WaitAsync(cancellationToken));
    }

    private async Task LoadAsync(Func<CancellationToken, Task> load)
    {
        try
        {
            await load(CancellationToken.None).ConfigureAwait(false);
            Volatile.Write(ref _loadedAt, time.GetTimestamp());
        }
        finally
        {
            lock (_lock)
            {
                _inFlight = null;
            }
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
