namespace Maxxit.Sdk.Markets;

/// <summary>
/// A market a venue lists, in venue-neutral terms. Venue-specific data (Hyperliquid's asset index and size decimals,
/// Ostium's pair index and limits) stays in the adapter's own market type, found by <see cref="VenueSymbol"/>.
/// </summary>
public sealed record MarketInfo
{
    /// <summary>The venue.</summary>
    public required Venue Venue { get; init; }

    /// <summary>The token symbol the router matches: upper case, e.g. ETH, KPEPE, XAU, EURUSD.</summary>
    public required string Symbol { get; init; }

    /// <summary>The venue's own name for the market, e.g. <c>kPEPE</c> or <c>XAU/USD</c>.</summary>
    public required string VenueSymbol { get; init; }

    /// <summary>Maximum leverage the venue allows.</summary>
    public decimal MaxLeverage { get; init; } = 1m;

    /// <summary>Last known reference (mark or mid) price, if any.</summary>
    public decimal? ReferencePrice { get; init; }

    /// <summary>Asset class.</summary>
    public MarketCategory Category { get; init; } = MarketCategory.Crypto;
}
