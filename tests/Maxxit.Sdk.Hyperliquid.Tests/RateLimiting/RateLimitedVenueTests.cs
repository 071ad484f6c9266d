using System.Diagnostics.Metrics;
using System.Net;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Hyperliquid.Exchange;
using Maxxit.Sdk.Hyperliquid.RateLimiting;
using Maxxit.Sdk.Hyperliquid.Tests.Fakes;
using Maxxit.Sdk.Hyperliquid.Tests.Support;
using Maxxit.Sdk.Hyperliquid.Tests.Venues;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Hyperliquid.Tests.RateLimiting;

/// <summary>The shared weight budget against a fake venue that counts weight itself and answers 429 past it.</summary>
public sealed class RateLimitedVenueTests
{
    [Fact]
    public async Task A_burst_past_the_budget_queues_and_never_earns_a_429()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await HyperliquidTestHost.StartAsync(time: time, configure: o => o.WeightPerMinute = 40);
        host.Server.EnforceWeightBudget(40, time);

        // 30 allMids = 60 weight against 40 a minute (38 at once, 2 kept as headroom): the last 22 need 33 s of refill.
        var started = time.GetUtcNow();
        var all = Task.WhenAll(Enumerable.Range(0, 30).Select(_ => host.Info.GetAllMidsAsync()));
        await time.AdvanceUntilAsync(all, TimeSpan.FromMilliseconds(50));

