using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Testing.Positions;

public abstract partial class PositionMonitorContractTests
{
    /// <summary>Positions in the two-monitor test (the issue asks for 500).</summary>
    protected virtual int ManyPositions => 500;

    [Fact]
    public async Task Two_monitors_over_many_positions_close_each_exactly_once_with_one_venue_close_each()
    {
        Prices.SetPrice(Venue.Hyperliquid, "ETH", 3000m);
        Prices.SetPrice(Venue.Ostium, "BTC", 100_000m);
        var agent = await NewAgentAsync();
        var retraces = new[] { 0.01m, 0.02m, 0.03m, 0.04m, 0.05m };
        var ethLong = new List<Signal>();
        var btcShort = new List<Signal>();
        foreach (var r in retraces)
        {
            ethLong.Add(await NewSignalAsync(agent.Id, "ETH", TradeSide.Long, RiskModel.Trailing(r), 10m));
            btcShort.Add(await NewSignalAsync(agent.Id, "BTC", TradeSide.Short, RiskModel.Trailing(r), 10m));
        }

        var positions = new List<Position>();
        for (var i = 0; i < ManyPositions; i++)
        {
            var deployment = await NewDeploymentAsync(agent.Id, i);
            positions.Add(i % 2 == 0
                ? await OpenAsync(ethLong[i / 2 % retraces.Length], deployment)
                : await OpenAsync(btcShort[i / 2 % retraces.Length], deployment, Maxxit.Sdk.Venue.Ostium));
        }

        var hostA = NewHost();
        var hostB = NewHost();

        // Both hosts raise the bests, then both see prices that cross every stop (5 % from 3300 is 3135; 5 % from 95 000 is 99 750).
        Prices.SetPrice(Venue.Hyperliquid, "ETH", 3300m);
        Prices.SetPrice(Venue.Ostium, "BTC", 95_000m);
        Time.Advance(Interval);
        var raise = await Task.WhenAll(Task.Run(() => hostA.Monitor.RunOnceAsync(Ct)), Task.Run(() => hostB.Monitor.RunOnceAsync(Ct)));
        Assert.All(raise, r => Assert.Empty(r.Closed));

        Prices.SetPrice(Venue.Hyperliquid, "ETH", 3100m);
        Prices.SetPrice(Venue.Ostium, "BTC", 100_000m);
        Time.Advance(Interval);
        var passes = await Task.WhenAll(Task.Run(() => hostA.Monitor.RunOnceAsync(Ct)), Task.Run(() => hostB.Monitor.RunOnceAsync(Ct)));

        Assert.All(passes, p => Assert.Equal(0, p.Failed));
        var closedIds = passes.SelectMany(p => p.Closed).Select(p => p.Id).ToList();
        Assert.Equal(ManyPositions, closedIds.Count);
        Assert.Equal(ManyPositions, closedIds.Distinct().Count());
        foreach (var position in positions)
        {
            var cloid = ClientOrderId.ForClose(position.Id, 1);
            Assert.Equal(1, VenueOf(position.Venue).CloseCalls.GetValueOrDefault(cloid));
            var stored = await ReloadAsync(position.Id);
            Assert.Equal(PositionStatus.Closed, stored.Status);
            Assert.Equal(CloseReason.TrailingStop, stored.CloseReason);
        }

        Assert.Equal(ManyPositions / 2, Hyperliquid.Paper.ClosesFilled);
        Assert.Equal(ManyPositions - (ManyPositions / 2), Ostium.Paper.ClosesFilled);
        Assert.Equal(0, Hyperliquid.Paper.OpenPositionCount + Ostium.Paper.OpenPositionCount);
        var overview = await Store.GetOverviewAsync(Ct);
        Assert.Equal(ManyPositions, overview.ClosedPositions);
        Assert.Equal(0, overview.OpenPositions);
        var all = await Store.ListPositionsAsync(new PositionQuery(Status: PositionStatus.Closed, Limit: 10_000), Ct);
        Assert.Equal(all.Sum(p => p.Pnl!.Value), overview.TotalPnl);
    }

