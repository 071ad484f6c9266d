using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Testing.Positions;

public abstract partial class PositionMonitorContractTests
{
    [Fact]
    public async Task Long_trailing_stop_fires_exactly_when_the_retrace_from_the_high_reaches_3_percent()
    {
        var (_, position) = await OpenOneAsync(TradeSide.Long, RiskModel.Trailing(0.03m));
        Assert.Equal(1m, position.Quantity);
        Assert.Equal(1.5m, position.FeesUsd);
        var host = NewHost();

        // Best climbs to 3200: the stop is 3200 × 0.97 = 3104.
        foreach (var price in new[] { 3100m, 3200m, 3150m, 3105m, 3104.01m })
        {
            var pass = await StepAsync(host, price);
            Assert.Empty(pass.Closed);
        }

        Assert.Equal(3200m, (await ReloadAsync(position.Id)).Trailing!.BestPrice);
        Assert.Equal(PositionStatus.Open, (await ReloadAsync(position.Id)).Status);

        var closing = await StepAsync(host, 3104m);
        var closed = Assert.Single(closing.Closed);
        Assert.Equal(position.Id, closed.Id);
        var stored = await ReloadAsync(position.Id);
        Assert.Equal(PositionStatus.Closed, stored.Status);
        Assert.Equal(CloseReason.TrailingStop, stored.CloseReason);
        Assert.Equal(3104m, stored.ExitPrice);

        // (3104 − 3000) × 1 − 1.5 open fee − 3104 × 0.0005 close fee = 104 − 1.5 − 1.552.
        Assert.Equal(100.948m, stored.Pnl);
        Assert.Equal(3.052m, stored.FeesUsd);
        Assert.Equal(Time.GetUtcNow(), stored.ClosedAt);
        Assert.Equal(1, Hyperliquid.Paper.ClosesFilled);
    }

    [Fact]
    public async Task Short_trailing_stop_fires_exactly_when_the_retrace_from_the_low_reaches_3_percent()
    {
        var (_, position) = await OpenOneAsync(TradeSide.Short, RiskModel.Trailing(0.03m));
        var host = NewHost();

        // Best falls to 2800: the stop is 2800 × 1.03 = 2884.
        foreach (var price in new[] { 2900m, 2800m, 2850m, 2883.99m })
        {
            Assert.Empty((await StepAsync(host, price)).Closed);
        }

        Assert.Equal(2800m, (await ReloadAsync(position.Id)).Trailing!.BestPrice);
        Assert.Single((await StepAsync(host, 2884m)).Closed);
        var stored = await ReloadAsync(position.Id);
        Assert.Equal(CloseReason.TrailingStop, stored.CloseReason);
        Assert.Equal(2884m, stored.ExitPrice);

        // (3000 − 2884) × 1 − 1.5 − 2884 × 0.0005 = 116 − 1.5 − 1.442.
        Assert.Equal(113.058m, stored.Pnl);
    }

    [Fact]
    public async Task Best_price_is_saved_only_when_it_improves()
    {
        var (_, position) = await OpenOneAsync(TradeSide.Long, RiskModel.Trailing(0.05m));
        var host = NewHost();

        Assert.Equal(1, (await StepAsync(host, 3010m)).BestPriceUpdates);
        Assert.Equal(0, (await StepAsync(host, 3005m)).BestPriceUpdates);
        Assert.Equal(0, (await StepAsync(host, 3010m)).BestPriceUpdates);
        Assert.Equal(1, (await StepAsync(host, 3020m)).BestPriceUpdates);
        Assert.Equal(3020m, (await ReloadAsync(position.Id)).Trailing!.BestPrice);
    }

    [Fact]
    public async Task Long_stop_loss_fires_at_its_level_and_not_before()
    {
        var (_, position) = await OpenOneAsync(TradeSide.Long, new RiskModel.StopLoss(0.05m));
        Assert.Equal(2850m, position.StopLoss);
        Assert.Null(position.Trailing);
        var host = NewHost();

        foreach (var price in new[] { 3100m, 2900m, 2850.01m })
        {
            Assert.Empty((await StepAsync(host, price)).Closed);
        }

        Assert.Single((await StepAsync(host, 2850m)).Closed);
        var stored = await ReloadAsync(position.Id);
        Assert.Equal(CloseReason.StopLoss, stored.CloseReason);

        // (2850 − 3000) − 1.5 − 1.425.
        Assert.Equal(-152.925m, stored.Pnl);
    }

    [Fact]
    public async Task Short_stop_loss_fires_at_its_level_and_not_before()
    {
        var (_, position) = await OpenOneAsync(TradeSide.Short, new RiskModel.StopLoss(0.02m));
        Assert.Equal(3060m, position.StopLoss);
        var host = NewHost();

        Assert.Empty((await StepAsync(host, 3059.99m)).Closed);
        Assert.Single((await StepAsync(host, 3061m)).Closed);
        var stored = await ReloadAsync(position.Id);
        Assert.Equal(CloseReason.StopLoss, stored.CloseReason);

        // Gap through the level: filled at the price seen, 3061. (3000 − 3061) − 1.5 − 1.5305.
        Assert.Equal(-64.0305m, stored.Pnl);
    }

