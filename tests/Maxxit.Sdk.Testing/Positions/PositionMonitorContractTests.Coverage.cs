using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Testing.Positions;

public abstract partial class PositionMonitorContractTests
{
    [Fact]
    public async Task A_pass_checks_every_position_over_many_small_pages_and_closes_the_oldest_too()
    {
        // Pages of 3 over 11 positions on two markets, alternating row by row, with ties on opened_at.
        Options.PageSize = 3;
        Prices.SetPrice(Venue.Hyperliquid, "ETH", 3000m);
        Prices.SetPrice(Venue.Ostium, "BTC", 100_000m);
        var agent = await NewAgentAsync();
        var ethSignal = await NewSignalAsync(agent.Id, "ETH", TradeSide.Long, new RiskModel.StopLoss(0.05m), 1m);
        var btcSignal = await NewSignalAsync(agent.Id, "BTC", TradeSide.Short, new RiskModel.StopLoss(0.05m), 1m);
        var eth = new List<Position>();
        var btc = new List<Position>();
        for (var i = 0; i < 11; i++)
        {
            var deployment = await NewDeploymentAsync(agent.Id, i);
            if (i % 2 == 0)
            {
                eth.Add(await OpenAsync(ethSignal, deployment));
            }
            else
            {
                btc.Add(await OpenAsync(btcSignal, deployment, Venue.Ostium));
            }

            if (i % 3 == 0)
            {
                Time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        var host = NewHost();
        var quiet = await StepAsync(host, 2900m);
        Assert.Equal((11, 0, 0), (quiet.Checked, quiet.Closed.Count, quiet.Skipped));

        // ETH crosses its stop (2850), BTC does not: exactly the ETH positions close, the oldest among them.
        var pass = await StepAsync(host, 2850m);
        Assert.Equal(11, pass.Checked);
        Assert.Equal(eth.Select(p => p.Id).Order(), pass.Closed.Select(p => p.Id).Order());
        Assert.Contains(pass.Closed, p => p.Id == eth[0].Id);
        Assert.All(pass.Closed, p => Assert.Equal(CloseReason.StopLoss, p.CloseReason));
        foreach (var position in btc)
        {
            Assert.Equal(PositionStatus.Open, (await ReloadAsync(position.Id)).Status);
        }

        var after = await StepAsync(host, 2850m);
        Assert.Equal((btc.Count, 0), (after.Checked, after.Closed.Count));
    }

    [Fact]
    public async Task Sharded_monitors_split_the_positions_save_each_moved_best_and_close_each_once()
    {
        Prices.SetPrice(Venue.Hyperliquid, "ETH", 3000m);
        var agent = await NewAgentAsync();
        var signal = await NewSignalAsync(agent.Id, "ETH", TradeSide.Long, RiskModel.Trailing(0.03m), 1m);
        var positions = new List<Position>();
        for (var i = 0; i < 24; i++)
        {
            positions.Add(await OpenAsync(signal, await NewDeploymentAsync(agent.Id, i)));
        }

        var hosts = Enumerable.Range(0, 2)
            .Select(shard => new MonitorHost(Store, [Hyperliquid, Ostium], Time, new PositionMonitorOptions { Interval = Interval, PageSize = 2, ShardCount = 2, ShardIndex = shard }))
            .ToList();

        // The best moves to 3100: every position's new best is saved by the one host whose shard holds it.
        Prices.SetPrice(Venue.Hyperliquid, "ETH", 3100m);
        Time.Advance(Interval);
        var raise = new[] { await hosts[0].Monitor.RunOnceAsync(Ct), await hosts[1].Monitor.RunOnceAsync(Ct) };
        Assert.Equal(24, raise.Sum(r => r.Checked));
        Assert.Equal(24, raise.Sum(r => r.BestPriceUpdates));
        Assert.All(raise, r => Assert.InRange(r.Checked, 1, 23));
        foreach (var position in positions)
        {
            Assert.Equal(3100m, (await ReloadAsync(position.Id)).Trailing!.BestPrice);
        }

        // Unchanged price: nothing is written.
        Time.Advance(Interval);
        var unchanged = new[] { await hosts[0].Monitor.RunOnceAsync(Ct), await hosts[1].Monitor.RunOnceAsync(Ct) };
        Assert.Equal((24, 0), (unchanged.Sum(r => r.Checked), unchanged.Sum(r => r.BestPriceUpdates)));

        // 3100 × 0.97 = 3007: every position closes, each on its own shard's host.
        Prices.SetPrice(Venue.Hyperliquid, "ETH", 3007m);
        Time.Advance(Interval);
        var close = new[] { await hosts[0].Monitor.RunOnceAsync(Ct), await hosts[1].Monitor.RunOnceAsync(Ct) };
        var closed = close.SelectMany(c => c.Closed).Select(p => p.Id).ToList();
        Assert.Equal(positions.Select(p => p.Id).Order(), closed.Order());
        Assert.Equal(raise.Select(r => r.Checked), close.Select(c => c.Closed.Count));
        Assert.Equal(24, Hyperliquid.Paper.ClosesFilled);
    }
}
