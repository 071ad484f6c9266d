namespace Maxxit.Sdk.Ostium.Markets;

/// <summary>An open trade of a trader, as the subgraph reports it (for position monitoring and reconciliation).</summary>
/// <param name="TradeId">The subgraph's trade id.</param>
/// <param name="PairIndex">The pair.</param>
/// <param name="Index">The trader's slot on the pair (the <c>index</c> of <c>closeTradeMarket</c>).</param>
/// <param name="Buy">True for long.</param>
/// <param name="CollateralUsd">Collateral, USD.</param>
/// <param name="Leverage">Leverage.</param>
/// <param name="OpenPrice">Entry price.</param>
public sealed record OstiumOpenTrade(string TradeId, int PairIndex, int Index, bool Buy, decimal CollateralUsd, decimal Leverage, decimal OpenPrice);
