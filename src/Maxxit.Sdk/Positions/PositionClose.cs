namespace Maxxit.Sdk.Positions;

/// <summary>How a position closed.</summary>
/// <param name="ExitPrice">Average exit price.</param>
/// <param name="Pnl">Realized PnL in USD, net of fees.</param>
/// <param name="FeesUsd">Total fees (open and close) in USD.</param>
/// <param name="Reason">Why it closed.</param>
/// <param name="ClosedAt">When.</param>
public sealed record PositionClose(decimal ExitPrice, decimal Pnl, decimal FeesUsd, CloseReason Reason, DateTimeOffset ClosedAt);
