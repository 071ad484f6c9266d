using Maxxit.Sdk.Markets;

namespace Maxxit.Sdk.Ostium.Markets;

/// <summary>
/// The pairs and latest prices the adapter last read, swapped in whole so that readers (the router's market-status
/// question) never wait and never do I/O.
/// </summary>
internal sealed class OstiumMarketSnapshot
{
    private IReadOnlyDictionary<int, OstiumPair> _pairs = new Dictionary<int, OstiumPair>();
    private IReadOnlyDictionary<string, OstiumPrice> _prices = new Dictionary<string, OstiumPrice>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<int, OstiumPair> Pairs => Volatile.Read(ref _pairs);

    public void SetPairs(IEnumerable<OstiumPair> pairs) =>
        Volatile.Write(ref _pairs, pairs.GroupBy(p => p.Index).ToDictionary(g => g.Key, g => g.First()));

    public void SetPrices(IEnumerable<OstiumPrice> prices)
    {
        var map = new Dictionary<string, OstiumPrice>(StringComparer.OrdinalIgnoreCase);
        foreach (var price in prices)
        {
            map[price.From + "/" + price.To] = price;
        }

        Volatile.Write(ref _prices, map);
    }

    /// <summary>Open unless the last price read says the market is closed (unknown markets count as open; the order path checks again).</summary>
    public bool IsOpen(MarketInfo market) =>
        !Volatile.Read(ref _prices).TryGetValue(market.VenueSymbol, out var price) || price.IsMarketOpen;
}
