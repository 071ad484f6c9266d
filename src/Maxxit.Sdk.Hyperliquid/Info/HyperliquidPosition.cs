namespace Maxxit.Sdk.Hyperliquid.Info;

/// <summary>One open position from <c>clearinghouseState</c>.</summary>
/// <param name="Coin">The coin.</param>
/// <param name="Size">The signed size (<c>szi</c>): positive long, negative short.</param>
/// <param name="EntryPrice">The average entry price.</param>
/// <param name="PositionValue">The position's notional value in USD.</param>
/// <param name="UnrealizedPnl">Unrealized PnL in USD.</param>
/// <param name="ReturnOnEquity">Unrealized return on the margin used.</param>
/// <param name="LiquidationPrice">The liquidation price, when there is one.</param>
/// <param name="MarginUsed">Margin used in USD.</param>
/// <param name="Leverage">The leverage.</param>
/// <param name="IsCross">Cross (true) or isolated (false) margin.</param>
public sealed record HyperliquidPosition(
    string Coin,
    decimal Size,
    decimal? EntryPrice,
    decimal PositionValue,
    decimal UnrealizedPnl,
    decimal ReturnOnEquity,
    decimal? LiquidationPrice,
    decimal MarginUsed,
    int Leverage,
    bool IsCross)
{
    /// <summary>Whether the position is long.</summary>
    public bool IsLong => Size > 0m;
}
