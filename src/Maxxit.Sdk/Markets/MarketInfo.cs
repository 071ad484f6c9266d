namespace Maxxit.Sdk.Markets;

/// <summary>A market a venue lists.</summary>
public sealed record MarketInfo
{
    /// <summary>The venue.</summary>
    public required Venue Venue { get; init; }

    /// <summary>The token symbol the router matches: upper case, e.g. ETH, KPEPE, XAU, EURUSD.</summary>
    public required string Symbol { get; init; }

    /// <summary>The venue's own name for the market, e.g. <c>kPEPE</c> or <c>XAU/USD</c>.</summary>
    public required string VenueSymbol { get; init; }

    /// <summary>The venue's asset or pair index.</summary>
    public int AssetIndex { get; init; }

    /// <summary>Decimals allowed in an order size.</summary>
    public int SizeDecimals { get; init; }

    /// <summary>Maximum leverage the venue allows.</summary>
    public decimal MaxLeverage { get; init; } = 1m;

    /// <summary>Last known reference (mark or mid) price, if any.</summary>
    public decimal? ReferencePrice { get; init; }

    /// <summary>Asset class.</summary>
    public MarketCategory Category { get; init; } = MarketCategory.Crypto;
}
