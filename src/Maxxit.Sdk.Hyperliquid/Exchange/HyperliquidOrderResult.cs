namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>The exchange's answer for one order of an order action.</summary>
/// <param name="Kind">Resting, filled, error or pending.</param>
/// <param name="OrderId">The exchange order id (oid), when the order was accepted.</param>
/// <param name="FilledSize">The filled size (<c>totalSz</c>); zero unless filled.</param>
/// <param name="AveragePrice">The average fill price (<c>avgPx</c>), when filled.</param>
/// <param name="Error">The exchange's error text, when refused.</param>
/// <param name="ClientOrderId">The client order id the exchange echoed, if any.</param>
public sealed record HyperliquidOrderResult(
    HyperliquidOrderResultKind Kind,
    long? OrderId,
    decimal FilledSize,
    decimal? AveragePrice,
    string? Error,
    string? ClientOrderId);
