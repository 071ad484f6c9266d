namespace Maxxit.Sdk.Ostium;

/// <summary>
/// The contracts and endpoints of one Ostium deployment. Presets: <see cref="ArbitrumOne"/>, <see cref="ArbitrumSepolia"/>;
/// for another (a fork, a private deployment) create one and pass it to <see cref="OstiumOptions.UseNetwork"/>.
/// </summary>
/// <param name="Name">A short name for logs, e.g. <c>arbitrum-one</c>.</param>
/// <param name="ChainId">The EIP-155 chain id transactions are signed for.</param>
/// <param name="TradingAddress">The Trading contract (openTrade, closeTradeMarket, delegatedAction).</param>
/// <param name="TradingStorageAddress">The TradingStorage contract: the USDC spender that collateral is approved to.</param>
/// <param name="UsdcAddress">The USDC token used as collateral (6 decimals).</param>
/// <param name="SubgraphUrl">The GraphQL endpoint listing pairs and trades.</param>
/// <param name="PriceFeedUrl">The price feed's latest-prices endpoint; null for <see cref="OstiumOptions.DefaultPriceFeedUrl"/>.</param>
/// <param name="TradingCallbacksAddress">The Trading Callbacks contract; null to read it from Trading's registry.</param>
public sealed record OstiumNetwork(
    string Name,
    ulong ChainId,
    string TradingAddress,
    string TradingStorageAddress,
    string UsdcAddress,
    Uri SubgraphUrl,
    Uri? PriceFeedUrl = null,
    string? TradingCallbacksAddress = null)
{
    // Addresses and URLs as published in the official SDK's network config (0xOstium/ostium-python-sdk, config.py).

    /// <summary>Ostium on Arbitrum One (chain id 42161).</summary>
    public static OstiumNetwork ArbitrumOne { get; } = new(
        "arbitrum-one",
        42161,
        "0x6D0bA1f9996DBD8885827e1b2e8f6593e7702411",
        "0xcCd5891083A8acD2074690F65d3024E7D13d66E7",
        "0xaf88d065e77c8cC2239327C5EDb3A432268e5831",
        new Uri("https://subgraph.satsuma-prod.com/391a61815d32/ostium/ost-prod/api"));

    /// <summary>Ostium's testnet on Arbitrum Sepolia (chain id 421614).</summary>
    public static OstiumNetwork ArbitrumSepolia { get; } = new(
        "arbitrum-sepolia",
        421614,
        "0x2A9B9c988393f46a2537B0ff11E98c2C15a95afe",
        "0x0b9F5243B29938668c9Cfbd7557A389EC7Ef88b8",
        "0xe73B11Fb1e3eeEe8AF2a23079A4410Fe1B370548",
        new Uri("https://subgraph.satsuma-prod.com/391a61815d32/ostium/ost-sep-final/api"));
}
