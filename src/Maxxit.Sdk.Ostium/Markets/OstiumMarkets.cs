using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Ostium.Contracts;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Logging;

namespace Maxxit.Sdk.Ostium.Markets;

/// <summary>
/// The market side of <see cref="OstiumVenue"/>: pairs from the subgraph, prices from the feed, and the snapshot of both
/// that answers the router (market status, leverage rule) from memory. It holds each catalog market's own Ostium data
/// (<see cref="OstiumPair"/>), found by the market's venue symbol.
/// </summary>
internal sealed class OstiumMarkets
{
    private readonly OstiumSubgraphClient _subgraph;
    private readonly OstiumPriceFeedClient _prices;
    private readonly ILogger _logger;
    private readonly OstiumMarketSnapshot _snapshot = new();

    public OstiumMarkets(OstiumSubgraphClient subgraph, OstiumPriceFeedClient prices, ILogger logger)
    {
        _subgraph = subgraph;
        _prices = prices;
        _logger = logger;
    }

    /// <summary>Pairs from the subgraph, with reference prices from the price feed when it answers.</summary>
    public async ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken)
    {
        var pairs = await _subgraph.GetPairsAsync(cancellationToken).ConfigureAwait(false);
        _snapshot.SetPairs(pairs);
        Dictionary<(string, string), decimal> mids = [];
        try
        {
            var prices = await _prices.GetLatestPricesAsync(cancellationToken).ConfigureAwait(false);
            _snapshot.SetPrices(prices);
            foreach (var price in prices)
            {
                mids[(price.From.ToUpperInvariant(), price.To.ToUpperInvariant())] = price.Mid;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Markets without reference prices still route; the order path reads a fresh price anyway.
            _logger.LogWarning(ex, "Ostium price feed unavailable while listing markets");
        }

        return pairs
            .Select(p => OstiumMarketMapper.ToMarket(p, mids.TryGetValue((p.From.ToUpperInvariant(), p.To.ToUpperInvariant()), out var mid) ? mid : null))
            .ToList();
    }

    /// <summary>Open unless the prices last read say the market is closed; no I/O.</summary>
    public bool IsOpen(MarketInfo market) => _snapshot.IsOpen(market);

    /// <summary>
    /// Ostium's leverage rule for a market, from the pairs and prices last read (no I/O): two decimals, and while day
    /// trading is closed at most the pair's overnight maximum (the oracle would cancel anything above it).
    /// </summary>
    /// <param name="market">The market.</param>
    public VenueLeverageRule LeverageRuleOf(MarketInfo market)
    {
        decimal? overnight = _snapshot.PriceOf(market.VenueSymbol) is { IsDayTradingClosed: true }
            && _snapshot.PairsBySymbol.TryGetValue(market.VenueSymbol, out var pair) && pair.OvernightMaxLeverage > 0m
            ? pair.OvernightMaxLeverage
            : null;
        return new VenueLeverageRule(overnight, OstiumUnits.LeverageStep);
    }

    /// <summary>The current price of a market from Ostium's price feed, with bid, ask and whether the market is open.</summary>
    public async Task<OstiumPrice> QuoteAsync(MarketInfo market, CancellationToken cancellationToken)
    {
        var (from, to) = OstiumMarketMapper.SplitVenueSymbol(market.VenueSymbol);
        return await PriceAsync(from, to, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The mid price of a market from Ostium's price feed; null when the feed has none for it.</summary>
    public async ValueTask<decimal?> GetPriceAsync(MarketInfo market, CancellationToken cancellationToken)
    {
        var (from, to) = OstiumMarketMapper.SplitVenueSymbol(market.VenueSymbol);
        var prices = await _prices.GetLatestPricesAsync(cancellationToken).ConfigureAwait(false);
        _snapshot.SetPrices(prices);
        var price = prices.FirstOrDefault(p => string.Equals(p.From, from, StringComparison.OrdinalIgnoreCase) && string.Equals(p.To, to, StringComparison.OrdinalIgnoreCase));
        return price is { Mid: > 0m } ? price.Mid : null;
    }

    /// <summary>The trader's open trades, from the subgraph.</summary>
    public Task<IReadOnlyList<OstiumOpenTrade>> GetOpenTradesAsync(string traderWallet, CancellationToken cancellationToken) =>
        _subgraph.GetOpenTradesAsync(OstiumAgentKeys.ParseAddress(traderWallet, "user_wallet"), cancellationToken);

    public async Task<OstiumPrice> PriceAsync(string from, string to, CancellationToken cancellationToken)
    {
        var prices = await _prices.GetLatestPricesAsync(cancellationToken).ConfigureAwait(false);
        _snapshot.SetPrices(prices);
        return prices.FirstOrDefault(p => string.Equals(p.From, from, StringComparison.OrdinalIgnoreCase) && string.Equals(p.To, to, StringComparison.OrdinalIgnoreCase))
            ?? throw new VenueException(Venue.Ostium, $"the price feed has no price for {from}/{to}");
    }

    public async Task<IReadOnlyDictionary<int, OstiumPair>> PairsAsync(IEnumerable<int> needed, CancellationToken cancellationToken)
    {
        var pairs = _snapshot.Pairs;
        if (needed.Any(i => !pairs.ContainsKey(i)))
        {
            _snapshot.SetPairs(await _subgraph.GetPairsAsync(cancellationToken).ConfigureAwait(false));
            pairs = _snapshot.Pairs;
        }

        return pairs;
    }

    /// <summary>The pair behind a catalog market, by its venue symbol; the subgraph is read again when it is not known yet.</summary>
    public async Task<OstiumPair> PairOfAsync(MarketInfo market, CancellationToken cancellationToken)
    {
        if (!_snapshot.PairsBySymbol.TryGetValue(market.VenueSymbol, out var pair))
        {
            _snapshot.SetPairs(await _subgraph.GetPairsAsync(cancellationToken).ConfigureAwait(false));
            if (!_snapshot.PairsBySymbol.TryGetValue(market.VenueSymbol, out pair))
            {
                throw new VenueException(Venue.Ostium, $"pair {market.VenueSymbol} is not listed by the subgraph");
            }
        }

        return pair;
    }
}
