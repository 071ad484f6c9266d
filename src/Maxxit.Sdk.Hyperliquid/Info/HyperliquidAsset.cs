namespace Maxxit.Sdk.Hyperliquid.Info;

/// <summary>One perpetual from <c>meta</c>: its index (used in orders), name and trading limits.</summary>
/// <param name="Index">The asset index: its position in the universe, used as <c>a</c> in orders.</param>
/// <param name="Name">The coin name, e.g. <c>ETH</c>.</param>
/// <param name="SzDecimals">Decimals allowed in sizes; prices may have at most 6 − SzDecimals decimals.</param>
/// <param name="MaxLeverage">The highest leverage allowed.</param>
/// <param name="OnlyIsolated">Whether only isolated margin is allowed.</param>
/// <param name="IsDelisted">Whether the asset is delisted (kept in the universe so indices stay stable).</param>
public sealed record HyperliquidAsset(int Index, string Name, int SzDecimals, int MaxLeverage, bool OnlyIsolated, bool IsDelisted);