    [Fact]
    public async Task Two_closers_racing_for_one_position_close_it_once()
    {
        var (_, position) = await OpenOneAsync(TradeSide.Long, RiskModel.Trailing(0.03m));
        var hostA = NewHost();
        var hostB = NewHost();
        await hostA.Catalog.EnsureFreshAsync(Ct);
        await hostB.Catalog.EnsureFreshAsync(Ct);

        var results = await Task.WhenAll(
            Task.Run(() => hostA.Closer.CloseAsync(position.Id, CloseReason.Manual, null, Ct)),
            Task.Run(() => hostB.Closer.CloseAsync(position.Id, CloseReason.Manual, null, Ct)));

        Assert.Single(results, r => r.Outcome == PositionCloseOutcome.Closed);
        Assert.Single(results, r => r.Outcome == PositionCloseOutcome.NotClaimed);
        Assert.Equal(1, Hyperliquid.CloseCalls.Values.Sum());
    }

    [Fact]
    public async Task A_crash_between_the_venue_close_and_the_store_update_is_repaired_after_restart_with_one_venue_close()
    {
        var (_, position) = await OpenOneAsync(TradeSide.Long, RiskModel.Trailing(0.03m));
        var host = NewHost();
        await StepAsync(host, 3200m);

        Hyperliquid.CrashAfterNextClose = true;
        var crashed = await StepAsync(host, 3100m);
        Assert.Equal(1, crashed.Failed);
        Assert.Empty(crashed.Closed);
        Assert.Equal(PositionStatus.Closing, (await ReloadAsync(position.Id)).Status);
        Assert.Equal(1, Hyperliquid.Paper.ClosesFilled);

        // Restart: a new host. The price has moved since; the lease has not lapsed yet, so nothing happens.
        var restarted = NewHost();
        var early = await StepAsync(restarted, 3300m);
        Assert.Empty(early.Closed);
        Assert.Equal(PositionStatus.Closing, (await ReloadAsync(position.Id)).Status);

        Time.Advance(Options.CloseLease);
        var repaired = await restarted.Monitor.RunOnceAsync(Ct);

        Assert.Equal(1, repaired.Resumed);
        var stored = await ReloadAsync(position.Id);
        Assert.Equal(PositionStatus.Closed, stored.Status);

        // The venue answered the repeated close id with the first close (at 3100), not a second one at 3300.
        Assert.Equal(3100m, stored.ExitPrice);
        Assert.Equal(CloseReason.TrailingStop, stored.CloseReason);
        Assert.Equal(100m - 1.5m - 1.55m, stored.Pnl);
        Assert.Equal(1, Hyperliquid.Paper.ClosesFilled);
        var cloid = ClientOrderId.ForClose(position.Id, 1);
        Assert.Equal(2, Hyperliquid.CloseCalls[cloid]);
        Assert.Empty((await StepAsync(restarted, 3000m)).Closed);
    }

    [Fact]
    public async Task Run_loop_reconciles_at_start_and_closes_on_its_interval_with_the_time_provider()
    {
        var (_, position) = await OpenOneAsync(TradeSide.Long, RiskModel.Trailing(0.03m));
        var host = NewHost();
        using var cts = new CancellationTokenSource();
        var run = host.Monitor.RunAsync(cts.Token);

        await WaitForAsync(() => Task.FromResult(host.Monitor.LastReconciliation is not null));
        Assert.Equal(1, host.Monitor.LastReconciliation!.Matched);

        Prices.SetPrice(Venue.Hyperliquid, "ETH", 2900m);
        await WaitForAsync(async () =>
        {
            Time.Advance(Interval);
            return (await ReloadAsync(position.Id)).Status == PositionStatus.Closed;
        });

        await cts.CancelAsync();
        await run;
        Assert.Equal(CloseReason.TrailingStop, (await ReloadAsync(position.Id)).CloseReason);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 1500; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(10);
        }

        Assert.Fail("condition not reached");
    }
}
