namespace Maxxit.Sdk.Hyperliquid.Streams;

/// <summary>A coin's order book (<c>l2Book</c>, from the stream or REST): up to 20 levels a side, best first.</summary>
/// <param name="Coin">The coin.</param>
/// <param name="Time">Exchange time, UTC milliseconds.</param>
/// <param name="Bids">Bids, highest first.</param>
/// <param name="Asks">Asks, lowest first.</param>
public sealed record HyperliquidBook(string Coin, long Time, IReadOnlyList<HyperliquidBookLevel> Bids, IReadOnlyList<HyperliquidBookLevel> Asks);
