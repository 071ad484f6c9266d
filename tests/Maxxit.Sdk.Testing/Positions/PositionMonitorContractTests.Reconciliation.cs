using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Testing.Positions;

public abstract partial class PositionMonitorContractTests
{
    [Fact]
    public async Task A_position_closed_on_the_venue_outside_the_sdk_is_closed_external_at_the_last_known_price()
    {
        var (agent, position) = await OpenOneAsync(TradeSide.Long, RiskModel.Trailing(0.1m));
        var host = NewHost();
        await StepAsync(host, 3050m);

        // The user closes on the venue; then the price moves on, unseen by the monitor.
        Assert.Equal(1, Hyperliquid.Paper.CloseOutsideSdk(position.DeploymentId, "ETH"));
        Prices.SetPrice(Venue.Hyperliquid, "ETH", 3400m);

        // Within the grace period a missing fresh position proves nothing (the venue may lag): left OPEN, not reported.
        var fresh = await host.Monitor.ReconcileAsync(Ct);
        Assert.Empty(fresh.ClosedExternally);
        Assert.Empty(fresh.Mismatches);
        Assert.Equal(PositionStatus.Open, (await ReloadAsync(position.Id)).Status);

        Time.Advance(Options.ReconcileGracePeriod);
        var report = await host.Monitor.ReconcileAsync(Ct);

        var external = Assert.Single(report.ClosedExternally);
        Assert.Equal(position.Id, external.Id);
        Assert.Empty(report.Mismatches);
        var stored = await ReloadAsync(position.Id);
        Assert.Equal(PositionStatus.Closed, stored.Status);
        Assert.Equal(CloseReason.External, stored.CloseReason);
        Assert.Equal(3050m, stored.ExitPrice);

        // Only the opening fee is known: 50 − 1.5.
        Assert.Equal(48.5m, stored.Pnl);
        Assert.Equal(1.5m, stored.FeesUsd);
        Assert.Empty(Hyperliquid.CloseCalls);
        Assert.NotNull((await Store.GetAgentAsync(agent.Id, Ct))!.Metrics.Apr30d);

        var again = await host.Monitor.ReconcileAsync(Ct);
        Assert.Empty(again.ClosedExternally);
        Assert.Empty(again.Mismatches);
    }

    [Fact]
    public async Task After_a_restart_an_external_close_is_valued_at_the_venue_price_when_no_price_was_seen()
    {
        var (_, position) = await OpenOneAsync(TradeSide.Short, RiskModel.Trailing(0.1m));
        Hyperliquid.Paper.CloseOutsideSdk(position.DeploymentId, "ETH");
        Prices.SetPrice(Venue.Hyperliquid, "ETH", 2950m);
        Time.Advance(Options.ReconcileGracePeriod + TimeSpan.FromSeconds(1));

        var report = await NewHost().Monitor.ReconcileAsync(Ct);

        Assert.Single(report.ClosedExternally);
        var stored = await ReloadAsync(position.Id);
        Assert.Equal(2950m, stored.ExitPrice);
        Assert.Equal(48.5m, stored.Pnl);
    }

    [Fact]
    public async Task A_venue_position_the_store_does_not_know_is_reported_and_left_alone()
    {
        var (agent, position) = await OpenOneAsync(TradeSide.Long, RiskModel.Trailing(0.1m));
        var deployment = (await Store.GetDeploymentAsync(position.DeploymentId, Ct))!;

        // Opened on the venue directly (e.g. by the user), never recorded by the SDK: only the venue knows it.
        Prices.SetPrice(Venue.Ostium, "BTC", 90_000m);
        var stray = await NewSignalAsync(agent.Id, "BTC", TradeSide.Short, RiskModel.Trailing(0.05m), 10m);
        await Ostium.PlaceOrderAsync(new Maxxit.Sdk.Venues.OrderRequest
        {
            SignalId = stray.Id,
            Deployment = deployment,
            ClientOrderId = "0xstray",
            Market = Maxxit.Sdk.Venues.Paper.PaperMarketData.For(Venue.Ostium).Single(m => m.Symbol == "BTC"),
            Side = TradeSide.Short,
            SizePercent = 9m,
            Leverage = 1m,
            Risk = stray.RiskModel,
            Journal = null!,
        }, Ct);

        var report = await NewHost().Monitor.ReconcileAsync(Ct);

        Assert.Empty(report.ClosedExternally);
        Assert.Equal(1, report.Matched);
        var mismatch = Assert.Single(report.Mismatches);
        Assert.Equal(ReconciliationMismatchKind.UntrackedOnVenue, mismatch.Kind);
        Assert.Equal(deployment.Id, mismatch.DeploymentId);
        Assert.Equal(Venue.Ostium, mismatch.Venue);
        Assert.Equal("BTC", mismatch.Symbol);
        Assert.Equal(0m, mismatch.StoreQuantity);
        Assert.Equal(-0.01m, mismatch.VenueQuantity);
        Assert.Equal(PositionStatus.Open, (await ReloadAsync(position.Id)).Status);
    }

    [Fact]
    public async Task A_quantity_difference_is_reported_not_guessed()
    {
        var (agent, first) = await OpenOneAsync(TradeSide.Long, RiskModel.Trailing(0.1m));
        var deployment = (await Store.GetDeploymentAsync(first.DeploymentId, Ct))!;
        var second = await OpenAsync(await NewSignalAsync(agent.Id, "ETH", TradeSide.Long, RiskModel.Trailing(0.1m), 15m), deployment);

        // The venue nets both into one; the user closes the second one on the venue. We cannot tell which one went.
        var venueAll = await Hyperliquid.GetOpenPositionsAsync(deployment, Ct);
        Assert.Equal(2, venueAll.Count);
        Hyperliquid.Paper.CloseOutsideSdk(deployment.Id, "ETH");
        await Hyperliquid.PlaceOrderAsync(new Maxxit.Sdk.Venues.OrderRequest
        {
            SignalId = first.SignalId,
            Deployment = deployment,
            ClientOrderId = "0xreopen",
            Market = Maxxit.Sdk.Venues.Paper.PaperMarketData.For(Venue.Hyperliquid).Single(m => m.Symbol == "ETH"),
            Side = TradeSide.Long,
            SizePercent = 30m,
            Leverage = 1m,
            Risk = RiskModel.Trailing(0.1m),
            Journal = null!,
        }, Ct);

        var report = await NewHost().Monitor.ReconcileAsync(Ct);

        var mismatch = Assert.Single(report.Mismatches);
        Assert.Equal(ReconciliationMismatchKind.QuantityMismatch, mismatch.Kind);
        Assert.Equal(first.Quantity + second.Quantity, mismatch.StoreQuantity);
        Assert.Equal(1m, mismatch.VenueQuantity);
        Assert.Empty(report.ClosedExternally);
        Assert.Equal(PositionStatus.Open, (await ReloadAsync(first.Id)).Status);
        Assert.Equal(PositionStatus.Open, (await ReloadAsync(second.Id)).Status);
    }
}
