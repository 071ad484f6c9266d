using Maxxit.Sdk.Venues;

namespace Maxxit.Sdk.Hyperliquid;

/// <summary>Options of the Hyperliquid venue. Validated once when the venue is built; errors name the option.</summary>
public sealed class HyperliquidOptions
{
    /// <summary>The mainnet API.</summary>
    public static readonly Uri MainnetUrl = new("https://api.hyperliquid.xyz");

    /// <summary>The testnet API.</summary>
    public static readonly Uri TestnetUrl = new("https://api.hyperliquid-testnet.xyz");

    /// <summary>The mainnet WebSocket API.</summary>
    public static readonly Uri MainnetWebSocketUrl = new("wss://api.hyperliquid.xyz/ws");

    /// <summary>The testnet WebSocket API.</summary>
    public static readonly Uri TestnetWebSocketUrl = new("wss://api.hyperliquid-testnet.xyz/ws");

    /// <summary>The name of the <see cref="System.Net.Http.HttpClient"/> registered with IHttpClientFactory.</summary>
    public const string HttpClientName = "Maxxit.Hyperliquid";

    /// <summary>The network; mainnet by default. Signatures for one network are rejected by the other.</summary>
    public HyperliquidNetwork Network { get; set; } = HyperliquidNetwork.Mainnet;

    /// <summary>The API base URL; when null, the network's public URL. Set it to reach a proxy or a test server.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How far from the mid a market order's IOC limit price may be, as a fraction (0.05 = 5 %).</summary>
    public decimal Slippage { get; set; } = 0.05m;

    /// <summary>Leverage used when the policy gives none; capped by each asset's maxLeverage.</summary>
    public int DefaultLeverage { get; set; } = 1;

    /// <summary>Use cross margin (true) or isolated margin (false) when setting leverage.</summary>
    public bool CrossMargin { get; set; } = true;

    /// <summary>The smallest order value the exchange accepts, in USD; smaller orders are refused before sending.</summary>
    public decimal MinimumOrderValue { get; set; } = 10m;

    /// <summary>How often the market catalog (meta and asset contexts) is refreshed.</summary>
    public TimeSpan MarketRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The timeout of one HTTP attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of requests that are safe to repeat (/info) on 429, 5xx and timeouts. /exchange is never retried.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The base delay between retries; exponential with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The share of failed requests within <see cref="CircuitSamplingDuration"/> that opens the circuit.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>The fewest requests within the sampling window before the circuit may open.</summary>
    public int CircuitMinimumThroughput { get; set; } = 10;