    [Fact]
    public async Task Long_take_profit_fires_at_its_level_and_not_before()
    {
        var (_, position) = await OpenOneAsync(TradeSide.Long, new RiskModel.TakeProfit(0.05m));
        Assert.Equal(3150m, position.TakeProfit);
        var host = NewHost();

        foreach (var price in new[] { 3100m, 2950m, 3149.99m })
        {
            Assert.Empty((await StepAsync(host, price)).Closed);
        }

        Assert.Single((await StepAsync(host, 3150m)).Closed);
        var stored = await ReloadAsync(position.Id);
        Assert.Equal(CloseReason.TakeProfit, stored.CloseReason);

        // 150 − 1.5 − 1.575.
        Assert.Equal(146.925m, stored.Pnl);
    }

    [Fact]
    public async Task Short_take_profit_fires_at_its_level_and_not_before()
    {
        var (_, position) = await OpenOneAsync(TradeSide.Short, new RiskModel.TakeProfit(0.1m));
        Assert.Equal(2700m, position.TakeProfit);
        var host = NewHost();

        Assert.Empty((await StepAsync(host, 2700.01m)).Closed);
        Assert.Single((await StepAsync(host, 2700m)).Closed);
        var stored = await ReloadAsync(position.Id);
        Assert.Equal(CloseReason.TakeProfit, stored.CloseReason);

        // 300 − 1.5 − 1.35.
        Assert.Equal(297.15m, stored.Pnl);
    }

    [Fact]
    public async Task When_stop_loss_and_trailing_stop_fire_on_the_same_price_the_reason_is_stop_loss()
    {
        // Trailing 2 % from 3000 fires at 2940; the stop-loss is at 2910; a gap to 2900 crosses both.
        var (_, position) = await OpenOneAsync(TradeSide.Long, new RiskModel.TrailingStop(0.02m, StopLoss: 0.03m));
        var host = NewHost();

        Assert.Single((await StepAsync(host, 2900m)).Closed);
        Assert.Equal(CloseReason.StopLoss, (await ReloadAsync(position.Id)).CloseReason);
    }

    [Fact]
    public async Task Manual_close_closes_once_with_reason_manual_and_updates_the_agent_metrics()
    {
        var (agent, position) = await OpenOneAsync(TradeSide.Long, RiskModel.Trailing(0.03m));
        Prices.SetPrice(Maxxit.Sdk.Venue.Hyperliquid, "ETH", 3030m);
        Time.Advance(TimeSpan.FromHours(1));
        var host = NewHost();
        await host.Catalog.EnsureFreshAsync(Ct);

        var first = await host.Closer.CloseAsync(position.Id, CloseReason.Manual, null, Ct);
        var second = await host.Closer.CloseAsync(position.Id, CloseReason.Manual, null, Ct);

        Assert.Equal(PositionCloseOutcome.Closed, first.Outcome);
        Assert.Equal(agent.Id, first.AgentId);
        Assert.Equal(PositionCloseOutcome.NotClaimed, second.Outcome);
        Assert.Equal(PositionStatus.Closed, second.Position!.Status);
        Assert.Equal(CloseReason.Manual, first.Position!.CloseReason);

        // 30 − 1.5 − 1.515.
        Assert.Equal(26.985m, first.Position.Pnl);
        Assert.Equal(1, Hyperliquid.Paper.ClosesFilled);

        var metrics = await host.Metrics.UpdateAsync(agent.Id, Ct);
        Assert.Equal(metrics, (await Store.GetAgentAsync(agent.Id, Ct))!.Metrics);

        // Capital 3000 (one account, one position): 26.985 / 3000 × 365 / 30.
        Assert.Equal(Math.Round(26.985m / 3000m * 365m / 30m, 6), metrics.Apr30d);
    }

    [Fact]
    public async Task Monitor_updates_the_agent_metrics_when_it_closes_positions()
    {
        var (agent, position) = await OpenOneAsync(TradeSide.Long, RiskModel.Trailing(0.03m));
        var host = NewHost();
        await StepAsync(host, 3200m);
        Assert.Null((await Store.GetAgentAsync(agent.Id, Ct))!.Metrics.Apr30d);

        await StepAsync(host, 3100m);

        var stored = await ReloadAsync(position.Id);
        var expected = Maxxit.Sdk.Metrics.AgentMetricsCalculator.Compute([stored], Time.GetUtcNow());
        Assert.NotNull(expected.Apr30d);
        Assert.Equal(expected, (await Store.GetAgentAsync(agent.Id, Ct))!.Metrics);
    }
}
