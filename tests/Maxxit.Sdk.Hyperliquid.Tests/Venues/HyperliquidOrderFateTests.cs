using System.Globalization;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Hyperliquid.Exchange;
using Maxxit.Sdk.Hyperliquid.Tests.Fakes;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Venues;

namespace Maxxit.Sdk.Hyperliquid.Tests.Venues;

/// <summary>Fill confirmation by cloid (orderStatus), unfilled IOC orders and closes, and positions the account no longer holds.</summary>
public sealed class HyperliquidOrderFateTests
{
    [Fact]
    public async Task A_filled_order_reports_the_real_size_average_price_and_fee()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var scenario = await VenueScenario.CreateAsync(host);
        var (request, market) = await OpenRequestAsync(host, scenario, "ETH", TradeSide.Long, 10m);
        await host.Venue.PlaceOrderAsync(request, CancellationToken.None);
        var order = Assert.Single(host.Server.Orders);

        var fate = await host.Venue.GetOrderFateAsync(Query(scenario, market, request.ClientOrderId), CancellationToken.None);

        Assert.Equal(OrderFateStatus.Filled, fate.Status);
        Assert.Equal(order.OrigSz, fate.FilledQuantity);
        Assert.Equal(3412.85m, fate.AveragePrice);
        Assert.Equal(decimal.Round(order.OrigSz * 3412.85m * 0.00045m, 6), fate.FeesUsd);
        Assert.Equal(order.Oid.ToString(CultureInfo.InvariantCulture), fate.VenueOrderId);
    }

    [Fact]
    public async Task Fills_without_tid_fee_token_or_cloid_are_still_matched_to_their_order()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        host.Server.LegacyFills = true;
        var scenario = await VenueScenario.CreateAsync(host);
        var (request, market) = await OpenRequestAsync(host, scenario, "SOL", TradeSide.Short, 20m);
        await host.Venue.PlaceOrderAsync(request, CancellationToken.None);
        var order = Assert.Single(host.Server.Orders);

        var fate = await host.Venue.GetOrderFateAsync(Query(scenario, market, request.ClientOrderId), CancellationToken.None);
        var fill = Assert.Single(await host.Info.GetUserFillsByTimeAsync(scenario.User, 0));

        Assert.Null(fill.TradeId);
        Assert.Null(fill.FeeToken);
        Assert.Equal("Open Short", fill.Direction);
        Assert.Equal((order.OrigSz, 187.345m), (fate.FilledQuantity, fate.AveragePrice));
        Assert.Equal(decimal.Round(order.OrigSz * 187.345m * 0.00045m, 6), fate.FeesUsd);
    }

    [Fact]
    public async Task A_resting_order_is_pending_and_once_cancelled_it_is_cancelled_with_the_status_as_reason()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var scenario = await VenueScenario.CreateAsync(host);
        var markets = await host.Venue.GetMarketsAsync(CancellationToken.None);
        var eth = markets.Single(m => m.Symbol == "ETH");
        var asset = (await host.Info.GetMetaAsync()).Single(a => a.Name == "ETH");
        var cloid = ClientOrderId.For(Guid.NewGuid(), scenario.Deployment.Id, ClientOrderId.Open);
        using var agent = EthereumKey.FromHex(scenario.AgentKeyHex);
        await host.Exchange.PlaceOrderAsync(agent, HyperliquidOrders.Limit(asset, isBuy: true, 0.01m, 3000m, TimeInForce.Gtc, clientOrderId: Cloid.Parse(cloid)));

        var resting = await host.Venue.GetOrderFateAsync(Query(scenario, eth, cloid), CancellationToken.None);
        await host.Exchange.CancelByCloidAsync(agent, new CancelByCloidAction([new CancelByCloidRequest(asset.Index, Cloid.Parse(cloid))]));
        var cancelled = await host.Venue.GetOrderFateAsync(Query(scenario, eth, cloid), CancellationToken.None);

        Assert.Equal(OrderFateStatus.Pending, resting.Status);
        Assert.Equal(OrderFateStatus.Cancelled, cancelled.Status);
        Assert.StartsWith("canceled:", cancelled.Reason);
    }

    [Fact]
    public async Task An_ioc_open_that_finds_no_liquidity_throws_the_venue_reason_and_its_fate_is_ioc_cancel_rejected()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var scenario = await VenueScenario.CreateAsync(host);
        var (request, market) = await OpenRequestAsync(host, scenario, "BTC", TradeSide.Long, 5m);
        host.Server.SetLiquidity("BTC", false);

        var refused = await Assert.ThrowsAsync<HyperliquidRejectedException>(() => host.Venue.PlaceOrderAsync(request, CancellationToken.None).AsTask());
        var fate = await host.Venue.GetOrderFateAsync(Query(scenario, market, request.ClientOrderId), CancellationToken.None);
        host.Server.SetLiquidity("BTC", true);
        var sent = host.Server.ExchangeBodies.Count;
        var again = await Assert.ThrowsAsync<HyperliquidRejectedException>(() => host.Venue.PlaceOrderAsync(request, CancellationToken.None).AsTask());

        Assert.Contains("could not immediately match", refused.Message);
        Assert.Equal(OrderFateStatus.Cancelled, fate.Status);
        Assert.StartsWith("iocCancelRejected:", fate.Reason);
        Assert.Equal("iocCancelRejected", Assert.Single(host.Server.Orders).Status);
        Assert.Contains("iocCancelRejected", again.Message);
        Assert.Equal(sent, host.Server.ExchangeBodies.Count);
    }

    [Fact]
    public async Task An_order_the_exchange_never_saw_is_unknown()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var scenario = await VenueScenario.CreateAsync(host);
        var markets = await host.Venue.GetMarketsAsync(CancellationToken.None);

        var fate = await host.Venue.GetOrderFateAsync(
            Query(scenario, markets[0], ClientOrderId.For(Guid.NewGuid(), scenario.Deployment.Id, ClientOrderId.Open)), CancellationToken.None);

        Assert.Equal(OrderFateStatus.Unknown, fate.Status);
        Assert.StartsWith("unknownOid:", fate.Reason);
    }

    [Fact]
    public async Task An_unfilled_ioc_close_is_refused_and_the_next_attempt_id_closes_the_position()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var scenario = await VenueScenario.CreateAsync(host);
        var position = await OpenPositionAsync(host, scenario, "ETH", TradeSide.Long);
        var market = (await host.Venue.GetMarketsAsync(CancellationToken.None)).Single(m => m.Symbol == "ETH");
        host.Server.SetLiquidity("ETH", false);
        var first = Close(scenario, market, position, ClientOrderId.ForClose(position.Id, 1));

        var unfilled = await Assert.ThrowsAsync<HyperliquidRejectedException>(() => host.Venue.ClosePositionAsync(first, CancellationToken.None).AsTask());
        host.Server.SetLiquidity("ETH", true);
        var sent = host.Server.ExchangeBodies.Count;
        var sameId = await Assert.ThrowsAsync<HyperliquidRejectedException>(() => host.Venue.ClosePositionAsync(first, CancellationToken.None).AsTask());
        Assert.Equal(sent, host.Server.ExchangeBodies.Count);
        var closed = await host.Venue.ClosePositionAsync(Close(scenario, market, position, ClientOrderId.ForClose(position.Id, 2)), CancellationToken.None);

        Assert.Contains("could not immediately match", unfilled.Message);
        Assert.Contains("iocCancelRejected", sameId.Message);
        Assert.Equal(OrderStatus.Filled, closed.Status);
        Assert.Equal(position.Quantity, closed.ClosedQuantity);
        Assert.Equal(ClientOrderId.ForClose(position.Id, 2), host.Server.Orders.Last().Cloid);
        Assert.Empty(await host.Venue.GetOpenPositionsAsync(scenario.Deployment, CancellationToken.None));
    }

    [Fact]
    public async Task After_a_flip_to_short_closing_the_long_is_position_not_on_venue_and_the_short_is_reported()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var scenario = await VenueScenario.CreateAsync(host);
        var position = await OpenPositionAsync(host, scenario, "ETH", TradeSide.Long);
        var market = (await host.Venue.GetMarketsAsync(CancellationToken.None)).Single(m => m.Symbol == "ETH");
        var asset = (await host.Info.GetMetaAsync()).Single(a => a.Name == "ETH");

        // Sold outside the SDK: twice the long, so the account flips to a short of the same size.
        using (var agent = EthereumKey.FromHex(scenario.AgentKeyHex))
        {
            await host.Exchange.PlaceOrderAsync(agent, HyperliquidOrders.Market(asset, isBuy: false, position.Quantity * 2, 3412.85m, 0.05m));
        }

        var sent = host.Server.ExchangeBodies.Count;
        var error = await Assert.ThrowsAsync<PositionNotOnVenueException>(
            () => host.Venue.ClosePositionAsync(Close(scenario, market, position, ClientOrderId.ForClose(position.Id, 1)), CancellationToken.None).AsTask());
        var flip = (await host.Info.GetUserFillsByTimeAsync(scenario.User, 0)).Last();
        var held = Assert.Single(await host.Venue.GetOpenPositionsAsync(scenario.Deployment, CancellationToken.None));

        Assert.Contains("holds no long ETH position", error.Message);
        Assert.Equal(sent, host.Server.ExchangeBodies.Count);
        Assert.Equal("Long > Short", flip.Direction);
        Assert.Equal(position.Quantity, flip.StartPosition);
        Assert.Equal((TradeSide.Short, position.Quantity), (held.Side, held.Quantity));
    }

    [Fact]
    public async Task The_account_state_reads_without_a_server_time()
    {
        await using var host = await HyperliquidTestHost.StartAsync();
        var scenario = await VenueScenario.CreateAsync(host);
        await OpenPositionAsync(host, scenario, "SOL", TradeSide.Short);

        var state = await host.Info.GetClearinghouseStateAsync(scenario.User);

        Assert.Null(state.Time);
        Assert.Equal(TradeSide.Short, Assert.Single(state.Positions).Size < 0m ? TradeSide.Short : TradeSide.Long);
    }

    private static async Task<(OrderRequest Request, MarketInfo Market)> OpenRequestAsync(
        HyperliquidTestHost host, VenueScenario scenario, string symbol, TradeSide side, decimal percent)
    {
        var market = (await host.Venue.GetMarketsAsync(CancellationToken.None)).Single(m => m.Symbol == symbol);
        var signalId = Guid.NewGuid();
        return (new OrderRequest
        {
            SignalId = signalId,
            Deployment = scenario.Deployment,
            ClientOrderId = ClientOrderId.For(signalId, scenario.Deployment.Id, ClientOrderId.Open),
            Market = market,
            Side = side,
            SizePercent = percent,
            Leverage = 2m,
            Risk = RiskModel.Trailing(0.03m),
            Journal = NoJournal.Instance,
        }, market);
    }

    private static async Task<Position> OpenPositionAsync(HyperliquidTestHost host, VenueScenario scenario, string symbol, TradeSide side)
    {
        var (request, _) = await OpenRequestAsync(host, scenario, symbol, side, 10m);
        var result = await host.Venue.PlaceOrderAsync(request, CancellationToken.None);
        return new Position
        {
            Id = Guid.NewGuid(),
            DeploymentId = scenario.Deployment.Id,
            SignalId = request.SignalId,
            Venue = Sdk.Venue.Hyperliquid,
            TokenSymbol = symbol,
            Side = side,
            Quantity = result.FilledQuantity,
            EntryPrice = result.AveragePrice,
            Leverage = 2m,
            Status = PositionStatus.Open,
            ClientOrderId = request.ClientOrderId,
            VenueOrderId = result.VenueOrderId,
            OpenedAt = DateTimeOffset.UtcNow,
        };
    }

    private static CloseRequest Close(VenueScenario scenario, MarketInfo market, Position position, string clientOrderId) => new()
    {
        Position = position,
        Deployment = scenario.Deployment,
        Market = market,
        ClientOrderId = clientOrderId,
    };

    private static OrderFateQuery Query(VenueScenario scenario, MarketInfo market, string clientOrderId) => new()
    {
        Position = new Position
        {
            Id = Guid.NewGuid(),
            DeploymentId = scenario.Deployment.Id,
            SignalId = Guid.NewGuid(),
            Venue = Sdk.Venue.Hyperliquid,
            TokenSymbol = market.Symbol,
            Side = TradeSide.Long,
            Status = PositionStatus.PendingFill,
            ClientOrderId = clientOrderId,
            OpenedAt = DateTimeOffset.UtcNow,
        },
        Deployment = scenario.Deployment,
        Market = market,
        Purpose = OrderPurpose.Open,
        ClientOrderId = clientOrderId,
    };

    private sealed class NoJournal : IOrderJournal
    {
        public static readonly NoJournal Instance = new();

        public string? PriorSubmissionId => null;

        public ValueTask RecordSubmissionAsync(string submissionId, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
