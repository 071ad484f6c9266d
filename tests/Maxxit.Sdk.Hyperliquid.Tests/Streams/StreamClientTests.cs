using System.Text.Json.Nodes;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Hyperliquid.Exchange;
using Maxxit.Sdk.Hyperliquid.Info;
using Maxxit.Sdk.Hyperliquid.Streams;
using Maxxit.Sdk.Hyperliquid.Tests.Fakes;
using Maxxit.Sdk.Hyperliquid.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Hyperliquid.Tests.Streams;

/// <summary>The WebSocket client against the fake venue's /ws on loopback: snapshots, drops, stalls, 429s, slow consumers.</summary>
public sealed class StreamClientTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task No_fill_is_lost_or_doubled_across_a_reconnect(bool fillsWithoutTid)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await HyperliquidTestHost.StartAsync(time: time);
        host.Server.LegacyFills = fillsWithoutTid;
        var (user, agent) = host.AddApprovedUser();
        using var _ = agent;
        var eth = (await host.Info.GetMetaAsync()).Single(a => a.Name == "ETH");
        var stream = host.Services.GetRequiredService<HyperliquidStreamClient>();

        // A fill from before the subscription is history: the first snapshot marks it seen and does not deliver it.
        var before = await BuyAsync(host, agent, eth);
        await using var fills = stream.UserFillsAsync(user).GetAsyncEnumerator();
        var first = fills.MoveNextAsync();
        await Eventually.TrueAsync(() => host.Server.Streams.Subscriptions.Contains("userFills:" + user), what: "subscribed");
        var a = await BuyAsync(host, agent, eth);
        Assert.True(await first);
        var received = new List<HyperliquidFill> { fills.Current };

        host.Server.Streams.DropAll();
        await Eventually.TrueAsync(() => !stream.IsConnected, what: "disconnected");
        var b = await BuyAsync(host, agent, eth);
        var c = await BuyAsync(host, agent, eth);
        received.Add(await Eventually.NextAsync(fills, time));
        received.Add(await Eventually.NextAsync(fills, time));
        var d = await BuyAsync(host, agent, eth);
        received.Add(await Eventually.NextAsync(fills, time));
        var e = await BuyAsync(host, agent, eth);
        received.Add(await Eventually.NextAsync(fills, time));

        Assert.Equal(2, stream.Connects);
        Assert.Contains("userFillsByTime", host.Server.InfoTypes);
        Assert.Equal([a, b, c, d, e], received.Select(f => f.OrderId));
        Assert.DoesNotContain(before, received.Select(f => f.OrderId));
        Assert.All(received, f => Assert.Equal(fillsWithoutTid, f.TradeId is null));
    }

    [Fact]
    public async Task All_mids_arrive_as_a_snapshot_then_as_updates_and_are_kept_as_the_latest()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var stream = host.Services.GetRequiredService<HyperliquidStreamClient>();
        await using var mids = stream.AllMidsAsync().GetAsyncEnumerator();

        var snapshot = await Eventually.NextAsync(mids);
        host.Server.SetMid("ETH", 3500.5m);
        host.Server.PublishMids();
        var update = await Eventually.NextAsync(mids);

        Assert.Equal(3412.85m, snapshot.Mids["ETH"]);
        Assert.Equal(3500.5m, update.Mids["ETH"]);
        Assert.Same(update, stream.LatestMids);
        Assert.Equal(stream.Url, host.Server.WebSocketUrl);
    }

    [Fact]
    public async Task A_connection_that_stalls_is_replaced_and_everything_is_subscribed_again()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await HyperliquidTestHost.StartAsync(time: time);
        var stream = host.Services.GetRequiredService<HyperliquidStreamClient>();
        await using var mids = stream.AllMidsAsync().GetAsyncEnumerator();
        await using var book = stream.L2BookAsync("BTC").GetAsyncEnumerator();
        await Eventually.NextAsync(mids);
        var bookStarted = book.MoveNextAsync();
        await Eventually.TrueAsync(() => host.Server.Streams.Subscriptions.Contains("l2Book:BTC"), what: "book subscribed");

        host.Server.Streams.Stalled = true;
        await Eventually.TrueAsync(() => !stream.IsConnected, time, TimeSpan.FromSeconds(1), "stall detected");
        host.Server.Streams.Stalled = false;
        await Eventually.TrueAsync(
            () => stream.Connects == 2 && host.Server.Streams.Subscriptions.Count(k => k is "allMids" or "l2Book:BTC") == 2,
            time,
            TimeSpan.FromMilliseconds(100),
            "resubscribed");
        host.Server.Streams.PublishRaw("l2Book:BTC", Book("BTC", 20));

        Assert.True(await bookStarted);
        Assert.Equal(20, book.Current.Bids.Count);
        Assert.Contains(host.Server.Streams.Received, m => m == """{"method":"ping"}""");
        Assert.Equal(2, host.Server.Streams.Accepted);
    }

    [Fact]
    public async Task A_quiet_connection_is_kept_alive_with_pings_before_the_idle_close()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await HyperliquidTestHost.StartAsync(time: time);
        var stream = host.Services.GetRequiredService<HyperliquidStreamClient>();
        await using var mids = stream.AllMidsAsync().GetAsyncEnumerator();
        await Eventually.NextAsync(mids);

        await Eventually.TrueAsync(
            () => host.Server.Streams.Received.Count(m => m.Contains("ping", StringComparison.Ordinal)) >= 3, time, TimeSpan.FromSeconds(1), "three pings");

        Assert.Equal(1, stream.Connects);
        Assert.True(stream.IsConnected);
    }

    [Fact]
    public async Task A_429_handshake_is_retried_after_a_longer_back_off()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await HyperliquidTestHost.StartAsync(time: time, configure: o => o.StreamReconnectMaxDelay = TimeSpan.FromSeconds(4));
        host.Server.Streams.RejectNextHandshakes(2);
        var stream = host.Services.GetRequiredService<HyperliquidStreamClient>();
        var started = time.GetUtcNow();
        await using var mids = stream.AllMidsAsync().GetAsyncEnumerator();

        var snapshot = await Eventually.NextAsync(mids, time, TimeSpan.FromMilliseconds(100));

        Assert.True(snapshot.Mids.ContainsKey("BTC"));
        Assert.Equal(1, host.Server.Streams.Accepted);
        Assert.InRange((time.GetUtcNow() - started).TotalSeconds, 4.0, 30);
    }

    [Fact]
    public async Task A_slow_consumer_of_fills_gets_an_error_instead_of_a_silent_loss()
    {
        await using var host = await HyperliquidTestHost.StartAsync(configure: o => o.StreamBufferCapacity = 2);
        var (user, agent) = host.AddApprovedUser();
        using var _ = agent;
        var eth = (await host.Info.GetMetaAsync()).Single(a => a.Name == "ETH");
        var stream = host.Services.GetRequiredService<HyperliquidStreamClient>();
        await using var fills = stream.UserFillsAsync(user).GetAsyncEnumerator();
        await using var mids = stream.AllMidsAsync().GetAsyncEnumerator();
        var first = fills.MoveNextAsync();
        await Eventually.TrueAsync(() => host.Server.Streams.Subscriptions.Contains("userFills:" + user), what: "subscribed");
        await Eventually.NextAsync(mids);

        for (var i = 0; i < 5; i++)
        {
            await BuyAsync(host, agent, eth);
        }

        // One socket, read in order: once the mids sent after the five fills arrive, every fill has reached its buffer.
        host.Server.SetMid("ETH", 3500.5m);
        host.Server.PublishMids();
        while ((await Eventually.NextAsync(mids)).Mids["ETH"] != 3500.5m)
        {
        }

        var read = 0;
        var error = await Assert.ThrowsAsync<HyperliquidStreamException>(async () =>
        {
            Assert.True(await first);
            read++;
            while (await fills.MoveNextAsync())
            {
                read++;
            }
        });

        Assert.Contains("fell more than its buffer behind", error.Message);
        Assert.InRange(read, 1, 3);
    }

    [Fact]
    public async Task A_slow_consumer_of_mids_keeps_the_latest_and_the_drops_are_counted()
    {
        await using var host = await HyperliquidTestHost.StartAsync(configure: o => o.StreamBufferCapacity = 2, build: b => b.Services.AddMetrics());
        using var meter = new MeterRecorder(host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var stream = host.Services.GetRequiredService<HyperliquidStreamClient>();
        await using var mids = stream.AllMidsAsync().GetAsyncEnumerator();
        await Eventually.NextAsync(mids);

        for (var i = 1; i <= 10; i++)
        {
            host.Server.SetMid("ETH", 3000m + i);
            host.Server.PublishMids();
        }

        await Eventually.TrueAsync(() => stream.LatestMids?.Mids["ETH"] == 3010m, what: "last message received");
        var kept = new[] { await Eventually.NextAsync(mids), await Eventually.NextAsync(mids) };

        Assert.Equal([3009m, 3010m], kept.Select(m => m.Mids["ETH"]));
        Assert.Equal(8, meter.Sum("maxxit.hyperliquid.ws.dropped"));
    }

    [Fact]
    public async Task Order_updates_stream_the_status_changes_of_one_user()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var (user, agent) = host.AddApprovedUser();
        using var _ = agent;
        var eth = (await host.Info.GetMetaAsync()).Single(a => a.Name == "ETH");
        var stream = host.Services.GetRequiredService<HyperliquidStreamClient>();
        await using var updates = stream.OrderUpdatesAsync(user).GetAsyncEnumerator();
        var first = updates.MoveNextAsync();
        await Eventually.TrueAsync(() => host.Server.Streams.Subscriptions.Contains("orderUpdates"), what: "subscribed");

        var cloid = Cloid.Parse("0x" + new string('a', 32));
        await host.Exchange.PlaceOrderAsync(agent, HyperliquidOrders.Limit(eth, isBuy: true, 0.01m, 3000m, TimeInForce.Gtc, clientOrderId: cloid));
        Assert.True(await first);
        var resting = updates.Current;

        Assert.Equal(("open", cloid.ToString(), 0.01m), (resting.Status, resting.ClientOrderId, resting.RemainingSize));
        Assert.Throws<HyperliquidStreamException>(() => stream.OrderUpdatesAsync(host.AddApprovedUser().User).GetAsyncEnumerator().MoveNextAsync().AsTask().GetAwaiter().GetResult());
    }

    [Fact]
    public async Task More_than_ten_users_are_refused_before_anything_is_sent()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var stream = host.Services.GetRequiredService<HyperliquidStreamClient>();
        var users = Enumerable.Range(1, 11).Select(i => "0x" + i.ToString("x40", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var open = new List<IAsyncEnumerator<HyperliquidFill>>();
        foreach (var user in users.Take(10))
        {
            var e = stream.UserFillsAsync(user).GetAsyncEnumerator();
            _ = e.MoveNextAsync();
            open.Add(e);
        }

        var eleventh = stream.UserFillsAsync(users[10]).GetAsyncEnumerator();
        var error = await Assert.ThrowsAsync<HyperliquidStreamException>(async () => await eleventh.MoveNextAsync());

        Assert.Contains("at most 10 users", error.Message);
        Assert.Equal(10, stream.SubscriptionCount);
    }

    internal static string Book(string coin, int levels)
    {
        var bids = new JsonArray();
        var asks = new JsonArray();
        for (var i = 0; i < levels; i++)
        {
            bids.Add(new JsonObject { ["px"] = (97000m - i).ToString(System.Globalization.CultureInfo.InvariantCulture), ["sz"] = "0.5", ["n"] = i + 1 });
            asks.Add(new JsonObject { ["px"] = (97001m + i).ToString(System.Globalization.CultureInfo.InvariantCulture), ["sz"] = "1.25", ["n"] = 1 });
        }

        return new JsonObject
        {
            ["channel"] = "l2Book",
            ["data"] = new JsonObject { ["coin"] = coin, ["time"] = 1700000000000, ["levels"] = new JsonArray(bids, asks) },
        }.ToJsonString();
    }

    private static async Task<long> BuyAsync(HyperliquidTestHost host, EthereumKey agent, HyperliquidAsset eth)
    {
        var result = await host.Exchange.PlaceOrderAsync(agent, HyperliquidOrders.Market(eth, isBuy: true, 0.01m, 3412.85m, 0.05m));
        return result.OrderId!.Value;
    }
}
