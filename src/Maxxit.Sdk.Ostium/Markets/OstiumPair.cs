namespace Maxxit.Sdk.Ostium.Markets;

/// <summary>A pair listed on Ostium, with the limits the contracts enforce on it, as the subgraph reports them.</summary>
/// <param name="Index">The pair index used in contract calls.</param>
/// <param name="From">The base asset, e.g. <c>XAU</c>, <c>EUR</c>.</param>
/// <param name="To">The quote asset, e.g. <c>USD</c>.</param>
/// <param name="Group">The group name, e.g. <c>crypto</c>, <c>forex</c>, <c>commodities</c>, <c>indices</c>, <c>stocks</c>.</param>
/// <param name="MaxLeverage">
/// The maximum leverage as <c>OstiumPairsStorage.pairMaxLeverage</c> computes it: the pair's own when it sets one (non-zero),
/// else its group's.
/// </param>
/// <param name="MinLeverage">The minimum leverage: the group's <c>minLeverage</c> (<c>pairMinLeverage</c>); 0 when unknown.</param>
/// <param name="OvernightMaxLeverage">The maximum leverage while day trading is closed; 0 for none.</param>
/// <param name="MinPositionUsd">The smallest position (collateral × leverage) in USD: the fee tier's <c>minLevPos</c>; 0 when unknown.</param>
public sealed record OstiumPair(
    int Index,
    string From,
    string To,
    string Group,
    decimal MaxLeverage,
    decimal MinLeverage = 0m,
    decimal OvernightMaxLeverage = 0m,
    decimal MinPositionUsd = 0m);
