namespace Maxxit.Sdk.Hyperliquid.Info;

/// <summary>One candle from <c>candleSnapshot</c>.</summary>
/// <param name="Coin">The coin (<c>s</c>).</param>
/// <param name="Interval">The interval, e.g. <c>1m</c>, <c>1h</c> (<c>i</c>).</param>
/// <param name="OpenTime">Start, UTC milliseconds (<c>t</c>).</param>
/// <param name="CloseTime">End, UTC milliseconds (<c>T</c>).</param>
/// <param name="Open">Open price.</param>
/// <param name="High">High price.</param>
/// <param name="Low">Low price.</param>
/// <param name="Close">Close price.</param>
/// <param name="Volume">Base volume (<c>v</c>).</param>
/// <param name="Trades">Number of trades (<c>n</c>).</param>
public sealed record HyperliquidCandle(
    string Coin, string Interval, long OpenTime, long CloseTime, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, long Trades);
