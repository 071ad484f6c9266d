using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Logging;

namespace Maxxit.Sdk.Routing.Costs;

/// <summary>
/// One refresh pass: asks each venue's cost source (one registered for the venue, else the adapter in charge when it
/// implements <see cref="IVenueCostSource"/>) for the markets another venue also lists, and publishes the snapshots. A
/// source that fails keeps its previous snapshot, which goes stale and is then ignored by the router.
/// </summary>
public sealed class VenueCostRefresher
{
    private readonly VenueAdapterRegistry _adapters;
    private readonly IReadOnlyList<IVenueCostSource> _registered;
    private readonly IMarketCatalog _catalog;
    private readonly VenueCostSnapshots _snapshots;
    private readonly TimeProvider _time;
    private readonly ILogger<VenueCostRefresher> _logger;

    /// <summary>Creates the refresher.</summary>
    public VenueCostRefresher(VenueAdapterRegistry adapters, IEnumerable<IVenueCostSource> sources, IMarketCatalog catalog, VenueCostSnapshots snapshots, TimeProvider time, ILogger<VenueCostRefresher> logger)
    {
        _time = time;
        _adapters = adapters;
        _registered = [.. sources];
        _catalog = catalog;
        _snapshots = snapshots;
        _logger = logger;
    }

    /// <summary>The source in charge of each venue that has one.</summary>
    public IReadOnlyList<IVenueCostSource> Sources()
    {
        var sources = new List<IVenueCostSource>();
        foreach (var adapter in _adapters.Adapters)
        {
            var source = _registered.LastOrDefault(s => s.Venue == adapter.Venue) ?? adapter as IVenueCostSource;
            if (source is not null)
            {
                sources.Add(source);
            }
        }

        return sources;
    }

    /// <summary>Refreshes every venue's snapshot once.</summary>
    /// <returns>How many venues published a new snapshot.</returns>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _catalog.EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "Market catalog not refreshed before the cost refresh; pricing the markets already loaded");
        }

        var sources = Sources();
        var published = 0;
        foreach (var source in sources)
        {
            var markets = Contested(source.Venue);
            try
            {
                var snapshot = await source.GetCostSnapshotAsync(new VenueCostRequest(markets, _time), cancellationToken).ConfigureAwait(false);
                if (snapshot.Venue != source.Venue)
                {
                    throw new InvalidOperationException($"the {source.Venue.Name} cost source returned a {snapshot.Venue.Name} snapshot");
                }

                _snapshots.Publish(snapshot);
                published++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning(ex, "Cost snapshot of {Venue} not refreshed; the previous one is kept until it goes stale", source.Venue.Name);
            }
        }

        return published;
    }

    // Only a token another venue also lists has a choice to make; pricing the rest would spend the venue's rate limit for nothing.
    private List<MarketInfo> Contested(Venue venue)
    {
        var markets = new List<MarketInfo>();
        foreach (var market in _catalog.GetMarkets(venue))
        {
            foreach (var other in _adapters.Adapters)
            {
                if (other.Venue != venue && _catalog.TryGet(other.Venue, market.Symbol, out _))
                {
                    markets.Add(market);
                    break;
                }
            }
        }

        return markets;
    }
}
