using Maxxit.Sdk.Client;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Storage.InMemory;
using Maxxit.Sdk.Venues;
using Maxxit.Sdk.Testing.Execution;
using Maxxit.Sdk.Venues.Paper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Tests.Execution;

/// <summary>The order lifecycle on the embedded default: pending fills, venue cancels, lapsed leases, fan-out.</summary>
public sealed class OrderLifecycleTests
{
    [Fact]
    public async Task A_pending_order_confirmed_later_becomes_open_with_the_venues_fill_price_and_quantity()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var sp = TestServices.Build(b => b.Services.AddSingleton<TimeProvider>(time), o =>
        {
            o.PaperBehavior.PendingFraction = 1;
            o.PaperBehavior.PartialFillFraction = 1;
            o.PaperBehavior.PendingSlippage = 0.002m;
        });
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 1);
        var signal = await TestServices.SignalAsync(client, agent.Id, "ETH");
        var price = sp.GetRequiredService<PaperPriceFeed>().GetPrice(Venue.Hyperliquid, "ETH")!.Value;

        var result = await client.ExecuteTradeAsync(signal.Id);
        var pending = Assert.Single(result.Deployments);
        Assert.Equal(SignalStatus.Executed, result.Status);
        Assert.Equal(DeploymentOutcome.Pending, pending.Outcome);
        Assert.Equal(PositionStatus.PendingFill, pending.Position!.Status);
        Assert.Equal(0, (await client.GetOverviewAsync()).OpenPositions);

        var confirmer = sp.GetRequiredService<FillConfirmer>();
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(await confirmer.RunOnceAsync(default));
        time.Advance(TimeSpan.FromSeconds(2));
        var open = Assert.Single(await confirmer.RunOnceAsync(default));

        Assert.Equal(PositionStatus.Open, open.Status);
        Assert.Equal(price * 1.002m, open.EntryPrice);
        var fullSize = Math.Round(10_000m * 0.25m * open.Leverage / price, 4, MidpointRounding.ToZero);
        Assert.True(open.Quantity > 0m && open.Quantity < fullSize, $"partial fill {open.Quantity} of {fullSize}");
        Assert.Equal(open.EntryPrice, open.Trailing!.BestPrice);
        Assert.Equal(1, (await client.GetOverviewAsync()).OpenPositions);
    }

    [Fact]
    public async Task A_cancelled_order_becomes_cancelled_with_the_venues_reason_and_never_counts_as_open()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var sp = TestServices.Build(b => b.Services.AddSingleton<TimeProvider>(time), o =>
        {
            o.PaperBehavior.PendingFraction = 1;
            o.PaperBehavior.CancelFraction = 1;
        });
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 2);
        var signal = await TestServices.SignalAsync(client, agent.Id, "ETH");
        await client.ExecuteTradeAsync(signal.Id);

        time.Advance(TimeSpan.FromSeconds(5));
        var changed = await sp.GetRequiredService<FillConfirmer>().RunOnceAsync(default);

        Assert.Equal(2, changed.Count);
        Assert.All(changed, p =>
        {
            Assert.Equal(PositionStatus.Cancelled, p.Status);
            Assert.Contains("slippage", p.FailureReason);
        });
        var overview = await client.GetOverviewAsync();
        Assert.Equal(0, overview.OpenPositions);
        Assert.Equal(0, overview.Positions);
        var state = await sp.GetRequiredService<IExecutionStore>().GetPolicyStateAsync(changed[0].DeploymentId, "ETH", DateTimeOffset.MinValue, default);
        Assert.Equal(0, state.OpenPositions);
        Assert.Equal(0m, state.OpenNotionalUsd);
    }

    [Fact]
    public async Task Fan_out_runs_deployments_in_parallel_up_to_the_per_venue_limit()
    {
        var venue = new GatedVenue();
        using var sp = TestServices.Build(b => b.AddVenue(_ => venue), o => o.MaxOrdersInFlightPerVenue = 4);
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 12);
        var signal = await TestServices.SignalAsync(client, agent.Id, "ETH");

        var execution = client.ExecuteTradeAsync(signal.Id);
        await venue.WaitForOrdersAsync(4);
        Assert.Equal(4, venue.InFlight);
        venue.Release(12);
        var result = await execution;

        Assert.Equal(SignalStatus.Executed, result.Status);
        Assert.Equal(12, result.Deployments.Count(d => d.Outcome == DeploymentOutcome.Opened));
        Assert.Equal(4, venue.MaxInFlight);
        Assert.Equal(12, venue.Orders.Distinct().Count());
    }

    [Fact]
    public async Task Two_executors_race_on_a_signal_whose_lease_lapses_mid_fan_out_and_every_order_is_placed_once()
    {
        var store = new InMemoryMaxxitStore();
        var venue = new GatedVenue();
        // The stale executor's clock stands still (a paused host: its heartbeat never renews); the other's is past the lease.
        var staleTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var freshTime = new FakeTimeProvider(staleTime.GetUtcNow() + TimeSpan.FromMinutes(5));
        using var stale = TestServices.Build(b => { b.Services.AddSingleton<IMaxxitStore>(store); b.Services.AddSingleton<TimeProvider>(staleTime); b.AddVenue(_ => venue); }, o => o.SignalLease = TimeSpan.FromSeconds(30));
        using var fresh = TestServices.Build(b => { b.Services.AddSingleton<IMaxxitStore>(store); b.Services.AddSingleton<TimeProvider>(freshTime); b.AddVenue(_ => venue); });
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(stale.GetRequiredService<IMaxxitClient>(), 6);
        var signal = await TestServices.SignalAsync(stale.GetRequiredService<IMaxxitClient>(), agent.Id, "ETH");

        var first = stale.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, default);
        await venue.WaitForOrdersAsync(6);
        // The lease lapsed; the second executor claims the signal and resumes every reserved order with its client order id.
        var secondRun = fresh.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, default);
        await venue.WaitForOrdersAsync(12);
        venue.Release(12);
        var second = await secondRun;
        var firstResult = await first;

        Assert.Equal(SignalStatus.Executed, second.Status);
        Assert.Equal(SignalStatus.Executing, firstResult.Status);
        Assert.Equal("being executed by another executor", firstResult.Reason);
        Assert.All(firstResult.Deployments, d => Assert.Equal(DeploymentOutcome.ClaimLost, d.Outcome));
        Assert.Equal(6, venue.Orders.Distinct().Count());
        Assert.Equal(6, venue.Filled.Count);
        var positions = await store.ListPositionsAsync(new PositionQuery(SignalId: signal.Id), default);
        Assert.Equal(6, positions.Count);
        Assert.All(positions, p => Assert.Equal(PositionStatus.Open, p.Status));
        Assert.Equal(6, (await store.GetRoutingHistoryAsync(new Maxxit.Sdk.Stats.RoutingHistoryQuery(), default)).Summary.Total);
        var final = (await store.GetSignalAsync(signal.Id, default))!;
        Assert.Equal(SignalStatus.Executed, final.Status);
        Assert.Equal(2, final.Fence);
    }

    [Fact]
    public async Task Concurrent_signals_cannot_both_pass_a_max_open_positions_limit()
    {
        using var sp = TestServices.Build();
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, deployments) = await TestServices.AgentWithDeploymentsAsync(client, 1);
        await client.UpdateDeploymentPolicyAsync(deployments[0].Id, new Maxxit.Sdk.Policies.DeploymentPolicy { MaxOpenPositions = 1 });
        var signals = new List<Signal>();
        foreach (var token in new[] { "ETH", "BTC", "SOL", "ARB", "DOGE", "AVAX" })
        {
            signals.Add(await TestServices.SignalAsync(client, agent.Id, token));
        }

        var results = await Task.WhenAll(signals.Select(s => Task.Run(() => client.ExecuteTradeAsync(s.Id))));

        Assert.Single(results.SelectMany(r => r.Deployments), d => d.Outcome == DeploymentOutcome.Opened);
        Assert.Equal(5, results.SelectMany(r => r.Deployments).Count(d => d.Outcome == DeploymentOutcome.PolicyRejected));
    }
}
