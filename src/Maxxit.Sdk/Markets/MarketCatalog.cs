using System.Collections.Frozen;
using Maxxit.Sdk.Internal;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Markets;

/// <summary>
/// Per-venue immutable snapshots swapped atomically on refresh: readers never lock and never see a half-built list.
/// Indexed by the venue's process-wide ordinal, so any defined venue has a slot.
/// </summary>
public sealed class MarketCatalog : IMarketCatalog
{
    private static readonly FrozenDictionary<string, MarketInfo> Empty = FrozenDictionary<string, MarketInfo>.Empty;
    private readonly FrozenDictionary<string, MarketInfo>[] _byVenue = Enumerable.Repeat(Empty, Venue.MaxCount + 1).ToArray();
    private readonly IReadOnlyList<IVenueAdapter> _adapters;
    private readonly VenueHealthRegistry _health;
    private readonly IntervalRefresh _refresh;
    private readonly ILogger<MarketCatalog> _logger;
    private FrozenSet<string> _anywhere = FrozenSet<string>.Empty;

    /// <summary>Creates the catalog over the registered adapters.</summary>
    public MarketCatalog(VenueAdapterRegistry adapters, VenueHealthRegistry health, IOptions<MaxxitOptions> options, TimeProvider time, ILogger<MarketCatalog> logger)
    {
        _health = health;
        _adapters = adapters.Adapters.ToArray();
        _refresh = new IntervalRefresh(time, options.Value.MarketRefreshInterval);
        _logger = logger;
    }

    /// <inheritdoc />
    public bool TryGet(Venue venue, string symbol, out MarketInfo market) =>
        Volatile.Read(ref _byVenue[venue.Ordinal]).TryGetValue(symbol, out market!);

    /// <inheritdoc />
    public IReadOnlyCollection<MarketInfo> GetMarkets(Venue venue) => Volatile.Read(ref _byVenue[venue.Ordinal]).Values;

    /// <inheritdoc />
    public bool IsListedAnywhere(string symbol) => Volatile.Read(ref _anywhere).Contains(symbol);

    /// <inheritdoc />
    public void Replace(Venue venue, IEnumerable<MarketInfo> markets)
    {
        ArgumentNullException.ThrowIfNull(markets);
        var snapshot = markets
            .Where(m => m.Venue == venue)
            .GroupBy(m => m.Symbol, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Volatile.Write(ref _byVenue[venue.Ordinal], snapshot);
        var all = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _byVenue.Length; i++)
        {
            all.UnionWith(Volatile.Read(ref _byVenue[i]).Keys);
        }

        Volatile.Write(ref _anywhere, all.ToFrozenSet(StringComparer.Ordinal));
    }

    /// <inheritdoc />
    public bool IsLoaded => _refresh.HasLoaded;

    /// <inheritdoc />
    public ValueTask EnsureFreshAsync(CancellationToken cancellationToken) => _refresh.EnsureFreshAsync(LoadAllAsync, cancellationToken);

    // Venues load side by side: one slow venue delays only its own snapshot.
    private Task LoadAllAsync(CancellationToken cancellationToken) => Task.WhenAll(_adapters.Select(a => LoadAsync(a, cancellationToken)));

    private async Task LoadAsync(IVenueAdapter adapter, CancellationToken cancellationToken)
    {
        {
            try
            {
                var markets = await adapter.GetMarketsAsync(cancellationToken).ConfigureAwait(false);
                Replace(adapter.Venue, markets);
                var health = await adapter.GetHealthAsync(cancellationToken).ConfigureAwait(false);
                _health.Report(adapter.Venue, health.IsAvailable);
                if (!health.IsAvailable)
                {
                    _logger.LogWarning("{Venue} reports itself unavailable: {Detail}", adapter.Venue, health.Detail);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Keep the previous snapshot: stale markets beat no markets; the venue is marked unhealthy so that
                // routing fails over until a later refresh succeeds.
                _health.Report(adapter.Venue, healthy: false);
                _logger.LogWarning(ex, "Refreshing markets of {Venue} failed; keeping {Count} cached markets and marking it unhealthy", adapter.Venue, GetMarkets(adapter.Venue).Count);
            }
        }
    }
}
