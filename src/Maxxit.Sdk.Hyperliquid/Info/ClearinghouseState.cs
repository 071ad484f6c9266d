namespace Maxxit.Sdk.Hyperliquid.Info;

/// <summary>A perp account's state from <c>clearinghouseState</c>.</summary>
/// <param name="AccountValue">Account value in USD (collateral plus unrealized PnL), from the margin summary.</param>
/// <param name="TotalMarginUsed">Margin in use in USD.</param>
/// <param name="TotalNotionalPosition">Total notional of open positions in USD.</param>
/// <param name="Withdrawable">USD that can be withdrawn now.</param>
/// <param name="Positions">Open positions.</param>
/// <param name="Time">Server time of the snapshot, in UTC milliseconds, when given.</param>
public sealed record ClearinghouseState(
    decimal AccountValue,
    decimal TotalMarginUsed,
    decimal TotalNotionalPosition,
    decimal Withdrawable,
    IReadOnlyList<HyperliquidPosition> Positions,
    long? Time);
