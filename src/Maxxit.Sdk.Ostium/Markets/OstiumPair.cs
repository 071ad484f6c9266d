namespace Maxxit.Sdk.Ostium.Markets;

/// <summary>A pair listed on Ostium, as the subgraph reports it.</summary>
/// <param name="Index">The pair index used in contract calls.</param>
/// <param name="From">The base asset, e.g. <c>XAU</c>, <c>EUR</c>.</param>
/// <param name="To">The quote asset, e.g. <c>USD</c>.</param>
/// <param name="Group">The group name, e.g. <c>crypto</c>, <c>forex</c>, <c>commodities</c>, <c>indices</c>, <c>stocks</c>.</param>
/// <param name="MaxLeverage">The maximum leverage (the group's when it sets one, else the pair's).</param>
public sealed record OstiumPair(int Index, string From, string To, string Group, decimal MaxLeverage);
