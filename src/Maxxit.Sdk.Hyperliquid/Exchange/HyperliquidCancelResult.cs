namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>The exchange's answer for one cancel.</summary>
/// <param name="Succeeded">Whether the order was cancelled.</param>
/// <param name="Error">The exchange's error text when not, e.g. "Order was never placed, already canceled, or filled."</param>
public sealed record HyperliquidCancelResult(bool Succeeded, string? Error);
