namespace Maxxit.Sdk.Hyperliquid.Tests.Venues;

public sealed class HyperliquidOptionsTests
{
    public static TheoryData<Action<HyperliquidOptions>, string> BadOptions() => new()
    {
        { o => o.WeightPerMinute = 0, nameof(HyperliquidOptions.WeightPerMinute) },
        { o => o.MaxConcurrentOrders = 0, nameof(HyperliquidOptions.MaxConcurrentOrders) },
        { o => o.ActionExpiry = TimeSpan.FromMilliseconds(10), nameof(HyperliquidOptions.ActionExpiry) },
        { o => o.WebSocketUrl = new Uri("https://api.hyperliquid.xyz/ws"), nameof(HyperliquidOptions.WebSocketUrl) },
        { o => o.StreamPingInterval = TimeSpan.FromSeconds(60), nameof(HyperliquidOptions.StreamPingInterval) },
        { o => o.StreamStaleTimeout = TimeSpan.FromSeconds(40), nameof(HyperliquidOptions.StreamStaleTimeout) },
        { o => o.StreamReconnectMaxDelay = TimeSpan.FromMilliseconds(100), nameof(HyperliquidOptions.StreamReconnectMaxDelay) },
        { o => o.StreamBufferCapacity = 0, nameof(HyperliquidOptions.StreamBufferCapacity) },
        { o => o.StreamPriceMaxAge = TimeSpan.Zero, nameof(HyperliquidOptions.StreamPriceMaxAge) },
        { o => o.DeadManSwitchWindow = TimeSpan.FromSeconds(10), nameof(HyperliquidOptions.DeadManSwitchWindow) },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void A_bad_stream_limiter_or_kill_switch_option_is_named(Action<HyperliquidOptions> spoil, string option)
    {
        var options = new HyperliquidOptions();
        spoil(options);

        var error = Assert.Throws<HyperliquidOptionsException>(options.Validate);

        Assert.Equal(option, error.Option);
    }

    [Theory]
    [InlineData(HyperliquidNetwork.Mainnet, null, "wss://api.hyperliquid.xyz/ws")]
    [InlineData(HyperliquidNetwork.Testnet, null, "wss://api.hyperliquid-testnet.xyz/ws")]
    [InlineData(HyperliquidNetwork.Mainnet, "http://127.0.0.1:5000", "ws://127.0.0.1:5000/ws")]
    [InlineData(HyperliquidNetwork.Mainnet, "https://proxy.example/hl/", "wss://proxy.example/hl/ws")]
    public void The_websocket_url_follows_the_network_or_the_base_url(HyperliquidNetwork network, string? baseUrl, string expected)
    {
        var options = new HyperliquidOptions { Network = network, BaseUrl = baseUrl is null ? null : new Uri(baseUrl) };

        Assert.Equal(new Uri(expected), options.EffectiveWebSocketUrl);
    }
}
