using System.Globalization;
using Maxxit.Sdk.Markets;

namespace Maxxit.Sdk.Venues.Paper;

/// <summary>
/// The market lists the paper venues offer: real Hyperliquid perp names (with asset index, size decimals, max leverage)
/// and real Ostium pairs (crypto, forex, commodities, indices, stocks), each with a reference price. Bundled, so that
/// everything runs offline.
/// </summary>
public static class PaperMarketData
{
    private static readonly Lazy<IReadOnlyList<MarketInfo>> HyperliquidMarkets = new(LoadHyperliquid);
    private static readonly Lazy<IReadOnlyList<MarketInfo>> OstiumMarkets = new(LoadOstium);

    private static readonly Lazy<IReadOnlyDictionary<(Venue, string), decimal>> ReferencePrices = new(() =>
        HyperliquidMarkets.Value.Concat(OstiumMarkets.Value)
            .Where(m => m.ReferencePrice is not null)
            .GroupBy(m => (m.Venue, m.Symbol))
            .ToDictionary(g => g.Key, g => g.First().ReferencePrice!.Value));

    /// <summary>The bundled reference price of a market, or null when the venue does not list it.</summary>
    internal static decimal? ReferencePrice(Venue venue, string symbol) =>
        ReferencePrices.Value.TryGetValue((venue, symbol), out var price) ? price : null;

    /// <summary>The bundled markets of a venue (empty for venues without bundled data).</summary>
    public static IReadOnlyList<MarketInfo> For(Venue venue) =>
        venue == Venue.Hyperliquid ? HyperliquidMarkets.Value
        : venue == Venue.Ostium ? OstiumMarkets.Value
        : [];

    private static IReadOnlyList<MarketInfo> LoadHyperliquid() =>
        ReadRows("hyperliquid-perps").Select(f => new MarketInfo
        {
            Venue = Venue.Hyperliquid,
            Symbol = f[0].ToUpperInvariant(),
            VenueSymbol = f[0],
            AssetIndex = int.Parse(f[1], CultureInfo.InvariantCulture),
            SizeDecimals = int.Parse(f[2], CultureInfo.InvariantCulture),
            MaxLeverage = decimal.Parse(f[3], CultureInfo.InvariantCulture),
            ReferencePrice = decimal.Parse(f[4], CultureInfo.InvariantCulture),
        }).ToList();

    private static IReadOnlyList<MarketInfo> LoadOstium() =>
        ReadRows("ostium-pairs").Select(f => new MarketInfo
        {
            Venue = Venue.Ostium,
            AssetIndex = int.Parse(f[0], CultureInfo.InvariantCulture),
            Symbol = f[1].ToUpperInvariant(),
            VenueSymbol = $"{f[2]}/{f[3]}",
            Category = f[4],
            MaxLeverage = decimal.Parse(f[5], CultureInfo.InvariantCulture),
            ReferencePrice = decimal.Parse(f[6], CultureInfo.InvariantCulture),
            SizeDecimals = 6,
        }).ToList();

    private static IEnumerable<string[]> ReadRows(string name)
    {
        using var stream = typeof(PaperMarketData).Assembly.GetManifestResourceStream($"Maxxit.Sdk.Paper.{name}.csv")
            ?? throw new InvalidOperationException($"bundled market data '{name}' is missing from the assembly");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                rows.Add(line.Split(','));
            }
        }

        return rows;
    }
}