        Assert.All(await all, mids => Assert.True(mids.ContainsKey("ETH")));
        Assert.Equal(0, host.Server.Throttled);
        Assert.InRange((time.GetUtcNow() - started).TotalSeconds, 32.5, 36);
    }

    [Fact]
    public async Task A_fan_out_of_opens_across_deployments_queues_for_weight_and_every_order_is_placed_once()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await HyperliquidTestHost.StartAsync(time: time, configure: o => o.WeightPerMinute = 120);
        var scenarios = new List<VenueScenario>();
        for (var i = 0; i < 8; i++)
        {
            scenarios.Add(await VenueScenario.CreateAsync(host));
        }

        var eth = (await host.Venue.GetMarketsAsync(CancellationToken.None)).Single(m => m.Symbol == "ETH");
        host.Server.EnforceWeightBudget(120, time);
        var requests = scenarios.Select(s => OpenRequest(s, eth)).ToList();

        // Eight opens of ~29 weight each against 120 a minute: most of them must wait for the refill.
        var started = time.GetUtcNow();
        var all = Task.WhenAll(requests.Select(r => host.Venue.PlaceOrderAsync(r, CancellationToken.None).AsTask()));
        await time.AdvanceUntilAsync(all, TimeSpan.FromMilliseconds(100));
        Assert.InRange((time.GetUtcNow() - started).TotalSeconds, 40, 120);

        Assert.All(await all, r => Assert.Equal(OrderStatus.Filled, r.Status));
        Assert.Equal(0, host.Server.Throttled);
        Assert.All(requests, r => Assert.Single(host.Server.Orders, o => o.Cloid == r.ClientOrderId));
    }

    [Fact]
    public async Task Info_and_exchange_requests_take_from_one_budget()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await HyperliquidTestHost.StartAsync(time: time, configure: o => o.WeightPerMinute = 30);
        host.Server.EnforceWeightBudget(30, time);
        var (_, agent) = host.AddApprovedUser();
        using (agent)
        {
            // meta (20) + two leverage updates (1 each) + allMids (2) fit in the 28 at once; a second meta (20) must wait.
            await host.Info.GetMetaAsync();
            await host.Exchange.UpdateLeverageAsync(agent, new UpdateLeverageAction(1, 3));
            await host.Exchange.UpdateLeverageAsync(agent, new UpdateLeverageAction(1, 4));
            await host.Info.GetAllMidsAsync();
            var limiter = host.Services.GetRequiredService<HyperliquidRateLimiter>();
            Assert.InRange(limiter.Available, 3.99, 4.5);

            var meta = host.Info.GetMetaAsync();
            Assert.False(meta.IsCompleted);
            await time.AdvanceUntilAsync(meta, TimeSpan.FromMilliseconds(50));
        }

        Assert.Equal(0, host.Server.Throttled);
    }

    [Fact]
    public async Task An_info_429_backs_off_and_is_retried_and_counted_on_the_meter()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await HyperliquidTestHost.StartAsync(time: time, build: b => b.Services.AddMetrics());
        using var meter = new MeterRecorder(host.Services.GetRequiredService<IMeterFactory>());
        host.Server.FailNextInfoRequests(1, HttpStatusCode.TooManyRequests);

        var mids = host.Info.GetAllMidsAsync();
        await time.AdvanceUntilAsync(mids, TimeSpan.FromMilliseconds(100));

        Assert.True((await mids).ContainsKey("BTC"));
        Assert.Equal(["allMids", "allMids"], host.Server.InfoTypes);
        Assert.Equal(1, meter.Sum("maxxit.hyperliquid.ratelimit.throttled"));
        Assert.Equal(4, meter.Sum("maxxit.hyperliquid.ratelimit.weight"));
        var limiter = host.Services.GetRequiredService<HyperliquidRateLimiter>();
        Assert.Equal(0, limiter.ConsecutiveThrottles);
        Assert.Equal(limiter.Available, meter.Observe("maxxit.hyperliquid.ratelimit.available"), 3);
        Assert.Equal(0, meter.Observe("maxxit.hyperliquid.ratelimit.queued"));
    }

    [Fact]
    public async Task A_raw_order_that_gets_a_429_is_not_resent_but_a_leverage_update_is()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await HyperliquidTestHost.StartAsync(time: time);
        var (_, agent) = host.AddApprovedUser();
        using (agent)
        {
            var asset = (await host.Info.GetMetaAsync()).Single(a => a.Name == "ETH");
            host.Server.FailNextExchangeRequests(1, HttpStatusCode.TooManyRequests);
            var order = HyperliquidOrders.Market(asset, isBuy: true, 0.01m, 3412.85m, 0.05m);
            var refused = await Assert.ThrowsAsync<HyperliquidApiException>(() => host.Exchange.PlaceOrderAsync(agent, order));
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Contains("weight budget", refused.Message);
            Assert.Single(host.Server.ExchangeBodies);

            host.Server.FailNextExchangeRequests(1, HttpStatusCode.TooManyRequests);
            var leverage = host.Exchange.UpdateLeverageAsync(agent, new UpdateLeverageAction(asset.Index, 3));
            await time.AdvanceUntilAsync(leverage, TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(3, host.Server.ExchangeBodies.Count);
        Assert.Empty(host.Server.Orders);
    }

    [Fact]
    public async Task An_adapter_order_that_gets_a_429_is_resent_only_after_the_cloid_check_says_it_is_unknown()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await HyperliquidTestHost.StartAsync(time: time);
        var scenario = await VenueScenario.CreateAsync(host);
        var request = await OpenRequestAsync(host, scenario, "ETH");
        await PrimeLeverageAsync(host, scenario, request);
        host.Server.FailNextExchangeRequests(1, HttpStatusCode.TooManyRequests);

        var placing = host.Venue.PlaceOrderAsync(request, CancellationToken.None).AsTask();
        await time.AdvanceUntilAsync(placing, TimeSpan.FromMilliseconds(100));

        var order = host.Server.Orders.Single(o => o.Cloid == request.ClientOrderId);
        var placed = await placing;
        Assert.Equal(OrderStatus.Filled, placed.Status);
        Assert.Equal(2, host.Server.ExchangeBodies.Count(b => b.Contains(request.ClientOrderId)));
        Assert.Equal("filled", order.Status);
    }

    [Fact]
    public async Task An_adapter_order_executed_despite_a_429_is_found_by_cloid_and_not_sent_again()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await HyperliquidTestHost.StartAsync(time: time);
        var scenario = await VenueScenario.CreateAsync(host);
        var request = await OpenRequestAsync(host, scenario, "SOL");
        await PrimeLeverageAsync(host, scenario, request);
        host.Server.LoseNextExchangeResponses(1, "order", HttpStatusCode.TooManyRequests);

        var placing = host.Venue.PlaceOrderAsync(request, CancellationToken.None).AsTask();
        await time.AdvanceUntilAsync(placing, TimeSpan.FromMilliseconds(100));

        var order = host.Server.Orders.Single(o => o.Cloid == request.ClientOrderId);
        var placed = await placing;
        Assert.Equal(OrderStatus.Filled, placed.Status);
        Assert.Equal(order.OrigSz, placed.FilledQuantity);
        Assert.Single(host.Server.ExchangeBodies, b => b.Contains(request.ClientOrderId));
    }

    [Fact]
    public void The_address_based_limit_is_named_with_a_hint()
    {
        var error = HyperliquidRejectedException.FromVenueMessage(
            "Too many cumulative requests sent (10214 > 10000) for cumulative volume traded $0.0. Place taker orders to free up 1 request per USDC traded.");

        Assert.Contains("per-address limit", error.Hint);
        Assert.Contains("1 action per 1 USDC", error.Hint);
    }

    [Fact]
    public async Task The_venue_caps_orders_in_flight_from_the_budget_unless_told_otherwise()
    {
        await using (var host = await HyperliquidTestHost.StartAsync())
        {
            Assert.Equal(10, host.Venue.MaxConcurrentOrders);
        }

        await using (var host = await HyperliquidTestHost.StartAsync(configure: o => o.WeightPerMinute = 200))
        {
            Assert.Equal(1, host.Venue.MaxConcurrentOrders);
        }

        await using (var host = await HyperliquidTestHost.StartAsync(configure: o => o.MaxConcurrentOrders = 3))
        {
            Assert.Equal(3, host.Venue.MaxConcurrentOrders);
        }
    }

    private static async Task<OrderRequest> OpenRequestAsync(HyperliquidTestHost host, VenueScenario scenario, string symbol) =>
        OpenRequest(scenario, (await host.Venue.GetMarketsAsync(CancellationToken.None)).Single(m => m.Symbol == symbol));

    private static OrderRequest OpenRequest(VenueScenario scenario, Markets.MarketInfo market)
    {
        var signalId = Guid.NewGuid();
        return new OrderRequest
        {
            SignalId = signalId,
            Deployment = scenario.Deployment,
            ClientOrderId = ClientOrderId.For(signalId, scenario.Deployment.Id, ClientOrderId.Open),
            Market = market,
            Side = TradeSide.Long,
            SizePercent = 10m,
            Leverage = 1m,
            Risk = RiskModel.Trailing(0.03m),
            Journal = new NullJournal(),
        };
    }

    // Sets leverage 1 once so that the 429 under test hits the order, not the leverage update before it.
    private static async Task PrimeLeverageAsync(HyperliquidTestHost host, VenueScenario scenario, OrderRequest request)
    {
        var other = request with
        {
            ClientOrderId = ClientOrderId.For(Guid.NewGuid(), scenario.Deployment.Id, ClientOrderId.Open),
            SizePercent = 1m,
        };
        await host.Venue.PlaceOrderAsync(other, CancellationToken.None);
    }

    private sealed class NullJournal : IOrderJournal
    {
        public string? PriorSubmissionId => null;

        public ValueTask RecordSubmissionAsync(string submissionId, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
