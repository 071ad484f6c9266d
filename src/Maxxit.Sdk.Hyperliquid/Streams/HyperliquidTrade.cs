namespace Maxxit.Sdk.Hyperliquid.Streams;

/// <summary>One public trade (<c>trades</c>).</summary>
/// <param name="Coin">The coin.</param>
/// <param name="IsBuy">True when the taker bought (side <c>B</c>).</param>
/// <param name="Price">The price.</param>
/// <param name="Size">The size.</param>
/// <param name="Time">UTC milliseconds.</param>
/// <param name="Hash">The transaction hash.</param>
/// <param name="TradeId">The trade id.</param>
public sealed record HyperliquidTrade(string Coin, bool IsBuy, decimal Price, decimal Size, long Time, string Hash, long TradeId);
