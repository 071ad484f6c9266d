using System.Text.Json;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Hyperliquid.Tests.Fakes;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Hyperliquid.Tests.Venues;

public sealed class HyperliquidExecutionTests
{
    [Fact]
    public async Task A_signal_executes_on_hyperliquid_with_the_deterministic_cloid_and_a_second_run_sends_nothing()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var scenario = await VenueScenario.CreateAsync(host, accountValue: 10_000m);
        var signal = await scenario.SignalAsync("ETH", TradeSide.Long, 10m);
        var executor = host.Services.GetRequiredService<ITradeExecutor>();

        var first = await executor.ExecuteAsync(signal.Id, CancellationToken.None);

        Assert.Equal(SignalStatus.Executed, first.Status);
        Assert.Equal(Sdk.Venue.Hyperliquid, first.FinalVenue);
        var position = Assert.Single(first.Positions);
        var order = Assert.Single(host.Server.Orders);
        var cloid = ClientOrderId.For(signal.Id, scenario.Deployment.Id, ClientOrderId.Open);
        Assert.Equal(cloid, order.Cloid);
        Assert.Equal(cloid, position.ClientOrderId);
        Assert.Equal(scenario.User, order.User);

        // 10 % of $10,000 at the core's default 2x leverage, at the ETH mid, rounded down to 4 decimals.
        Assert.Equal(PositionStatus.Open, position.Status);
        Assert.Equal(order.Oid.ToString(System.Globalization.CultureInfo.InvariantCulture), position.VenueOrderId);
        Assert.Equal(0.586m, position.Quantity);
        Assert.Equal(3412.85m, position.EntryPrice);
        Assert.Equal(2m, position.Leverage);
        Assert.Equal(decimal.Round(0.586m * 3412.85m * 0.00045m, 6), position.FeesUsd);

        using (var body = JsonDocument.Parse(host.Server.ExchangeBodies.Single(b => b.Contains("\"type\":\"order\""))))
        {
            Assert.Equal(
                $$$"""{"a":1,"b":true,"p":"3583.5","s":"0.586","r":false,"t":{"limit":{"tif":"Ioc"}},"c":"{{{cloid}}}"}""",
                body.RootElement.GetProperty("action").GetProperty("orders")[0].GetRawText());
        }

        Assert.Contains(host.Server.ExchangeBodies, b => b.Contains("\"type\":\"updateLeverage\"") && b.Contains("\"leverage\":2"));
        Assert.DoesNotContain(host.Server.ExchangeBodies, b => b.Contains(scenario.AgentKeyHex[2..], StringComparison.OrdinalIgnoreCase));

        var requestsBefore = host.Server.ExchangeBodies.Count;
        var second = await executor.ExecuteAsync(signal.Id, CancellationToken.None);

