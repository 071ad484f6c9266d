namespace Maxxit.Sdk.Ostium;

/// <summary>
/// Options of <c>AddOstium()</c>. Contract addresses and the subgraph default to Arbitrum One; call
/// <see cref="UseNetwork"/> for another preset. <see cref="RpcUrl"/> is always required. Validated at start.
/// </summary>
public sealed class OstiumOptions
{
    /// <summary>The latest-prices endpoint of Ostium's price feed.</summary>
    public static readonly Uri DefaultPriceFeedUrl = new("https://metadata-backend.ostium.io/PricePublish/latest-prices");

    /// <summary>Creates options preset for Arbitrum One.</summary>
    public OstiumOptions() => UseNetwork(OstiumNetwork.ArbitrumOne);

    /// <summary>The Arbitrum JSON-RPC endpoint (http or https). Required.</summary>
    public Uri? RpcUrl { get; set; }

    /// <summary>The chain id transactions are signed for; the node must report the same.</summary>
    public ulong ChainId { get; set; }

    /// <summary>The Trading contract address.</summary>
    public string TradingAddress { get; set; } = "";

    /// <summary>The TradingStorage contract address (spender of the USDC allowance).</summary>
    public string TradingStorageAddress { get; set; } = "";

    /// <summary>The USDC token address.</summary>
    public string UsdcAddress { get; set; } = "";

    /// <summary>The subgraph (GraphQL) endpoint listing pairs and open trades.</summary>
    public Uri? SubgraphUrl { get; set; }

    /// <summary>
    /// The Trading Callbacks contract, whose events say whether the oracle executed or cancelled an order; null (default)
    /// reads it from Trading's registry (<c>callbacks</c>) once.
    /// </summary>
    public string? TradingCallbacksAddress { get; set; }

    /// <summary>
    /// How many blocks back to search for an order's events when its own block is unknown (default 2,000,000, about
    /// six days of Arbitrum blocks; at least 1000).
    /// </summary>
    public ulong LogLookbackBlocks { get; set; } = 2_000_000;

    /// <summary>How often the timeout service sends the timeout calls of orders the oracle never answered (default 30 seconds).</summary>
    public TimeSpan TimeoutSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The price feed's latest-prices endpoint.</summary>
    public Uri? PriceFeedUrl { get; set; } = DefaultPriceFeedUrl;

    /// <summary>
    /// Allowed slippage of market orders as a fraction, like <c>HyperliquidOptions.Slippage</c> (default 0.02 = 2 %;
    /// 0.0001 to 0.5). Sent in percent with 2 decimals.
    /// </summary>
    public decimal Slippage { get; set; } = 0.02m;

    /// <summary>Allowed slippage in percent; the same setting as <see cref="Slippage"/> × 100.</summary>
    [Obsolete("Use Slippage (a fraction, as on every venue): SlippagePercent = 2 is Slippage = 0.02. See docs/changelog.md.", DiagnosticId = "MAXXIT0001")]
    public decimal SlippagePercent
    {
        get => Slippage * 100m;
        set => Slippage = value / 100m;
    }

    /// <summary>Builder that receives <see cref="BuilderFeePercent"/>; null for none.</summary>
    public string? BuilderAddress { get; set; }

    /// <summary>Builder fee in percent of the position (0 to 0.5; default 0). Sent with 6 decimals.</summary>
    public decimal BuilderFeePercent { get; set; }

    /// <summary>
    /// Send the signal's fixed stop-loss and take-profit levels as the trade's native sl/tp (default false: the SDK's
    /// position monitor enforces them, and a trailing stop is never native).
    /// </summary>
    public bool PlaceNativeStopLossAndTakeProfit { get; set; }

    /// <summary>
    /// How long to wait for a transaction's receipt before reporting its outcome unknown (default 60 seconds; Arbitrum
    /// makes blocks every quarter second). Keep it below the core's signal lease.
    /// </summary>
    public TimeSpan ReceiptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often to poll for a receipt (default 1 second).</summary>
    public TimeSpan ReceiptPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gas limit as a multiple of the node's estimate (default 1.2; 1 to 3).</summary>
    public decimal GasLimitMultiplier { get; set; } = 1.2m;

    /// <summary>Fee cap as a multiple of the latest base fee, plus the tip (default 2; 1 to 10).</summary>
    public decimal BaseFeeMultiplier { get; set; } = 2m;

    /// <summary>
    /// Retries of requests that are safe to repeat (eth_call, receipts, subgraph, prices) on transport errors (default 3;
    /// 0 to 10), named as on every venue. Sends are never retried.
    /// </summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First retry delay, doubled each time (default 200 ms), named as on every venue.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The same setting as <see cref="MaxRetryAttempts"/>.</summary>
    [Obsolete("Use MaxRetryAttempts, the name every venue uses. See docs/changelog.md.", DiagnosticId = "MAXXIT0001")]
    public int ReadRetryCount
    {
        get => MaxRetryAttempts;
        set => MaxRetryAttempts = value;
    }

    /// <summary>The same setting as <see cref="RetryBaseDelay"/>.</summary>
    [Obsolete("Use RetryBaseDelay, the name every venue uses. See docs/changelog.md.", DiagnosticId = "MAXXIT0001")]
    public TimeSpan ReadRetryDelay
    {
        get => RetryBaseDelay;
        set => RetryBaseDelay = value;
    }

    /// <summary>Timeout of one HTTP request (default 15 seconds).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Copies a network's chain id, contract addresses, subgraph and price feed URLs into these options.</summary>
    /// <returns>These options, for chaining.</returns>
    public OstiumOptions UseNetwork(OstiumNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        ChainId = network.ChainId;
        TradingAddress = network.TradingAddress;
        TradingStorageAddress = network.TradingStorageAddress;
        UsdcAddress = network.UsdcAddress;
        SubgraphUrl = network.SubgraphUrl;
        PriceFeedUrl = network.PriceFeedUrl ?? DefaultPriceFeedUrl;
        TradingCallbacksAddress = network.TradingCallbacksAddress;
        return this;
    }
}
