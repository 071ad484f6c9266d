using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Ostium.Tests.Fakes;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Venues;
using static Maxxit.Sdk.Ostium.Tests.OstiumTestKit;

namespace Maxxit.Sdk.Ostium.Tests;

public sealed class OstiumVenuePositionTests : IAsyncLifetime
{
    private readonly FakeOstiumNode _node = new();

    public Task InitializeAsync()
    {
        _node.AllowedSenders.Add(Agent);
        _node.Delegations[Trader] = Agent;
        _node.OpenTrades.Add(("501", 5, 0, true, "50000000", "500", "4600000000000000000000", Trader));
        _node.OpenTrades.Add(("502", 5, 2, true, "100000000", "500", "4650750000000000000000", Trader));
        _node.OpenTrades.Add(("503", 1, 0, false, "20000000", "1000", "3000000000000000000000", Trader));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Open_trades_become_positions_with_symbol_side_size_and_pair_reference()
    {
        var (venue, keys) = Venue(_node);

        var positions = await venue.GetOpenPositionsAsync(Deployment(keys, Trader), default);

        Assert.Equal(3, positions.Count);
        var eth = positions.Single(p => p.Symbol == "ETH");
        Assert.Equal(TradeSide.Short, eth.Side);
        Assert.Equal(3000m, eth.EntryPrice);
        Assert.Equal(200m / 3000m, eth.Quantity, 12);
        Assert.Equal("trade:1:0:503", eth.VenueReference);
        Assert.Equal(["trade:5:0:501", "trade:5:2:502"], positions.Where(p => p.Symbol == "XAU").Select(p => p.VenueReference).Order());
    }

    [Fact]
    public async Task Close_targets_the_stored_trade_and_sends_closeTradeMarket_through_delegatedAction_as_a_pending_order()
    {
        var (venue, keys) = Venue(_node);
        var deployment = Deployment(keys, Trader);
        var xau = await MarketAsync(venue, "XAU");
        var position = new Position
        {
            Id = Guid.NewGuid(),
            DeploymentId = deployment.Id,
            SignalId = Guid.NewGuid(),
            Venue = Venue.Ostium,
            TokenSymbol = "XAU",
            Side = TradeSide.Long,
            CollateralUsd = 50m,
            Leverage = 5m,
            Status = PositionStatus.Open,
            ClientOrderId = "0x01",
            VenueOrderId = "trade:5:2:502",
            OpenedAt = DateTimeOffset.UnixEpoch,
        };

        var result = await venue.ClosePositionAsync(new CloseRequest { Position = position, Deployment = deployment, Market = xau, ClientOrderId = ClientOrderId.For(position.SignalId, deployment.Id, ClientOrderId.Close), TriggerPrice = 4700m }, default);

        Assert.Empty(_node.Violations);
        var tx = Assert.Single(_node.Received);
        Assert.Equal("closeTradeMarket", tx.Kind);
        Assert.Equal(Trader, tx.DelegatedFor);
        Assert.Equal(new Sdk.Ostium.Contracts.CloseTradeMarketCall(5, 2, 10_000, Sdk.Ostium.Contracts.OstiumUnits.Price(4700m), 200), tx.Close);
        Assert.Equal("1001", result.VenueOrderId);
        Assert.Equal(OrderStatus.Pending, result.Status);
        Assert.Equal(4700m, result.ExitPrice);
        Assert.Equal(0m, result.ClosedQuantity);
    }

    [Theory]
    [InlineData("trade:0:0:999", "the slot is empty")]
    [InlineData("trade:5:2:777", "the slot now holds trade 502")]
    public async Task Close_of_a_trade_no_longer_in_its_slot_is_a_typed_error_and_sends_nothing(string reference, string detail)
    {
        var (venue, keys) = Venue(_node);
        var deployment = Deployment(keys, Trader);
        var market = await MarketAsync(venue, reference.StartsWith("trade:0", StringComparison.Ordinal) ? "BTC" : "XAU");
        var position = Position(deployment, market.Symbol, reference);

        var error = await Assert.ThrowsAsync<OstiumTradeNotFoundException>(async () =>
            await venue.ClosePositionAsync(new CloseRequest { Position = position, Deployment = deployment, Market = market, ClientOrderId = "0x02" }, default));

        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _node.SendCount);
    }

    [Fact]
    public async Task Close_without_a_trade_reference_never_guesses_a_trade()
    {
        var (venue, keys) = Venue(_node);
        var deployment = Deployment(keys, Trader);
        var xau = await MarketAsync(venue, "XAU");

        var error = await Assert.ThrowsAsync<Errors.VenueException>(async () =>
            await venue.ClosePositionAsync(new CloseRequest { Position = Position(deployment, "XAU", "tx:0xabc"), Deployment = deployment, Market = xau, ClientOrderId = "0x02" }, default));

        Assert.IsNotType<OstiumTradeNotFoundException>(error);
        Assert.Contains("no Ostium trade reference", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _node.SendCount);
    }

