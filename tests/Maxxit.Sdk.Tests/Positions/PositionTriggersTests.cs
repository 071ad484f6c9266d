using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Maxxit.Sdk.Positions;

namespace Maxxit.Sdk.Tests.Positions;

public sealed class PositionTriggersTests
{
    private static Position Open(TradeSide side, decimal entry, decimal? retrace = null, decimal? sl = null, decimal? tp = null) => new()
    {
        Id = Guid.NewGuid(),
        DeploymentId = Guid.NewGuid(),
        SignalId = Guid.NewGuid(),
        Venue = Venue.Hyperliquid,
        TokenSymbol = "ETH",
        Side = side,
        Quantity = 2m,
        EntryPrice = entry,
        FeesUsd = 3m,
        StopLoss = sl,
        TakeProfit = tp,
        Trailing = retrace is { } r ? new TrailingParams(r, entry) : null,
        Status = PositionStatus.Open,
        ClientOrderId = "0x1",
        OpenedAt = DateTimeOffset.UnixEpoch,
    };

    [Theory]
    [InlineData(TradeSide.Long, 105, 105)]
    [InlineData(TradeSide.Long, 99, null)]
    [InlineData(TradeSide.Short, 95, 95)]
    [InlineData(TradeSide.Short, 101, null)]
    public void Best_improves_only_in_the_positions_favour(TradeSide side, int price, int? newBest)
    {
        var better = PositionTriggers.ImproveBest(Open(side, 100m, 0.03m), price);
        Assert.Equal(newBest, (int?)better?.BestPrice);
    }

    [Fact]
    public void No_trailing_stop_means_no_best_and_no_trailing_level()
    {
        Assert.Null(PositionTriggers.ImproveBest(Open(TradeSide.Long, 100m), 200m));
        Assert.Null(PositionTriggers.TrailingStopPrice(Open(TradeSide.Long, 100m)));
        Assert.Null(PositionTriggers.Evaluate(Open(TradeSide.Long, 100m), 1m));
    }

    [Theory]
    [InlineData(TradeSide.Long, 90, CloseReason.StopLoss)]
    [InlineData(TradeSide.Long, 96, CloseReason.TrailingStop)]
    [InlineData(TradeSide.Long, 120, CloseReason.TakeProfit)]
    [InlineData(TradeSide.Long, 98, null)]
    [InlineData(TradeSide.Short, 110, CloseReason.StopLoss)]
    [InlineData(TradeSide.Short, 104, CloseReason.TrailingStop)]
    [InlineData(TradeSide.Short, 80, CloseReason.TakeProfit)]
    [InlineData(TradeSide.Short, 102, null)]
    public void Each_rule_fires_at_its_level_with_stop_loss_first(TradeSide side, int price, CloseReason? expected)
    {
        // Entry 100, trailing 3 % (97 / 103), stop-loss 95 / 105, take-profit 120 / 80.
        var position = side == TradeSide.Long ? Open(side, 100m, 0.03m, 95m, 120m) : Open(side, 100m, 0.03m, 105m, 80m);
        Assert.Equal(expected, PositionTriggers.Evaluate(position, price));
    }

    [Fact]
    public void Realized_pnl_is_side_aware_and_net_of_open_and_close_fees()
    {
        Assert.Equal((110m - 100m) * 2m - 3m - 1.1m, PositionPnl.Realized(Open(TradeSide.Long, 100m), 110m, 1.1m));
        Assert.Equal((100m - 110m) * 2m - 3m - 1.1m, PositionPnl.Realized(Open(TradeSide.Short, 100m), 110m, 1.1m));
    }

    [Property]
    public Property Trailing_stop_never_fires_before_the_retrace_and_always_fires_at_it(PositiveInt entryCents, PositiveInt retraceBp, bool isLong, PositiveInt moveBp)
    {
        var entry = entryCents.Get / 100m + 0.01m;
        var retrace = Math.Min(retraceBp.Get, 5000) / 10_000m;
        var side = isLong ? TradeSide.Long : TradeSide.Short;
        var position = Open(side, entry, retrace);
        var best = entry * (1m + ((isLong ? 1m : -1m) * Math.Min(moveBp.Get, 5000) / 20_000m));
        position = position with { Trailing = PositionTriggers.ImproveBest(position, best) ?? position.Trailing };
        var stop = PositionTriggers.TrailingStopPrice(position)!.Value;
        var justBefore = isLong ? stop + 0.0001m : stop - 0.0001m;
        var beyond = isLong ? stop - 0.0001m : stop + 0.0001m;
        return (PositionTriggers.Evaluate(position, justBefore) is null
            && PositionTriggers.Evaluate(position, stop) == CloseReason.TrailingStop
            && PositionTriggers.Evaluate(position, beyond) == CloseReason.TrailingStop).ToProperty();
    }
}
