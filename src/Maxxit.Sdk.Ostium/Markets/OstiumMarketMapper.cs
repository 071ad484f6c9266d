using Maxxit.Sdk.Markets;

namespace Maxxit.Sdk.Ostium.Markets;

/// <summary>
/// Turns Ostium pairs into catalog markets. The router matches the symbol: forex pairs by the concatenation
/// (EUR/USD → EURUSD, USD/JPY → USDJPY), every other pair by its base (ETH/USD → ETH, XAU/USD → XAU, DAX/EUR → DAX).
/// </summary>
public static class OstiumMarketMapper
{
    /// <summary>The router symbol of a pair.</summary>
    public static string SymbolOf(OstiumPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var from = pair.From.Trim().ToUpperInvariant();
        return IsForex(pair.Group) ? from + pair.To.Trim().ToUpperInvariant() : from;
    }

    /// <summary>The venue symbol of a pair, <c>FROM/TO</c> as the subgraph spells them (<see cref="MarketInfo.VenueSymbol"/>).</summary>
    public static string VenueSymbolOf(OstiumPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return $"{pair.From}/{pair.To}";
    }

    /// <summary>The asset class of a subgraph group name; null for a group this mapper does not know.</summary>
    public static MarketCategory? CategoryOf(string group) => group.Trim().ToLowerInvariant() switch
    {
        "crypto" => MarketCategory.Crypto,
        "forex" or "fx" => MarketCategory.Forex,
        "commodities" or "commodity" or "metals" or "energy" => MarketCategory.Commodity,
        "indices" or "index" => MarketCategory.Index,
        "stocks" or "stock" or "equities" => MarketCategory.Stock,
        _ => null,
    };

    /// <summary>The catalog entry of a pair, with a reference price when one is known.</summary>
    public static MarketInfo ToMarket(OstiumPair pair, decimal? referencePrice = null)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return new MarketInfo
        {
            Venue = Venue.Ostium,
            Symbol = SymbolOf(pair),
            VenueSymbol = VenueSymbolOf(pair),
            MaxLeverage = pair.MaxLeverage,
            ReferencePrice = referencePrice,
            // An unknown group gets the default class, the most volatile one, so stop distances err wide.
            Category = CategoryOf(pair.Group) ?? MarketCategory.Crypto,
        };
    }

    /// <summary>Splits a <c>BASE/QUOTE</c> venue symbol.</summary>
    public static (string From, string To) SplitVenueSymbol(string venueSymbol)
    {
        ArgumentNullException.ThrowIfNull(venueSymbol);
        var slash = venueSymbol.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < venueSymbol.Length - 1
            ? (venueSymbol[..slash], venueSymbol[(slash + 1)..])
            : throw new FormatException($"'{venueSymbol}' is not BASE/QUOTE");
    }

    private static bool IsForex(string group) => CategoryOf(group) == MarketCategory.Forex;
}
