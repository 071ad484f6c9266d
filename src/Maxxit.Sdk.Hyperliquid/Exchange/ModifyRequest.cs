namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>One order to replace in a <c>modify</c> or <c>batchModify</c>: which order, and the order it becomes.</summary>
/// <param name="Order">The existing order.</param>
/// <param name="Replacement">The new price, size, type and flags (same asset).</param>
public sealed record ModifyRequest(HyperliquidOrderRef Order, HyperliquidOrder Replacement);
