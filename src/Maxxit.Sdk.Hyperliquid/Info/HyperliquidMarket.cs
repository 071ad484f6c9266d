namespace Maxxit.Sdk.Hyperliquid.Info;

/// <summary>A perpetual with its live context.</summary>
/// <param name="Asset">Static data from <c>meta</c>.</param>
/// <param name="Context">Live data from <c>metaAndAssetCtxs</c>.</param>
public sealed record HyperliquidMarket(HyperliquidAsset Asset, HyperliquidAssetContext Context);
