using System.Net;
using System.Text.Json;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Hyperliquid.Exchange;
using Maxxit.Sdk.Hyperliquid.Tests.Fakes;

namespace Maxxit.Sdk.Hyperliquid.Tests.Exchange;

public sealed class ExchangeClientTests
{
    private static readonly LimitOrderType Gtc = HyperliquidOrderType.Limit(TimeInForce.Gtc);
    private static readonly LimitOrderType Ioc = HyperliquidOrderType.Limit(TimeInForce.Ioc);
    private static readonly LimitOrderType Alo = HyperliquidOrderType.Limit(TimeInForce.Alo);

    [Fact]
    public async Task A_gtc_order_below_the_mid_rests_and_cancels_by_oid()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var (user, agent) = host.AddApprovedUser();
        using var _ = agent;

        var resting = await host.Exchange.PlaceOrderAsync(agent, new HyperliquidOrder(1, true, 3000m, 0.01m, false, Gtc));

        Assert.Equal(HyperliquidOrderResultKind.Resting, resting.Kind);
        var oid = Assert.IsType<long>(resting.OrderId);
        Assert.Equal("open", (await host.Info.GetOrderStatusAsync(user, oid))!.Status);

        var cancels = await host.Exchange.CancelAsync(agent, new CancelAction([new CancelRequest(1, oid)]));
        Assert.True(Assert.Single(cancels).Succeeded);
        Assert.Equal("canceled", (await host.Info.GetOrderStatusAsync(user, oid))!.Status);

