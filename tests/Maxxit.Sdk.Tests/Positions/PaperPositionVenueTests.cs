using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Venues;
using Maxxit.Sdk.Venues.Paper;

namespace Maxxit.Sdk.Tests.Positions;

public sealed class PaperPositionVenueTests
{
    private readonly PaperPriceFeed _prices = new();
    private readonly PaperVenueAdapter _venue;
    private readonly AgentDeployment _deployment = new() { Id = Guid.NewGuid(), AgentId = Guid.NewGuid(), UserWallet = TestServices.Wallet(5), CreatedAt = DateTimeOffset.UnixEpoch };

    public PaperPositionVenueTests() => _venue = new PaperVenueAdapter(Venue.Hyperliquid, _prices, 10_000m, 0.001m);

    private static Maxxit.Sdk.Markets.MarketInfo Eth => PaperMarketData.For(Venue.Hyperliquid).Single(m => m.Symbol == "ETH");

    private async Task<Position> OpenAsync(TradeSide side = TradeSide.Long)
    {
        var signalId = Guid.NewGuid();
        var cloid = ClientOrderId.For(signalId, _deployment.Id, ClientOrderId.Open);
        var order = await _venue.PlaceOrderAsync(new OrderRequest
        {
            SignalId = signalId, Deployment = _deployment, ClientOrderId = cloid, Market = Eth, Side = side, SizePercent = 20m, Leverage = 1m,
            Risk = RiskModel.Trailing(0.03m), Journal = null!,
        }, default);
        return new Position
        {
            Id = Guid.NewGuid(), DeploymentId = _deployment.Id, SignalId = signalId, Venue = Venue.Hyperliquid, TokenSymbol = "ETH", Side = side,
            Quantity = order.FilledQuantity, EntryPrice = order.AveragePrice, Status = PositionStatus.Open, ClientOrderId = cloid, OpenedAt = DateTimeOffset.UnixEpoch,
        };
    }

    private CloseRequest Close(Position p) => new()
    {
        Position = p, Deployment = _deployment, Market = Eth, ClientOrderId = ClientOrderId.For(p.SignalId, p.DeploymentId, ClientOrderId.Close),
    };

    [Fact]
    public async Task Prices_come_from_the_feed()
    {
        Assert.Equal(Eth.ReferencePrice, await _venue.GetPriceAsync(Eth, default));
        _prices.SetPrice(Venue.Hyperliquid, "ETH", 2500m);
        Assert.Equal(2500m, await _venue.GetPriceAsync(Eth, default));
    }

    [Fact]
    public async Task Close_fills_at_the_current_price_once_and_a_repeat_returns_the_first_close()
    {
        _prices.SetPrice(Venue.Hyperliquid, "ETH", 2000m);
        var position = await OpenAsync();
        Assert.Single(await _venue.GetOpenPositionsAsync(_deployment, default));

        _prices.SetPrice(Venue.Hyperliquid, "ETH", 2100m);
        var first = await _venue.ClosePositionAsync(Close(position), default);
        _prices.SetPrice(Venue.Hyperliquid, "ETH", 2200m);
        var again = await _venue.ClosePositionAsync(Close(position), default);

        Assert.Equal(2100m, first.ExitPrice);
        Assert.Equal(1m, first.ClosedQuantity);
        Assert.Equal(2.1m, first.FeesUsd);
        Assert.Same(first, again);
        Assert.Equal(1, _venue.ClosesFilled);
        Assert.Empty(await _venue.GetOpenPositionsAsync(_deployment, default));
    }

    [Fact]
    public async Task Closing_a_position_the_venue_does_not_hold_is_a_position_not_on_venue_error_and_not_remembered()
    {
        _prices.SetPrice(Venue.Hyperliquid, "ETH", 2000m);
        var position = await OpenAsync(TradeSide.Short);
        Assert.Equal(1, _venue.CloseOutsideSdk(_deployment.Id, "ETH"));

        var error = await Assert.ThrowsAsync<PositionNotOnVenueException>(() => _venue.ClosePositionAsync(Close(position), default).AsTask());
        Assert.Contains("no open position", error.Message);
        Assert.Equal(0, _venue.ClosesFilled);
        Assert.Empty(await _venue.GetOpenPositionsAsync(_deployment, default));
    }

    [Fact]
    public async Task Open_positions_are_reported_per_deployment()
    {
        _prices.SetPrice(Venue.Hyperliquid, "ETH", 2000m);
        await OpenAsync();
        var other = _deployment with { Id = Guid.NewGuid() };

        var mine = Assert.Single(await _venue.GetOpenPositionsAsync(_deployment, default));
        Assert.Equal(new VenuePosition("ETH", TradeSide.Long, 1m, 2000m, mine.VenueReference), mine);
        Assert.StartsWith("paper-hyperliquid-", mine.VenueReference);
        Assert.Empty(await _venue.GetOpenPositionsAsync(other, default));
    }
}
