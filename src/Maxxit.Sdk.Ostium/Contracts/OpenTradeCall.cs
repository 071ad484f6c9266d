namespace Maxxit.Sdk.Ostium.Contracts;

/// <summary>The decoded arguments of one <c>openTrade</c> call.</summary>
/// <param name="Trade">The trade tuple.</param>
/// <param name="BuilderFee">The builder fee tuple.</param>
/// <param name="OrderType">Market, limit or stop.</param>
/// <param name="Slippage">Allowed slippage in percent with 2 decimals (200 = 2 %).</param>
public sealed record OpenTradeCall(OstiumTrade Trade, OstiumBuilderFee BuilderFee, OstiumOrderType OrderType, uint Slippage);
