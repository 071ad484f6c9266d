using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Hyperliquid.Tests.Fakes;
using Maxxit.Sdk.Positions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Hyperliquid.Tests.Venues;

public sealed class HyperliquidMonitorTests
{
    [Fact]
    public async Task The_position_monitor_prices_with_mids_and_closes_a_trailing_stop_with_one_reduce_only_order()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await HyperliquidTestHost.StartAsync(time: time, build: b => b.AddPositionMonitor());
        var scenario = await VenueScenario.CreateAsync(host);
        var signal = await scenario.SignalAsync("ETH", TradeSide.Long, 10m);
        await host.Services.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, CancellationToken.None);
        var monitor = host.Services.GetRequiredService<PositionMonitor>();

        host.Server.SetMid("ETH", 3500m);
        time.Advance(TimeSpan.FromSeconds(2));
        var rising = await monitor.RunOnceAsync(CancellationToken.None);
        Assert.Equal((1, 1), (rising.Checked, rising.BestPriceUpdates));
        Assert.Empty(rising.Closed);

        host.Server.SetMid("ETH", 3396m); // 3 % below the best of 3500 is 3395: not yet
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty((await monitor.RunOnceAsync(CancellationToken.None)).Closed);
        Assert.DoesNotContain(host.Server.Orders, o => o.ReduceOnly);

        host.Server.SetMid("ETH", 3390m);
        time.Advance(TimeSpan.FromSeconds(2));
        var closing = await monitor.RunOnceAsync(CancellationToken.None);

        var closed = Assert.Single(closing.Closed);
        Assert.Equal((PositionStatus.Closed, CloseReason.TrailingStop, 3390m), (closed.Status, closed.CloseReason, closed.ExitPrice));
        var close = Assert.Single(host.Server.Orders, o => o.ReduceOnly);
        Assert.Equal(ClientOrderId.ForClose(closed.Id, 1), close.Cloid);
        Assert.Equal(0.586m, close.OrigSz);
        Assert.Empty(await host.Venue.GetOpenPositionsAsync(scenario.Deployment, CancellationToken.None));

        time.Advance(TimeSpan.FromSeconds(2));
        await monitor.RunOnceAsync(CancellationToken.None);
        Assert.Single(host.Server.Orders, o => o.ReduceOnly);
    }

    [Fact]
    public async Task Reconciliation_matches_the_account_and_marks_a_position_closed_on_the_exchange_as_external()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await HyperliquidTestHost.StartAsync(time: time, build: b => b.AddPositionMonitor());
        var scenario = await VenueScenario.CreateAsync(host);
        var signal = await scenario.SignalAsync("SOL", TradeSide.Short, 10m);
        await host.Services.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, CancellationToken.None);
        var monitor = host.Services.GetRequiredService<PositionMonitor>();
        time.Advance(TimeSpan.FromMinutes(1));

        var before = await monitor.ReconcileAsync(CancellationToken.None);
        Assert.Equal(1, before.Matched); // the paper Ostium account is checked too and holds nothing
        Assert.Empty(before.Mismatches);

        // The user closes the short by hand on the exchange, outside the SDK.
        using (var agent = Ethereum.Signing.EthereumKey.FromHex(scenario.AgentKeyHex))
        {
            await host.Exchange.PlaceOrderAsync(agent, new Hyperliquid.Exchange.HyperliquidOrder(
                5, isBuy: true, limitPrice: 190m, size: 10.67m, reduceOnly: true, Hyperliquid.Exchange.HyperliquidOrderType.Limit(Hyperliquid.Exchange.TimeInForce.Ioc)));
        }

        var after = await monitor.ReconcileAsync(CancellationToken.None);

        var external = Assert.Single(after.ClosedExternally);
        Assert.Equal((PositionStatus.Closed, CloseReason.External), (external.Status, external.CloseReason));
        Assert.Empty(after.Mismatches);
    }
}
