using System.Globalization;
using Maxxit.Sdk.Markets;

namespace Maxxit.Sdk.Venues.Paper;

/// <summary>
/// The market lists the paper venues offer: real Hyperliquid perp names (with size decimals and max leverage)
/// and real Ostium pairs (crypto, forex, commodities, indices, stocks), each with a reference price. Bundled, so that
/// everything runs offline.
/// </summary>
public static class PaperMarketData
{
    /// <summary>Size decimals of a market the bundled data does not list.</summary>
    internal const int DefaultSizeDecimals = 6;

    private static readonly Lazy<IReadOnlyList<PaperMarket>> HyperliquidPaper = new(LoadHyperliquid);
    private static readonly Lazy<IReadOnlyList<PaperMarket>> OstiumPaper = new(LoadOstium);
    private static readonly Lazy<IReadOnlyList<MarketInfo>> HyperliquidMarkets = new(() => HyperliquidPaper.Value.Select(m => m.Info).ToList());
    private static readonly Lazy<IReadOnlyList<MarketInfo>> OstiumMarkets = new(() => OstiumPaper.Value.Select(m => m.Info).ToList());

    private static readonly Lazy<IReadOnlyDictionary<(Venue, string), int>> SizeDecimalsByMarket = new(() =>
        HyperliquidPaper.Value.Concat(OstiumPaper.Value)
            .GroupBy(m => (m.Info.Venue, m.Info.Symbol))
            .ToDictionary(g => g.Key, g => g.First().SizeDecimals));

    private static readonly Lazy<IReadOnlyDictionary<(Venue, string), decimal>> ReferencePrices = new(() =>
        HyperliquidMarkets.Value.Concat(OstiumMarkets.Value)
            .Where(m => m.ReferencePrice is not null)
            .GroupBy(m => (m.Venue, m.Symbol))
            .ToDictionary(g => g.Key, g => g.First().ReferencePrice!.Value));

    /// <summary>The bundled reference price of a market, or null when the venue does not list it.</summary>
    internal static decimal? ReferencePrice(Venue venue, string symbol) =>
        ReferencePrices.Value.TryGetValue((venue, symbol), out var price) ? price : null;

    /// <summary>
    /// Decimals the paper venue allows in an order size for a market: the bundled ones (Hyperliquid's szDecimals, 6 on
    /// Ostium), else <see cref="DefaultSizeDecimals"/>.
    /// </summary>
    internal static int SizeDecimals(Venue venue, string symbol) =>
        SizeDecimalsByMarket.Value.TryGetValue((venue, symbol), out var decimals) ? decimals : DefaultSizeDecimals;

    /// <summary>The bundled markets of a venue (empty for venues without bundled data).</summary>
    public static IReadOnlyList<MarketInfo> For(Venue venue) =>
        venue == Venue.Hyperliquid ? HyperliquidMarkets.Value
        : venue == Venue.Ostium ? OstiumMarkets.Value
        : [];

    // Columns: name, asset index (unused offline), size decimals, max leverage, reference price.
    private static IReadOnlyList<PaperMarket> LoadHyperliquid() =>
        ReadRows("hyperliquid-perps").Select(f => new PaperMarket(
            new MarketInfo
            {
                Venue = Venue.Hyperliquid,
                Symbol = f[0].ToUpperInvariant(),
                VenueSymbol = f[0],
                MaxLeverage = decimal.Parse(f[3], CultureInfo.InvariantCulture),
                ReferencePrice = decimal.Parse(f[4], CultureInfo.InvariantCulture),
            },
            int.Parse(f[2], CultureInfo.InvariantCulture))).ToList();

    // Columns: pair index (unused offline), symbol, from, to, category, max leverage, reference price.
    private static IReadOnlyList<PaperMarket> LoadOstium() =>
        ReadRows("ostium-pairs").Select(f => new PaperMarket(
            new MarketInfo
            {
                Venue = Venue.Ostium,
                Symbol = f[1].ToUpperInvariant(),
                VenueSymbol = $"{f[2]}/{f[3]}",
                Category = Enum.Parse<MarketCategory>(f[4], ignoreCase: true),
                MaxLeverage = decimal.Parse(f[5], CultureInfo.InvariantCulture),
                ReferencePrice = decimal.Parse(f[6], CultureInfo.InvariantCulture),
            },
            6)).ToList();

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
