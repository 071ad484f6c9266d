namespace Maxxit.Sdk.Hyperliquid.Info;

/// <summary>Live market data of one perpetual from <c>metaAndAssetCtxs</c>.</summary>
/// <param name="MarkPrice">The mark price.</param>
/// <param name="MidPrice">The order book mid, when there is a book.</param>
/// <param name="OraclePrice">The oracle price.</param>
/// <param name="DayNotionalVolume">24 h notional volume in USD.</param>
/// <param name="Funding">The current hourly funding rate.</param>
/// <param name="OpenInterest">Open interest in coins.</param>
/// <param name="PreviousDayPrice">The price 24 h ago.</param>
public sealed record HyperliquidAssetContext(
    decimal MarkPrice,
    decimal? MidPrice,
    decimal OraclePrice,
    decimal DayNotionalVolume,
    decimal Funding,
    decimal OpenInterest,
    decimal PreviousDayPrice);
