namespace Maxxit.Sdk.Hyperliquid.Streams;

/// <summary>A coin's best bid and offer (<c>bbo</c>); sent only when one of them changes.</summary>
/// <param name="Coin">The coin.</param>
/// <param name="Time">Exchange time, UTC milliseconds.</param>
/// <param name="Bid">The best bid, or null when the side is empty.</param>
/// <param name="Ask">The best ask, or null when the side is empty.</param>
public sealed record HyperliquidBbo(string Coin, long Time, HyperliquidBookLevel? Bid, HyperliquidBookLevel? Ask);
