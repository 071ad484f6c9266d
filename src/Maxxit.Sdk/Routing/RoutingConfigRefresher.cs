using Maxxit.Sdk.Internal;
using Maxxit.Sdk.Storage;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Routing;

/// <summary>Reloads routing configs from the store into the router's cache at most once per refresh interval, outside the routing path.</summary>
public sealed class RoutingConfigRefresher
{
    private readonly IRoutingStore _store;
    private readonly RoutingConfigCache _cache;
    private readonly IntervalRefresh _refresh;
    private readonly Func<CancellationToken, Task> _load;

    /// <summary>Creates the refresher.</summary>
    public RoutingConfigRefresher(IRoutingStore store, RoutingConfigCache cache, TimeProvider time, IOptions<MaxxitOptions> options)
    {
        _store = store;
        _cache = cache;
        _refresh = new IntervalRefresh(time, options.Value.RoutingConfigRefreshInterval);
        // One delegate for the life of the refresher: the freshness check runs for every signal.
        _load = async ct => _cache.Load(await _store.ListRoutingConfigsAsync(ct).ConfigureAwait(false));
    }

    /// <summary>Loads the configs when never loaded or older than the interval.</summary>
    public ValueTask EnsureFreshAsync(CancellationToken cancellationToken) =>
        _refresh.EnsureFreshAsync(_load, cancellationToken);
}
