using System.Collections.Concurrent;
using Maxxit.Sdk;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Venues;

namespace Maxxit.Sample.Api.Dashboard;

/// <summary>
/// Current prices for the open-positions table: the position monitor's last price when it runs in this host, else the
/// venue's quote (asked at most once per market every <see cref="MaxAge"/>, so that many open dashboards do not
/// multiply venue calls), else the market list's reference price.
/// </summary>
public sealed class PriceQuotes
{
    /// <summary>How long a venue quote is reused.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly IMarketCatalog _catalog;
    private readonly VenueAdapterRegistry _adapters;
    private readonly PositionPriceBook? _book;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(Venue, string), (decimal? Price, long At)> _quotes = new();

    /// <summary>Creates the price source.</summary>
    public PriceQuotes(IMarketCatalog catalog, VenueAdapterRegistry adapters, TimeProvider time, PositionPriceBook? book = null)
    {
        _catalog = catalog;
        _adapters = adapters;
        _time = time;
        _book = book;
    }

    /// <summary>The current price of a market, or null when nothing knows one.</summary>
    public async ValueTask<decimal?> GetAsync(Venue venue, string symbol, CancellationToken cancellationToken)
    {
        if (_book?.TryGet(venue, symbol) is { } seen)
        {
            return seen;
        }

        if (!_catalog.TryGet(venue, symbol, out var market))
        {
            return null;
        }

        if (_quotes.TryGetValue((venue, symbol), out var cached) && _time.GetElapsedTime(cached.At) < MaxAge)
        {
            return cached.Price ?? market.ReferencePrice;
        }

        decimal? price = null;
        if (_adapters.TryGet(venue, out var adapter) && adapter is IPositionVenue positions)
        {
            try
            {
                price = await positions.GetPriceAsync(market, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A venue that cannot quote now leaves the reference price (or none); the page says "no price".
                price = null;
            }
        }

        _quotes[(venue, symbol)] = (price, _time.GetTimestamp());
        return price ?? market.ReferencePrice;
    }
}