        var again = await host.Exchange.CancelAsync(agent, new CancelAction([new CancelRequest(1, oid)]));
        Assert.Equal("Order was never placed, already canceled, or filled.", Assert.Single(again).Error);
    }

    [Fact]
    public async Task A_crossing_ioc_order_fills_with_total_size_and_average_price()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var (user, agent) = host.AddApprovedUser();
        using var _ = agent;
        var cloid = Cloid.Parse("0x1234567890abcdef1234567890abcdef");

        var filled = await host.Exchange.PlaceOrderAsync(agent, new HyperliquidOrder(5, true, 190m, 1.25m, false, Ioc, cloid));

        Assert.Equal(HyperliquidOrderResultKind.Filled, filled.Kind);
        Assert.Equal(1.25m, filled.FilledSize);
        Assert.Equal(187.345m, filled.AveragePrice);
        Assert.Equal(cloid.ToString(), filled.ClientOrderId);
        var status = await host.Info.GetOrderStatusAsync(user, cloid);
        Assert.Equal(("filled", filled.OrderId!.Value, 1.25m), (status!.Status, status.OrderId, status.FilledSize));
    }

    [Fact]
    public async Task Per_order_errors_come_back_as_results_in_a_batch_and_as_exceptions_for_one_order()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var (_, agent) = host.AddApprovedUser();
        using var __ = agent;

        var results = await host.Exchange.PlaceOrdersAsync(agent, new OrderAction(
        [
            new HyperliquidOrder(1, true, 3500m, 0.01m, false, Alo),
            new HyperliquidOrder(1, true, 3000m, 0.01m, false, Ioc),
            new HyperliquidOrder(1, true, 3000m, 0.01m, false, Alo),
        ]));

        Assert.Equal(
            [HyperliquidOrderResultKind.Error, HyperliquidOrderResultKind.Error, HyperliquidOrderResultKind.Resting],
            results.Select(r => r.Kind));
        Assert.StartsWith("Post only order would have immediately matched", results[0].Error);
        Assert.Equal("Order could not immediately match against any resting orders. asset=1", results[1].Error);

        var error = await Assert.ThrowsAsync<HyperliquidRejectedException>(
            () => host.Exchange.PlaceOrderAsync(agent, new HyperliquidOrder(1, true, 3000m, 0.001m, false, Gtc)));
        Assert.Equal("Order must have minimum value of $10. asset=1", error.VenueMessage);
        Assert.Contains("at least $10", error.Hint);
        Assert.Equal(Venue.Hyperliquid, error.Venue);
    }

    [Fact]
    public async Task Pending_and_partially_filled_statuses_are_parsed()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var (_, agent) = host.AddApprovedUser();
        using var _ = agent;
        var next = new Queue<System.Text.Json.Nodes.JsonNode>(
        [
            System.Text.Json.Nodes.JsonValue.Create("waitingForFill"),
            System.Text.Json.Nodes.JsonNode.Parse("""{"filled":{"totalSz":"0.4","avgPx":"3412.9","oid":901}}""")!,
        ]);
        host.Server.OrderOutcome = _ => next.Dequeue();

        var results = await host.Exchange.PlaceOrdersAsync(agent, new OrderAction(
        [
            new HyperliquidOrder(1, true, 3500m, 1m, false, Ioc),
            new HyperliquidOrder(1, true, 3500m, 1m, false, Ioc),
        ]));

        Assert.Equal(new HyperliquidOrderResult(HyperliquidOrderResultKind.Pending, null, 0m, null, null, null), results[0]);
        Assert.Equal(new HyperliquidOrderResult(HyperliquidOrderResultKind.Filled, 901, 0.4m, 3412.9m, null, null), results[1]);
    }

    [Fact]
    public async Task An_unreadable_status_is_an_api_error_not_a_silent_success()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var (_, agent) = host.AddApprovedUser();
        using var _ = agent;
        host.Server.OrderOutcome = _ => System.Text.Json.Nodes.JsonNode.Parse("""{"filled":{"totalSz":"0.4"}}""");

        var error = await Assert.ThrowsAsync<HyperliquidApiException>(
            () => host.Exchange.PlaceOrderAsync(agent, new HyperliquidOrder(1, true, 3500m, 1m, false, Ioc)));

        Assert.Contains("unreadable order status", error.Message);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Cancel_by_cloid_cancels_the_resting_order()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var (user, agent) = host.AddApprovedUser();
        using var _ = agent;
        var cloid = Cloid.Parse("0x000000000000000000000000000000ff");
        await host.Exchange.PlaceOrderAsync(agent, new HyperliquidOrder(0, false, 99000m, 0.001m, false, Gtc, cloid));

        var cancels = await host.Exchange.CancelByCloidAsync(agent, new CancelByCloidAction([new CancelByCloidRequest(0, cloid)]));

        Assert.True(Assert.Single(cancels).Succeeded);
        Assert.Equal("canceled", (await host.Info.GetOrderStatusAsync(user, cloid))!.Status);
    }

    [Fact]
    public async Task Take_profit_and_stop_loss_trigger_orders_rest_with_their_trigger_fields()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var (_, agent) = host.AddApprovedUser();
        using var _ = agent;
        await host.Exchange.PlaceOrderAsync(agent, new HyperliquidOrder(1, true, 3500m, 0.01m, false, Ioc));
        var markets = await host.Info.GetMarketsAsync();
        var eth = markets[1].Asset;

        var results = await host.Exchange.PlaceOrdersAsync(agent, new OrderAction(
            [
                HyperliquidOrders.Trigger(eth, closesLong: true, 0.01m, 3800.123m, TriggerKind.TakeProfit, 0.05m),
                HyperliquidOrders.Trigger(eth, closesLong: true, 0.01m, 3100m, TriggerKind.StopLoss, 0.05m),
            ],
            OrderGrouping.PositionTpsl));

        Assert.All(results, r => Assert.Equal(HyperliquidOrderResultKind.Resting, r.Kind));
        using var body = JsonDocument.Parse(host.Server.ExchangeBodies[^1]);
        var action = body.RootElement.GetProperty("action");
        Assert.Equal("positionTpsl", action.GetProperty("grouping").GetString());
        var tp = action.GetProperty("orders")[0];
        Assert.Equal(
            """{"a":1,"b":false,"p":"3610.1","s":"0.01","r":true,"t":{"trigger":{"isMarket":true,"triggerPx":"3800.1","tpsl":"tp"}}}""",
            tp.GetRawText());
    }

    [Fact]
    public async Task Update_leverage_is_accepted_within_the_maximum_and_refused_above_it()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var (_, agent) = host.AddApprovedUser();
        using var _ = agent;

        await host.Exchange.UpdateLeverageAsync(agent, new UpdateLeverageAction(1, 10));
        var error = await Assert.ThrowsAsync<HyperliquidRejectedException>(
            () => host.Exchange.UpdateLeverageAsync(agent, new UpdateLeverageAction(1, 50)));

        Assert.Equal("Invalid leverage value", error.VenueMessage);
    }

    [Fact]
    public async Task An_unapproved_agent_gets_the_exchange_wallet_error_with_a_hint()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        using var stranger = EthereumKey.Generate();

        var error = await Assert.ThrowsAsync<HyperliquidRejectedException>(
            () => host.Exchange.PlaceOrderAsync(stranger, new HyperliquidOrder(1, true, 3000m, 0.01m, false, Gtc)));

        Assert.Equal($"User or API Wallet {stranger.Address.ToLowerHex()} does not exist.", error.VenueMessage);
        Assert.Contains("agent wallet is not approved for this user", error.Hint);
        Assert.Contains("network is wrong", error.Hint);
        Assert.Contains(error.VenueMessage, error.Message);
        Assert.Empty(host.Server.Orders);
    }

    [Fact]
    public async Task Signing_for_the_wrong_network_recovers_a_different_wallet_and_is_refused()
    {
        await using var host = await HyperliquidTestHost.StartAsync(serverNetwork: HyperliquidNetwork.Mainnet, clientNetwork: HyperliquidNetwork.Testnet);
        var (_, agent) = host.AddApprovedUser();
        using var _ = agent;

        var error = await Assert.ThrowsAsync<HyperliquidRejectedException>(
            () => host.Exchange.PlaceOrderAsync(agent, new HyperliquidOrder(1, true, 3000m, 0.01m, false, Gtc)));

        Assert.Matches("^User or API Wallet 0x[0-9a-f]{40} does not exist\\.$", error.VenueMessage);
        Assert.DoesNotContain(agent.Address.ToLowerHex(), error.VenueMessage);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public async Task A_user_approves_an_agent_with_a_user_signed_action_and_the_agent_can_then_trade()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        using var user = EthereumKey.Generate();
        using var agent = EthereumKey.Generate();
        host.Server.AddUser(user.Address.ToLowerHex(), 1_000m);
        var order = new HyperliquidOrder(1, true, 3000m, 0.01m, false, Gtc);
        await Assert.ThrowsAsync<HyperliquidRejectedException>(() => host.Exchange.PlaceOrderAsync(agent, order));

        await host.Exchange.SendUserSignedAsync(user, new ApproveAgentAction(agent.Address, "maxxit", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        var result = await host.Exchange.PlaceOrderAsync(agent, order);

        Assert.Equal(HyperliquidOrderResultKind.Resting, result.Kind);
        Assert.Equal(user.Address.ToLowerHex(), Assert.Single(host.Server.Orders).User);
        using var body = JsonDocument.Parse(host.Server.ExchangeBodies.Single(b => b.Contains("approveAgent")));
        var action = body.RootElement.GetProperty("action");
        Assert.Equal("0x66eee", action.GetProperty("signatureChainId").GetString());
        Assert.Equal("Testnet", action.GetProperty("hyperliquidChain").GetString());
        Assert.Equal("maxxit", action.GetProperty("agentName").GetString());
    }

    [Fact]
    public async Task An_agent_cannot_approve_another_agent()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var (_, agent) = host.AddApprovedUser();
        using var _ = agent;
        using var second = EthereumKey.Generate();

        var error = await Assert.ThrowsAsync<HyperliquidRejectedException>(
            () => host.Exchange.SendUserSignedAsync(agent, new ApproveAgentAction(second.Address, null, 1)));

        Assert.Contains(agent.Address.ToLowerHex(), error.VenueMessage);
    }

    [Fact]
    public async Task Exchange_requests_are_never_retried()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var (_, agent) = host.AddApprovedUser();
        using var _ = agent;
        host.Server.FailNextExchangeRequests(1, HttpStatusCode.ServiceUnavailable);

        var error = await Assert.ThrowsAsync<HyperliquidApiException>(
            () => host.Exchange.PlaceOrderAsync(agent, new HyperliquidOrder(1, true, 3000m, 0.01m, false, Gtc)));

        Assert.True(error.IsTransient);
        Assert.Single(host.Server.ExchangeBodies);
        Assert.Empty(host.Server.Orders);
    }

    [Fact]
    public async Task Concurrent_orders_by_one_agent_get_distinct_increasing_nonces_and_all_verify()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var (_, agent) = host.AddApprovedUser();
        using var _ = agent;

        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            host.Exchange.PlaceOrderAsync(agent, new HyperliquidOrder(1, true, 3000m + i, 0.01m, false, Gtc))));

        Assert.All(results, r => Assert.Equal(HyperliquidOrderResultKind.Resting, r.Kind));
        var nonces = host.Server.Nonces.Select(n => n.Nonce).ToList();
        Assert.Equal(24, nonces.Distinct().Count());
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Assert.All(nonces, n => Assert.InRange(n, now - 60_000, now + 60_000));
    }
}
