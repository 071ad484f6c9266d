using Maxxit.Sdk.Storage;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Routing;

/// <summary>Reloads routing configs from the store into the router's cache at most once per refresh interval, outside the routing path.</summary>
public sealed class RoutingConfigRefresher
{
    private readonly IRoutingStore _store;
    private readonly RoutingConfigCache _cache;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _loadedAt = -1;

    /// <summary>Creates the refresher.</summary>
    public RoutingConfigRefresher(IRoutingStore store, RoutingConfigCache cache, TimeProvider time, IOptions<MaxxitOptions> options)
    {
        _store = store;
        _cache = cache;
        _time = time;
        _interval = options.Value.RoutingConfigRefreshInterval;
    }

    /// <summary>Loads the configs when never loaded or older than the interval.</summary>
    public async ValueTask EnsureFreshAsync(CancellationToken cancellationToken)
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
                _cache.Load(await _store.ListRoutingConfigsAsync(cancellationToken).ConfigureAwait(false));
                Volatile.Write(ref _loadedAt, _time.GetTimestamp());
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsStale()
    {
        var loaded = Volatile.Read(ref _loadedAt);
        return loaded < 0 || _time.GetElapsedTime(loaded) >= _interval;
    }
}