    [Fact]
    public async Task A_close_already_pending_on_chain_is_returned_not_sent_again()
    {
        var (venue, keys) = Venue(_node);
        var deployment = Deployment(keys, Trader);
        var xau = await MarketAsync(venue, "XAU");
        _node.Oracle = new OracleOutcome(Silent: true);
        var request = new CloseRequest { Position = Position(deployment, "XAU", "trade:5:2:502"), Deployment = deployment, Market = xau, ClientOrderId = ClientOrderId.ForClose(Guid.NewGuid(), 1), TriggerPrice = 4700m };
        var first = await venue.ClosePositionAsync(request, default);

        var retry = await venue.ClosePositionAsync(request with { ClientOrderId = ClientOrderId.ForClose(Guid.NewGuid(), 2) }, default);

        Assert.Equal(1, _node.SendCount);
        Assert.Equal(first.VenueOrderId, retry.VenueOrderId);
        Assert.Equal(OrderStatus.Pending, retry.Status);
    }

    private static Position Position(Agents.AgentDeployment deployment, string symbol, string? venueOrderId) => new()
    {
        Id = Guid.NewGuid(),
        DeploymentId = deployment.Id,
        SignalId = Guid.NewGuid(),
        Venue = Venue.Ostium,
        TokenSymbol = symbol,
        Side = TradeSide.Long,
        Quantity = 0.05m,
        Status = PositionStatus.Open,
        ClientOrderId = "0x01",
        VenueOrderId = venueOrderId,
        OpenedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public async Task A_journaled_close_is_followed_not_resent()
    {
        var (venue, keys) = Venue(_node);
        var deployment = Deployment(keys, Trader);
        var journal = new RecordingJournal(_node);
        _node.Allowances[(Trader, FakeOstiumNode.TradingStorage)] = FakeOstiumNode.OracleFee;
        var first = await venue.CloseTradeAsync(deployment, 5, 2, 50m, 4700m, journal, default);

        var again = await venue.CloseTradeAsync(deployment, 5, 2, 50m, 4700m, new RecordingJournal(_node, first.TransactionHash), default);

        Assert.Equal(1, _node.SendCount);
        Assert.Equal(first, again);
        Assert.Equal((ushort)5000, Assert.Single(_node.Received).Close!.ClosePercentage);
    }

    [Fact]
    public async Task A_partial_close_as_a_delegate_without_the_oracle_fee_allowance_is_refused_naming_the_approval()
    {
        var (venue, keys) = Venue(_node);

        var error = await Assert.ThrowsAsync<Errors.VenueException>(() =>
            venue.CloseTradeAsync(Deployment(keys, Trader), 5, 2, 50m, 4700m, new RecordingJournal(_node), default));

        Assert.Contains("oracle fee 0.25 USDC", error.Message, StringComparison.Ordinal);
        Assert.Contains("approve TradingStorage", error.Hint, StringComparison.Ordinal);
        Assert.Equal(0, _node.SendCount);
    }

    [Fact]
    public async Task A_partial_close_with_the_users_own_key_approves_the_oracle_fee_first()
    {
        _node.OpenTrades.Add(("504", 5, 0, true, "100000000", "500", "4650750000000000000000", Agent));
        var (venue, keys) = Venue(_node);

        var close = await venue.CloseTradeAsync(Deployment(keys, Agent), 5, 0, 25m, 4700m, new RecordingJournal(_node), default);

        Assert.Collection(
            _node.Received,
            approve =>
            {
                Assert.Equal("approve", approve.Kind);
                Assert.Equal(FakeOstiumNode.TradingStorage, approve.ApproveSpender);
                Assert.Equal(FakeOstiumNode.OracleFee, approve.ApproveAmount);
            },
            partial => Assert.Equal((ushort)2500, partial.Close!.ClosePercentage));
        Assert.Equal("1001", close.OrderId);
        Assert.Empty(_node.Violations);
    }

    [Fact]
    public async Task A_full_close_needs_no_allowance()
    {
        var (venue, keys) = Venue(_node);

        await venue.CloseTradeAsync(Deployment(keys, Trader), 5, 2, 100m, 4700m, null, default);

        Assert.Equal("closeTradeMarket", Assert.Single(_node.Received).Kind);
    }

    [Theory]
    [InlineData(5, 1, 0, 10, "close_percent")]
    [InlineData(5, 1, 101, 10, "close_percent")]
    [InlineData(5, 1, 50, 0, "market_price")]
    [InlineData(70000, 1, 50, 10, "pair_index")]
    [InlineData(5, 300, 50, 10, "trade_index")]
    public async Task Close_arguments_are_validated(int pairIndex, int tradeIndex, int closePercent, int price, string field)
    {
        var (venue, keys) = Venue(_node);

        var error = await Assert.ThrowsAsync<Errors.MaxxitValidationException>(() =>
            venue.CloseTradeAsync(Deployment(keys, Trader), pairIndex, tradeIndex, closePercent, price, null, default));

        Assert.Equal(field, error.Field);
        Assert.Equal(0, _node.SendCount);
    }
}
