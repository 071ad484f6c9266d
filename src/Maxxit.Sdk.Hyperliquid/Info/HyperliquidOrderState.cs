namespace Maxxit.Sdk.Hyperliquid.Info;

/// <summary>An order found by <c>orderStatus</c>.</summary>
/// <param name="Coin">The coin.</param>
/// <param name="IsBuy">True for a buy (side <c>B</c>).</param>
/// <param name="LimitPrice">The limit price.</param>
/// <param name="OriginalSize">The size when placed.</param>
/// <param name="RemainingSize">The size still open.</param>
/// <param name="OrderId">The exchange order id.</param>
/// <param name="ClientOrderId">The client order id, when the order had one.</param>
/// <param name="Status">The exchange's status word: open, filled, canceled, triggered, rejected, marginCanceled, …</param>
/// <param name="StatusTimestamp">When the status was reached, UTC milliseconds.</param>
/// <param name="Timestamp">When the order was placed, UTC milliseconds.</param>
public sealed record HyperliquidOrderState(
    string Coin,
    bool IsBuy,
    decimal LimitPrice,
    decimal OriginalSize,
    decimal RemainingSize,
    long OrderId,
    string? ClientOrderId,
    string Status,
    long StatusTimestamp,
    long Timestamp)
{
    /// <summary>The size filled so far.</summary>
    public decimal FilledSize => OriginalSize - RemainingSize;
}
