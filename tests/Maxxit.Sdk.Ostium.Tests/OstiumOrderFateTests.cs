using System.Numerics;
using AgentDeployment = Maxxit.Sdk.Agents.AgentDeployment;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Ostium.Contracts;
using Maxxit.Sdk.Ostium.Orders;
using Maxxit.Sdk.Ostium.Tests.Fakes;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Venues;
using static Maxxit.Sdk.Ostium.Tests.OstiumTestKit;

namespace Maxxit.Sdk.Ostium.Tests;

/// <summary>
/// Fill confirmation against the contracts' own events: the fake node emits them from the callbacks and Trading
/// addresses exactly as declared, and the adapter finds them with eth_getLogs.
/// </summary>
public sealed class OstiumOrderFateTests : IAsyncLifetime
{
    private readonly FakeOstiumNode _node = new();
    private OstiumVenue _venue = null!;
    private AgentDeployment _deployment = null!;
    private MarketInfo _xau = null!;

    public async Task InitializeAsync()
    {
        _node.AllowedSenders.Add(Agent);
        _node.FundTrader(Trader, 1_000m, allowance: 10_000m);
        _node.Delegations[Trader] = Agent;
        var (venue, keys) = Venue(_node);
        _venue = venue;
        _deployment = Deployment(keys, Trader);
        _xau = await MarketAsync(venue, "XAU");
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task An_executed_open_is_filled_at_the_oracles_price_not_the_requested_one_with_its_trade_and_fees()
    {
        _node.Oracle = new OracleOutcome(ExecutionPrice: 4652.10m);
        var journal = new RecordingJournal(_node);

        var placed = await _venue.PlaceOrderAsync(Order(_deployment, _xau, journal), default);
        var fate = await FateAsync(Stored(placed, journal), OrderPurpose.Open);

        Assert.Equal(OrderStatus.Pending, placed.Status);
        Assert.Equal(4650.75m, placed.AveragePrice);
        Assert.Equal(OrderFateStatus.Filled, fate.Status);
        Assert.Equal(4652.10m, fate.AveragePrice);

        // Opening fees (0.03 % dev + 0.02 % vault of the 500 USD position) come out of the 100 USDC collateral.
        Assert.Equal(0.25m, fate.FeesUsd);
        Assert.Equal(99.75m, fate.CollateralUsd);
        Assert.Equal(decimal.Round(99.75m * 5m / 4652.10m, 12), decimal.Round(fate.FilledQuantity, 12));
        Assert.Equal("trade:5:0:1001", fate.VenueOrderId);
        Assert.Equal(1, _node.SendCount);
    }

    // Every reason the open callback can give: TradingCallbacksLib.getOpenTradeMarketCancelReason, plus
    // DAY_TRADE_NOT_ALLOWED from OstiumTradingCallbacks.isDayTradeClosed.
    [Theory]
    [InlineData(OstiumCancelReason.Paused, "PAUSED")]
    [InlineData(OstiumCancelReason.MarketClosed, "MARKET_CLOSED")]
    [InlineData(OstiumCancelReason.Slippage, "SLIPPAGE")]
    [InlineData(OstiumCancelReason.TpReached, "TP_REACHED")]
    [InlineData(OstiumCancelReason.SlReached, "SL_REACHED")]
    [InlineData(OstiumCancelReason.ExposureLimits, "EXPOSURE_LIMITS")]
    [InlineData(OstiumCancelReason.PriceImpact, "PRICE_IMPACT")]
    [InlineData(OstiumCancelReason.MaxLeverage, "MAX_LEVERAGE")]
    [InlineData(OstiumCancelReason.DayTradeNotAllowed, "DAY_TRADE_NOT_ALLOWED")]
    public async Task A_cancelled_open_is_cancelled_with_the_contracts_reason_and_the_oracle_fee_kept(OstiumCancelReason reason, string name)
    {
        _node.Oracle = new OracleOutcome(Cancel: reason);
        var journal = new RecordingJournal(_node);

        var placed = await _venue.PlaceOrderAsync(Order(_deployment, _xau, journal), default);
        var fate = await FateAsync(Stored(placed, journal), OrderPurpose.Open);

        Assert.Equal(OrderFateStatus.Cancelled, fate.Status);
        Assert.Contains(": " + name + ";", fate.Reason, StringComparison.Ordinal);
        Assert.Contains("oracle fee 0.25 USDC", fate.Reason, StringComparison.Ordinal);
        Assert.Equal(0m, fate.FilledQuantity);
        Assert.Equal(OstiumUnits.Usdc(999.75m), _node.UsdcBalances[Trader]);
        Assert.Empty(await _venue.GetOpenTradesAsync(Trader.ToString(), default));
    }

    [Fact]
    public async Task An_open_the_oracle_has_not_answered_is_pending()
    {
        _node.Oracle = new OracleOutcome(Silent: true);
        var journal = new RecordingJournal(_node);

        var placed = await _venue.PlaceOrderAsync(Order(_deployment, _xau, journal), default);
        var fate = await FateAsync(Stored(placed, journal), OrderPurpose.Open);

        Assert.Equal(OrderFateStatus.Pending, fate.Status);
        Assert.Contains("waits for the oracle", fate.Reason, StringComparison.Ordinal);
        Assert.Empty(await _venue.SendDueTimeoutsAsync(default));
        Assert.Equal(1, _node.SendCount);

        _node.Answer(new BigInteger(1001), new OracleOutcome());
        Assert.Equal(OrderFateStatus.Filled, (await FateAsync(Stored(placed, journal), OrderPurpose.Open)).Status);
    }

    [Fact]
    public async Task An_open_the_oracle_never_answers_is_timed_out_after_the_contracts_timeout_and_ends_cancelled_with_the_collateral_back()
    {
        _node.Oracle = new OracleOutcome(Silent: true);
        var journal = new RecordingJournal(_node);
        var placed = await _venue.PlaceOrderAsync(Order(_deployment, _xau, journal), default);
        var position = Stored(placed, journal);
        Assert.Equal(OstiumUnits.Usdc(900m), _node.UsdcBalances[Trader]);

        _node.MineBlocks(FakeOstiumNode.MarketOrdersTimeout);
        var due = await FateAsync(position, OrderPurpose.Open);
        var sent = await _venue.SendDueTimeoutsAsync(default);
        var fate = await FateAsync(position, OrderPurpose.Open);

        Assert.Equal(OrderFateStatus.Pending, due.Status);
        Assert.Contains("timeout call is queued", due.Reason, StringComparison.Ordinal);
        Assert.Equal(["1001"], sent);
        var timeout = _node.Received[^1];
        Assert.Equal("openTradeMarketTimeout", timeout.Kind);
        Assert.Equal(Trader, timeout.DelegatedFor);
        Assert.Equal(new BigInteger(1001), timeout.TimeoutOrderId);
        Assert.Equal(OrderFateStatus.Cancelled, fate.Status);
        Assert.Contains("timed out", fate.Reason, StringComparison.Ordinal);
        Assert.Equal(OstiumUnits.Usdc(1_000m), _node.UsdcBalances[Trader]);
        Assert.Empty(_node.Violations);
    }

    [Fact]
    public async Task One_block_before_the_timeout_nothing_is_sent()
    {
        _node.Oracle = new OracleOutcome(Silent: true);
        var journal = new RecordingJournal(_node);
        var placed = await _venue.PlaceOrderAsync(Order(_deployment, _xau, journal), default);

        _node.MineBlocks(FakeOstiumNode.MarketOrdersTimeout - 1);
        var fate = await FateAsync(Stored(placed, journal), OrderPurpose.Open);

        Assert.Equal(OrderFateStatus.Pending, fate.Status);
        Assert.Empty(await _venue.SendDueTimeoutsAsync(default));
        Assert.Equal(1, _node.SendCount);
    }

    [Fact]
    public async Task The_fate_is_found_from_the_journaled_submission_alone()
    {
        var journal = new RecordingJournal(_node);
        var placed = await _venue.PlaceOrderAsync(Order(_deployment, _xau, journal), default);

        var fate = await FateAsync(Stored(placed, journal) with { VenueOrderId = null }, OrderPurpose.Open);

        Assert.Equal(OrderFateStatus.Filled, fate.Status);
        Assert.Equal("trade:5:0:1001", fate.VenueOrderId);
    }

    [Fact]
    public async Task An_executed_close_is_filled_at_the_exit_price_with_rollover_and_funding_fees()
    {
        var open = await OpenExecutedAsync();
        _node.Oracle = new OracleOutcome(ExecutionPrice: 4711.5m);

        var close = await _venue.ClosePositionAsync(CloseOf(open, 1, 4700m), default);
        var fate = await FateAsync(open with { Status = PositionStatus.Closing }, OrderPurpose.Close, close.VenueOrderId);

        Assert.Equal(OrderStatus.Pending, close.Status);
        Assert.Equal("1002", close.VenueOrderId);
        Assert.Equal(OrderFateStatus.Filled, fate.Status);
        Assert.Equal(4711.5m, fate.AveragePrice);
        Assert.Equal(open.Quantity, fate.FilledQuantity);
        Assert.Equal(0.015m, fate.FeesUsd);
        Assert.Null(fate.VenueOrderId);
        Assert.Empty(await _venue.GetOpenTradesAsync(Trader.ToString(), default));
    }

    [Fact]
    public async Task The_close_is_found_from_the_positions_trade_when_the_close_order_id_is_not_given()
    {
        var open = await OpenExecutedAsync();
        await _venue.ClosePositionAsync(CloseOf(open, 1, 4700m), default);

        _node.LogQueryStarts.Clear();
        var fate = await FateAsync(open with { Status = PositionStatus.Closing }, OrderPurpose.Close, venueOrderId: null);

        Assert.Equal(OrderFateStatus.Filled, fate.Status);

        // The search starts at the open's own block (from its journaled transaction), not LogLookbackBlocks back.
        Assert.All(_node.LogQueryStarts, from => Assert.True(from >= 101, $"eth_getLogs from block {from}"));
    }

    [Fact]
    public async Task A_close_retried_after_the_first_one_executed_reports_that_close_and_sends_nothing()
    {
        var open = await OpenExecutedAsync();
        _node.Oracle = new OracleOutcome(ExecutionPrice: 4720m);
        await _venue.ClosePositionAsync(CloseOf(open, 1, 4700m), default);

        var retry = await _venue.ClosePositionAsync(CloseOf(open, 2, 4690m), default);

        Assert.Equal(OrderStatus.Filled, retry.Status);
        Assert.Equal("1002", retry.VenueOrderId);
        Assert.Equal(4720m, retry.ExitPrice);
        Assert.Equal(open.Quantity, retry.ClosedQuantity);
        Assert.Equal(2, _node.SendCount);
    }

    [Fact]
    public async Task A_close_query_carrying_the_opens_submission_still_finds_the_close()
    {
        var open = await OpenExecutedAsync();
        var close = await _venue.ClosePositionAsync(CloseOf(open, 1, 4700m), default);

        var query = new OrderFateQuery
        {
            Position = open,
            Deployment = _deployment,
            Market = _xau,
            Purpose = OrderPurpose.Close,
            ClientOrderId = ClientOrderId.ForClose(open.Id, 1),
            VenueOrderId = close.VenueOrderId,
            SubmissionId = open.SubmissionId,
        };
        var fate = await _venue.GetOrderFateAsync(query, default);
        var hashOnly = await _venue.GetOrderFateAsync(query with { SubmissionId = open.SubmissionId!.Split('|')[0], VenueOrderId = null }, default);

        Assert.Equal(OrderFateStatus.Filled, fate.Status);
        Assert.True(hashOnly.Status == OrderFateStatus.Filled, hashOnly.Reason);
        Assert.Equal(open.Quantity, fate.FilledQuantity);
    }

    // The close callback cancels with NO_TRADE or MARKET_CLOSED (OstiumTradingCallbacks.closeTradeMarketCallback).
    [Theory]
    [InlineData(OstiumCancelReason.MarketClosed, "MARKET_CLOSED")]
    [InlineData(OstiumCancelReason.NoTrade, "NO_TRADE")]
    public async Task A_cancelled_close_is_cancelled_with_the_reason_and_the_trade_stays_open_for_another_attempt(OstiumCancelReason reason, string name)
    {
        var open = await OpenExecutedAsync();
        _node.Oracle = new OracleOutcome(Cancel: reason);

        var close = await _venue.ClosePositionAsync(CloseOf(open, 1, 4700m), default);
        var fate = await FateAsync(open with { Status = PositionStatus.Closing }, OrderPurpose.Close, close.VenueOrderId);

        Assert.Equal(OrderFateStatus.Cancelled, fate.Status);
        Assert.Contains(name, fate.Reason, StringComparison.Ordinal);
        Assert.Single(await _venue.GetOpenTradesAsync(Trader.ToString(), default));
        Assert.False(_node.IsBeingClosed(Trader, 5, 0));

        _node.Oracle = new OracleOutcome();
        var again = await _venue.ClosePositionAsync(CloseOf(open, 2, 4700m), default);
        Assert.Equal(OrderFateStatus.Filled, (await FateAsync(open, OrderPurpose.Close, again.VenueOrderId)).Status);
    }

    [Fact]
    public async Task A_close_the_oracle_never_answers_is_timed_out_and_the_trade_stays_open()
    {
        var open = await OpenExecutedAsync();
        _node.Oracle = new OracleOutcome(Silent: true);
        var close = await _venue.ClosePositionAsync(CloseOf(open, 1, 4700m), default);

        _node.MineBlocks(FakeOstiumNode.MarketOrdersTimeout);
        Assert.Equal(OrderFateStatus.Pending, (await FateAsync(open, OrderPurpose.Close, close.VenueOrderId)).Status);
        Assert.Equal([close.VenueOrderId], await _venue.SendDueTimeoutsAsync(default));
        var fate = await FateAsync(open, OrderPurpose.Close, close.VenueOrderId);

        Assert.Equal("closeTradeMarketTimeout", _node.Received[^1].Kind);
        Assert.Equal(OrderFateStatus.Cancelled, fate.Status);
        Assert.Contains("trade stays open", fate.Reason, StringComparison.Ordinal);
        Assert.Single(await _venue.GetOpenTradesAsync(Trader.ToString(), default));
        Assert.Empty(_node.Violations);
    }

    [Fact]
    public async Task A_node_that_cannot_be_asked_is_a_venue_error_so_fill_confirmation_asks_again()
    {
        var journal = new RecordingJournal(_node);
        var placed = await _venue.PlaceOrderAsync(Order(_deployment, _xau, journal), default);
        _node.FailNextRequests = 100;

        await Assert.ThrowsAsync<Errors.VenueException>(async () => await FateAsync(Stored(placed, journal), OrderPurpose.Open));
    }

    [Fact]
    public async Task A_close_before_the_oracle_answered_the_open_is_retried_later_not_recorded_as_closed_elsewhere()
    {
        _node.Oracle = new OracleOutcome(Silent: true);
        var journal = new RecordingJournal(_node);
        var placed = await _venue.PlaceOrderAsync(Order(_deployment, _xau, journal), default);
        var position = Stored(placed, journal) with { Status = PositionStatus.Open };

        var early = await Assert.ThrowsAsync<Errors.VenueException>(async () => await _venue.ClosePositionAsync(CloseOf(position, 1, 4700m), default));
        _node.Answer(new BigInteger(1001), new OracleOutcome(Cancel: OstiumCancelReason.Slippage));
        var cancelled = await Assert.ThrowsAsync<OstiumTradeNotFoundException>(async () => await _venue.ClosePositionAsync(CloseOf(position, 1, 4700m), default));

        Assert.IsNotAssignableFrom<Errors.PositionNotOnVenueException>(early);
        Assert.Contains("not executed yet", early.Message, StringComparison.Ordinal);
        Assert.Contains("SLIPPAGE", cancelled.Message, StringComparison.Ordinal);
        Assert.Equal(1, _node.SendCount);
    }

    [Fact]
    public async Task A_position_still_holding_the_open_order_id_is_closed_through_the_trade_that_order_created()
    {
        var journal = new RecordingJournal(_node);
        var placed = await _venue.PlaceOrderAsync(Order(_deployment, _xau, journal), default);

        var close = await _venue.ClosePositionAsync(CloseOf(Stored(placed, journal) with { Status = PositionStatus.Open }, 1, 4700m), default);

        Assert.Equal(OrderStatus.Pending, close.Status);
        Assert.Equal(new CloseTradeMarketCall(5, 0, 10_000, OstiumUnits.Price(4700m), 200), _node.Received[^1].Close);
    }

    private async Task<Position> OpenExecutedAsync()
    {
        var journal = new RecordingJournal(_node);
        var placed = await _venue.PlaceOrderAsync(Order(_deployment, _xau, journal), default);
        var fate = await FateAsync(Stored(placed, journal), OrderPurpose.Open);
        Assert.Equal(OrderFateStatus.Filled, fate.Status);
        return Stored(placed, journal) with
        {
            Status = PositionStatus.Open,
            VenueOrderId = fate.VenueOrderId,
            Quantity = fate.FilledQuantity,
            EntryPrice = fate.AveragePrice,
        };
    }

    private CloseRequest CloseOf(Position position, int attempt, decimal price) => new()
    {
        Position = position,
        Deployment = _deployment,
        Market = _xau,
        ClientOrderId = ClientOrderId.ForClose(position.Id, attempt),
        TriggerPrice = price,
    };

    private Position Stored(OrderResult placed, RecordingJournal journal) => new()
    {
        Id = Guid.NewGuid(),
        DeploymentId = _deployment.Id,
        SignalId = Guid.NewGuid(),
        Venue = Sdk.Venue.Ostium,
        TokenSymbol = "XAU",
        Side = TradeSide.Long,
        Status = PositionStatus.PendingFill,
        ClientOrderId = "0x" + new string('a', 32),
        VenueOrderId = placed.VenueOrderId,
        SubmissionId = journal.PriorSubmissionId,
        CollateralUsd = placed.CollateralUsd,
        Leverage = placed.Leverage,
        OpenedAt = DateTimeOffset.UnixEpoch,
    };

    private async Task<OrderFate> FateAsync(Position position, OrderPurpose purpose, string? venueOrderId = null) =>
        await _venue.GetOrderFateAsync(
            new OrderFateQuery
            {
                Position = position,
                Deployment = _deployment,
                Market = _xau,
                Purpose = purpose,
                ClientOrderId = position.ClientOrderId,
                VenueOrderId = purpose == OrderPurpose.Open ? position.VenueOrderId : venueOrderId,
                SubmissionId = purpose == OrderPurpose.Open ? position.SubmissionId : null,
            },
            default);
}