    /// <summary>The window over which failures are counted.</summary>
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before a trial request.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The IP weight budget per minute the shared rate limiter enforces (Hyperliquid's public API allows 1,200). Lower it
    /// when other processes share the host's IP address.
    /// </summary>
    public int WeightPerMinute { get; set; } = RateLimiting.HyperliquidWeights.PerMinute;

    /// <summary>
    /// At most this many orders of a fan-out in flight at once on Hyperliquid (the executor's per-venue cap is lowered
    /// to it). Null: derived from <see cref="WeightPerMinute"/> — one open costs about
    /// <see cref="HyperliquidVenue.WeightPerOpen"/> weight, so the budget serves WeightPerMinute / WeightPerOpen opens a
    /// minute; the cap is a quarter of that (at least 1, at most 16), enough to keep the budget busy without long queues.
    /// </summary>
    public int? MaxConcurrentOrders { get; set; }

    /// <summary>
    /// When set, every L1 action is sent with <c>expiresAfter</c> = now + this, so an action that waited too long (a queue,
    /// a slow network) is refused by the exchange instead of executing late. Null (default): no expiry.
    /// </summary>
    public TimeSpan? ActionExpiry { get; set; }

    /// <summary>
    /// Use the WebSocket streams in the venue: prices from allMids while the socket is up and fresh (REST otherwise), and
    /// order fates from orderUpdates/userFills before orderStatus. Off by default; <see cref="Streams.HyperliquidStreamClient"/>
    /// can be used directly either way.
    /// </summary>
    public bool EnableStreams { get; set; }

    /// <summary>The WebSocket URL; when null, derived from <see cref="BaseUrl"/> (ws(s)://host/ws) or the network's public URL.</summary>
    public Uri? WebSocketUrl { get; set; }

    /// <summary>How often a ping is sent when nothing else was sent (the server closes a connection idle for 60 s).</summary>
    public TimeSpan StreamPingInterval { get; set; } = TimeSpan.FromSeconds(50);

    /// <summary>A connection that delivered nothing (not even a pong) for this long is treated as dead and replaced.</summary>
    public TimeSpan StreamStaleTimeout { get; set; } = TimeSpan.FromSeconds(65);

    /// <summary>The first reconnect delay; doubled per failed attempt, with jitter, up to <see cref="StreamReconnectMaxDelay"/>.</summary>
    public TimeSpan StreamReconnectBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest reconnect delay (also the delay after a 429 handshake).</summary>
    public TimeSpan StreamReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages buffered per stream consumer before the slow-consumer policy applies.</summary>
    public int StreamBufferCapacity { get; set; } = 1024;

    /// <summary>How old the last allMids message may be for the venue to price from it instead of REST.</summary>
    public TimeSpan StreamPriceMaxAge { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// When set, a hosted service keeps Hyperliquid's dead man's switch (<c>scheduleCancel</c>) armed this far ahead for
    /// every active deployment's account while the host runs (re-armed every third of it, disarmed on a clean stop), so a
    /// worker that dies leaves no resting orders behind for longer than this. At least 15 s. Null (default): off.
    /// </summary>
    public TimeSpan? DeadManSwitchWindow { get; set; }

    /// <summary>The URL actually used: <see cref="BaseUrl"/>, else the network's public URL.</summary>
    public Uri EffectiveBaseUrl => BaseUrl ?? (Network == HyperliquidNetwork.Mainnet ? MainnetUrl : TestnetUrl);

    /// <summary>The WebSocket URL actually used.</summary>
    public Uri EffectiveWebSocketUrl => WebSocketUrl
        ?? (BaseUrl is { } b
            ? new UriBuilder(b) { Scheme = b.Scheme == Uri.UriSchemeHttps ? "wss" : "ws", Path = b.AbsolutePath.TrimEnd('/') + "/ws" }.Uri
            : Network == HyperliquidNetwork.Mainnet ? MainnetWebSocketUrl : TestnetWebSocketUrl);

    /// <summary>Checks every option.</summary>
    /// <exception cref="HyperliquidOptionsException">An option is invalid; the message names it and says why.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Network))
        {
            throw new HyperliquidOptionsException(nameof(Network), "must be Mainnet or Testnet.");
        }

        if (BaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            throw new HyperliquidOptionsException(nameof(BaseUrl), "must be an absolute http(s) URL.");
        }

        if (Slippage <= 0m || Slippage >= 1m)
        {
            throw new HyperliquidOptionsException(nameof(Slippage), "must be a fraction strictly between 0 and 1 (0.05 = 5 %).");
        }

        if (DefaultLeverage is < (int)LeverageLimits.Minimum or > (int)LeverageLimits.Highest)
        {
            throw new HyperliquidOptionsException(nameof(DefaultLeverage), "must be between 1 and 100.");
        }

        if (MinimumOrderValue < 0m)
        {
            throw new HyperliquidOptionsException(nameof(MinimumOrderValue), "must not be negative.");
        }

        RequirePositive(MarketRefreshInterval, nameof(MarketRefreshInterval));
        RequirePositive(RequestTimeout, nameof(RequestTimeout));
        RequirePositive(CircuitSamplingDuration, nameof(CircuitSamplingDuration));
        RequirePositive(CircuitBreakDuration, nameof(CircuitBreakDuration));
        if (RetryBaseDelay < TimeSpan.Zero)
        {
            throw new HyperliquidOptionsException(nameof(RetryBaseDelay), "must not be negative.");
        }

        if (MaxRetryAttempts is < 0 or > 10)
        {
            throw new HyperliquidOptionsException(nameof(MaxRetryAttempts), "must be between 0 and 10.");
        }

        if (CircuitFailureRatio is <= 0 or > 1)
        {
            throw new HyperliquidOptionsException(nameof(CircuitFailureRatio), "must be greater than 0 and at most 1.");
        }

        if (WeightPerMinute < 1)
        {
            throw new HyperliquidOptionsException(nameof(WeightPerMinute), "must be at least 1.");
        }

        if (MaxConcurrentOrders is < 1)
        {
            throw new HyperliquidOptionsException(nameof(MaxConcurrentOrders), "must be at least 1 when set.");
        }

        if (ActionExpiry is { } expiry && expiry < TimeSpan.FromSeconds(1))
        {
            throw new HyperliquidOptionsException(nameof(ActionExpiry), "must be at least 1 second when set.");
        }

        if (WebSocketUrl is { } ws && (!ws.IsAbsoluteUri || (ws.Scheme != "wss" && ws.Scheme != "ws")))
        {
            throw new HyperliquidOptionsException(nameof(WebSocketUrl), "must be an absolute ws(s) URL.");
        }

        RequirePositive(StreamPingInterval, nameof(StreamPingInterval));
        if (StreamPingInterval >= TimeSpan.FromSeconds(60))
        {
            throw new HyperliquidOptionsException(nameof(StreamPingInterval), "must be under 60 seconds (the server closes idle connections after 60 s).");
        }

        if (StreamStaleTimeout <= StreamPingInterval)
        {
            throw new HyperliquidOptionsException(nameof(StreamStaleTimeout), "must be longer than StreamPingInterval (a pong answers each ping).");
        }

        RequirePositive(StreamReconnectBaseDelay, nameof(StreamReconnectBaseDelay));
        if (StreamReconnectMaxDelay < StreamReconnectBaseDelay)
        {
            throw new HyperliquidOptionsException(nameof(StreamReconnectMaxDelay), "must be at least StreamReconnectBaseDelay.");
        }

        if (StreamBufferCapacity is < 1 or > 1_000_000)
        {
            throw new HyperliquidOptionsException(nameof(StreamBufferCapacity), "must be between 1 and 1,000,000.");
        }

        RequirePositive(StreamPriceMaxAge, nameof(StreamPriceMaxAge));
        if (DeadManSwitchWindow is { } dms && dms < TimeSpan.FromSeconds(15))
        {
            throw new HyperliquidOptionsException(nameof(DeadManSwitchWindow), "must be at least 15 seconds when set (re-armed every third of it; the exchange needs 5 s ahead).");
        }

        if (CircuitMinimumThroughput < 2)
        {
            throw new HyperliquidOptionsException(nameof(CircuitMinimumThroughput), "must be at least 2.");
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new HyperliquidOptionsException(name, "must be positive.");
        }
    }
}
