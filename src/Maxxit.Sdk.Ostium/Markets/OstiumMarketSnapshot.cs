using Maxxit.Sdk.Markets;

namespace Maxxit.Sdk.Ostium.Markets;

/// <summary>
/// The pairs and latest prices the adapter last read, swapped in whole so that readers (the router's market-status
/// question) never wait and never do I/O.
/// </summary>
internal sealed class OstiumMarketSnapshot
{
    private IReadOnlyDictionary<int, OstiumPair> _pairs = new Dictionary<int, OstiumPair>();
    private IReadOnlyDictionary<string, OstiumPair> _pairsBySymbol = new Dictionary<string, OstiumPair>(StringComparer.OrdinalIgnoreCase);
    private IReadOnlyDictionary<string, OstiumPrice> _prices = new Dictionary<string, OstiumPrice>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<int, OstiumPair> Pairs => Volatile.Read(ref _pairs);

    /// <summary>The pairs by venue symbol (<c>FROM/TO</c>, any case): the catalog market's own Ostium data.</summary>
    public IReadOnlyDictionary<string, OstiumPair> PairsBySymbol => Volatile.Read(ref _pairsBySymbol);

    public void SetPairs(IEnumerable<OstiumPair> pairs)
    {
        var byIndex = pairs.GroupBy(p => p.Index).ToDictionary(g => g.Key, g => g.First());
        var bySymbol = new Dictionary<string, OstiumPair>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in byIndex.Values)
        {
            bySymbol.TryAdd(OstiumMarketMapper.VenueSymbolOf(pair), pair);
        }

        // Readers may see the new index map before the symbol map; both only ever grow stale, never wrong.
        Volatile.Write(ref _pairs, byIndex);
        Volatile.Write(ref _pairsBySymbol, bySymbol);
    }

    public void SetPrices(IEnumerable<OstiumPrice> prices)
    {
        var map = new Dictionary<string, OstiumPrice>(StringComparer.OrdinalIgnoreCase);
        foreach (var price in prices)
        {
            map[price.From + "/" + price.To] = price;
        }

        Volatile.Write(ref _prices, map);
    }

    /// <summary>The last price read for a venue symbol, if any.</summary>
    public OstiumPrice? PriceOf(string venueSymbol) =>
        Volatile.Read(ref _prices).TryGetValue(venueSymbol, out var price) ? price : null;

    /// <summary>Open unless the last price read says the market is closed (unknown markets count as open; the order path checks again).</summary>
    public bool IsOpen(MarketInfo market) =>
        !Volatile.Read(ref _prices).TryGetValue(market.VenueSymbol, out var price) || price.IsMarketOpen;
}
