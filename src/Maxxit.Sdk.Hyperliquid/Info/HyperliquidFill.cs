namespace Maxxit.Sdk.Hyperliquid.Info;

/// <summary>One fill from <c>userFills</c>.</summary>
/// <param name="Coin">The coin.</param>
/// <param name="Price">The fill price.</param>
/// <param name="Size">The filled size.</param>
/// <param name="IsBuy">True for a buy.</param>
/// <param name="Time">UTC milliseconds.</param>
/// <param name="OrderId">The order it belongs to.</param>
/// <param name="Fee">The fee paid.</param>
/// <param name="ClosedPnl">Realized PnL of the fill.</param>
/// <param name="ClientOrderId">The order's client order id, when it had one.</param>
public sealed record HyperliquidFill(
    string Coin,
    decimal Price,
    decimal Size,
    bool IsBuy,
    long Time,
    long OrderId,
    decimal Fee,
    decimal ClosedPnl,
    string? ClientOrderId);
