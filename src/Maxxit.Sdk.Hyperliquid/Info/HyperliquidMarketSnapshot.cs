namespace Maxxit.Sdk.Hyperliquid.Info;

/// <summary>The markets as loaded at one moment, indexed by the exchange's coin name.</summary>
internal sealed class HyperliquidMarketSnapshot
{
    public HyperliquidMarketSnapshot(IReadOnlyList<HyperliquidMarket> markets, long loadedAt)
    {
        Markets = markets;
        LoadedAt = loadedAt;
        ByCoin = markets.ToDictionary(m => m.Asset.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<HyperliquidMarket> Markets { get; }

    public Dictionary<string, HyperliquidMarket> ByCoin { get; }

    /// <summary>TimeProvider timestamp of the load.</summary>
    public long LoadedAt { get; }
}
