namespace Maxxit.Sdk.Hyperliquid;

/// <summary>Which Hyperliquid network to trade on. It decides the default URL and the signing source ("a" or "b").</summary>
public enum HyperliquidNetwork
{
    /// <summary>Mainnet: https://api.hyperliquid.xyz, phantom agent source "a", user-signed chain "Mainnet".</summary>
    Mainnet,

    /// <summary>Testnet: https://api.hyperliquid-testnet.xyz, phantom agent source "b", user-signed chain "Testnet".</summary>
    Testnet,
}