        Assert.True(second.AlreadyProcessed);
        Assert.Single(host.Server.Orders);
        Assert.Equal(requestsBefore, host.Server.ExchangeBodies.Count);
    }

    [Fact]
    public async Task When_the_order_response_is_lost_fill_confirmation_finds_the_order_by_cloid_instead_of_placing_another()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await HyperliquidTestHost.StartAsync(time: time);
        var scenario = await VenueScenario.CreateAsync(host);
        var signal = await scenario.SignalAsync("SOL", TradeSide.Short, 20m);
        var executor = host.Services.GetRequiredService<ITradeExecutor>();
        host.Server.LoseNextExchangeResponses(1, "order");

        var first = await executor.ExecuteAsync(signal.Id, CancellationToken.None);

        // The outcome is unknown: the position stays SUBMITTED and is not open in stats.
        var unknown = Assert.Single(first.Deployments);
        Assert.Equal(DeploymentOutcome.Unknown, unknown.Outcome);
        Assert.Equal(PositionStatus.Submitted, unknown.Position!.Status);
        var placed = Assert.Single(host.Server.Orders);
        Assert.Equal("filled", placed.Status);

        // Fill confirmation asks orderStatus by cloid and records the venue's fill; nothing is sent again.
        time.Advance(TimeSpan.FromSeconds(2));
        var position = Assert.Single(await host.Services.GetRequiredService<FillConfirmer>().RunOnceAsync(CancellationToken.None));

        Assert.Equal(PositionStatus.Open, position.Status);
        Assert.Single(host.Server.Orders);
        Assert.Equal(placed.Oid.ToString(System.Globalization.CultureInfo.InvariantCulture), position.VenueOrderId);
        Assert.Equal(placed.OrigSz, position.Quantity);
        Assert.Equal(187.345m, position.EntryPrice);
        Assert.Equal(TradeSide.Short, position.Side);
    }

    [Fact]
    public async Task An_order_below_ten_dollars_is_refused_before_anything_is_sent()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var scenario = await VenueScenario.CreateAsync(host, accountValue: 100m);
        var signal = await scenario.SignalAsync("ETH", TradeSide.Long, 1m);

        var result = await host.Services.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, CancellationToken.None);

        Assert.Equal(SignalStatus.Failed, result.Status);
        Assert.Contains("below the $10 minimum", result.Reason);
        Assert.Empty(host.Server.ExchangeBodies);
    }

    [Fact]
    public async Task An_account_without_collateral_fails_the_signal_with_a_hint_and_sends_nothing()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var scenario = await VenueScenario.CreateAsync(host, accountValue: 0m);
        var signal = await scenario.SignalAsync();

        var result = await host.Services.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, CancellationToken.None);

        Assert.Equal(SignalStatus.Failed, result.Status);
        Assert.Contains($"The account {scenario.User} has no collateral on Hyperliquid Testnet.", result.Reason);
        Assert.Contains("Deposit USDC", result.Reason);
        Assert.Empty(host.Server.ExchangeBodies);
    }

    [Fact]
    public async Task An_agent_wallet_the_user_never_approved_fails_the_signal_with_the_exchange_text_and_the_hint()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var scenario = await VenueScenario.CreateAsync(host, approved: false);
        var signal = await scenario.SignalAsync();

        var result = await host.Services.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, CancellationToken.None);

        Assert.Equal(SignalStatus.Failed, result.Status);
        var agentAddress = scenario.Deployment.AgentWallets[Sdk.Venue.Hyperliquid].Address.ToLowerInvariant();
        Assert.Contains($"User or API Wallet {agentAddress} does not exist.", result.Reason);
        Assert.Contains("not approved for this user", result.Reason);
        Assert.Empty(host.Server.Orders);
    }

    [Fact]
    public async Task Closing_sends_one_reduce_only_ioc_with_the_close_cloid_even_when_repeated()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var scenario = await VenueScenario.CreateAsync(host);
        var signal = await scenario.SignalAsync("ETH", TradeSide.Long, 10m);
        var opened = Assert.Single((await host.Services.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, CancellationToken.None)).Positions);
        host.Server.SetMid("ETH", 3500m);
        var request = await CloseRequestAsync(host, scenario, opened);

        var close = await host.Venue.ClosePositionAsync(request, CancellationToken.None);
        var again = await host.Venue.ClosePositionAsync(request, CancellationToken.None);

        var closing = host.Server.Orders.Single(o => o.ReduceOnly);
        Assert.Equal(ClientOrderId.For(signal.Id, scenario.Deployment.Id, ClientOrderId.Close), closing.Cloid);
        Assert.False(closing.IsBuy);
        Assert.Equal("Ioc", closing.Tif);
        Assert.Equal(2, host.Server.Orders.Count);
        Assert.Equal((0.586m, 3500m), (close.ClosedQuantity, close.ExitPrice));
        Assert.Equal(decimal.Round(0.586m * 3500m * 0.00045m, 6), close.FeesUsd);
        Assert.Equal(close, again);
        Assert.Empty(await host.Venue.GetOpenPositionsAsync(scenario.Deployment, CancellationToken.None));
    }

    [Fact]
    public async Task Open_positions_and_prices_come_from_the_account_and_the_mids()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var scenario = await VenueScenario.CreateAsync(host);
        var signal = await scenario.SignalAsync("SOL", TradeSide.Short, 10m);
        await host.Services.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, CancellationToken.None);

        var positions = await host.Venue.GetOpenPositionsAsync(scenario.Deployment, CancellationToken.None);
        var markets = await host.Venue.GetMarketsAsync(CancellationToken.None);

        var sol = Assert.Single(positions);
        Assert.Equal(("SOL", TradeSide.Short, 10.67m, 187.345m), (sol.Symbol, sol.Side, sol.Quantity, sol.EntryPrice));
        Assert.Equal(187.345m, await host.Venue.GetPriceAsync(markets.Single(m => m.Symbol == "SOL"), CancellationToken.None));
    }

    [Fact]
    public async Task Closing_a_position_the_account_no_longer_holds_is_refused_without_sending()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var scenario = await VenueScenario.CreateAsync(host);
        var signal = await scenario.SignalAsync("ETH", TradeSide.Long, 10m);
        var opened = Assert.Single((await host.Services.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, CancellationToken.None)).Positions);
        var request = await CloseRequestAsync(host, scenario, opened with { Side = TradeSide.Short });
        var sent = host.Server.ExchangeBodies.Count;

        var error = await Assert.ThrowsAsync<Errors.PositionNotOnVenueException>(() => host.Venue.ClosePositionAsync(request, CancellationToken.None).AsTask());

        Assert.Contains("holds no short ETH position", error.Message);
        Assert.Equal(sent, host.Server.ExchangeBodies.Count);
    }

    [Fact]
    public async Task Concurrent_calls_with_one_client_order_id_place_one_order()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var scenario = await VenueScenario.CreateAsync(host);
        var markets = await host.Venue.GetMarketsAsync(CancellationToken.None);
        var signalId = Guid.NewGuid();
        var request = new OrderRequest
        {
            SignalId = signalId,
            Deployment = scenario.Deployment,
            ClientOrderId = ClientOrderId.For(signalId, scenario.Deployment.Id, ClientOrderId.Open),
            Market = markets.Single(m => m.Symbol == "BTC"),
            Side = TradeSide.Long,
            SizePercent = 5m,
            Leverage = 3m,
            Risk = RiskModel.Trailing(0.03m),
            Journal = new RecordingJournal(),
        };

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => host.Venue.PlaceOrderAsync(request, CancellationToken.None).AsTask()));
        var later = await host.Venue.PlaceOrderAsync(request, CancellationToken.None);

        var order = Assert.Single(host.Server.Orders);
        Assert.All(results.Append(later), r => Assert.Equal(order.Oid.ToString(System.Globalization.CultureInfo.InvariantCulture), r.VenueOrderId));
        Assert.Equal((0.01544m, 97123.5m, 3m), (later.FilledQuantity, later.AveragePrice, later.Leverage));
    }

    [Fact]
    public async Task Leverage_goes_through_the_cores_limits_floored_to_whole_and_capped_at_the_assets_maximum()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var scenario = await VenueScenario.CreateAsync(host);
        var btc = (await host.Venue.GetMarketsAsync(CancellationToken.None)).Single(m => m.Symbol == "BTC");
        var max = (await host.Venue.GetMarketAsync(btc, CancellationToken.None)).Asset.MaxLeverage;

        Assert.Equal(new VenueLeverageRule(null, 1m), host.Venue.GetLeverageRule(btc));
        var floored = await host.Venue.PlaceOrderAsync(Request(scenario, btc, 2.7m), CancellationToken.None);
        var capped = await host.Venue.PlaceOrderAsync(Request(scenario, btc, max + 7.5m), CancellationToken.None);

        Assert.Equal((2m, max), (floored.Leverage, capped.Leverage));
        Assert.Contains(host.Server.ExchangeBodies, b => b.Contains("\"type\":\"updateLeverage\"") && b.Contains("\"leverage\":2}"));
        Assert.Contains(host.Server.ExchangeBodies, b => b.Contains("\"type\":\"updateLeverage\"") && b.Contains($"\"leverage\":{max}}}"));
        var below = await Assert.ThrowsAsync<Errors.MaxxitValidationException>(async () =>
            await host.Venue.PlaceOrderAsync(Request(scenario, btc, 0.5m), CancellationToken.None));
        Assert.Equal("leverage", below.Field);
    }

    [Fact]
    public async Task An_agent_key_for_another_address_is_an_agent_key_error_from_the_shared_resolver_and_nothing_is_signed()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var scenario = await VenueScenario.CreateAsync(host);
        var recorded = "0x00000000000000000000000000000000000000d1";
        var deployment = Security.AgentKeyBinding.BindKeys(scenario.Deployment with
        {
            AgentWallets = new Dictionary<Sdk.Venue, Agents.VenueAgentWallet>
            {
                [Sdk.Venue.Hyperliquid] = new(recorded, host.Services.GetRequiredService<Security.IAgentKeyProtector>().Protect(
                    Convert.FromHexString(scenario.AgentKeyHex[2..]), new Security.AgentKeyBinding(scenario.Deployment.UserWallet, Sdk.Venue.Hyperliquid, recorded))),
            },
        });
        var btc = (await host.Venue.GetMarketsAsync(CancellationToken.None)).Single(m => m.Symbol == "BTC");

        var error = await Assert.ThrowsAsync<Security.AgentKeyException>(async () =>
            await host.Venue.PlaceOrderAsync(Request(scenario, btc, 2m) with { Deployment = deployment }, CancellationToken.None));

        Assert.Equal(Security.AgentKeyFailure.AddressMismatch, error.Failure);
        Assert.Contains(recorded, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(scenario.AgentKeyHex[2..18], error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(host.Server.ExchangeBodies);
    }

    private static OrderRequest Request(VenueScenario scenario, Markets.MarketInfo market, decimal leverage)
    {
        var signalId = Guid.NewGuid();
        return new OrderRequest
        {
            SignalId = signalId,
            Deployment = scenario.Deployment,
            ClientOrderId = ClientOrderId.For(signalId, scenario.Deployment.Id, ClientOrderId.Open),
            Market = market,
            Side = TradeSide.Long,
            SizePercent = 5m,
            Leverage = leverage,
            Risk = RiskModel.Trailing(0.03m),
            Journal = new RecordingJournal(),
        };
    }

    private sealed class RecordingJournal : IOrderJournal
    {
        public string? PriorSubmissionId { get; private set; }

        public ValueTask RecordSubmissionAsync(string submissionId, CancellationToken cancellationToken)
        {
            PriorSubmissionId = submissionId;
            return ValueTask.CompletedTask;
        }
    }

    private static async Task<CloseRequest> CloseRequestAsync(HyperliquidTestHost host, VenueScenario scenario, Position position)
    {
        var markets = await host.Venue.GetMarketsAsync(CancellationToken.None);
        return new CloseRequest
        {
            Position = position,
            Deployment = scenario.Deployment,
            Market = markets.Single(m => m.Symbol == position.TokenSymbol),
            ClientOrderId = ClientOrderId.For(position.SignalId, position.DeploymentId, ClientOrderId.Close),
        };
    }
}
