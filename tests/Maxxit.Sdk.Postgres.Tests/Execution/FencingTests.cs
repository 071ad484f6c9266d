using Maxxit.Sdk.Client;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Testing.Execution;
using Maxxit.Sdk.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Postgres.Tests.Execution;

/// <summary>Two hosts on one database race on a signal whose lease lapses mid-fan-out.</summary>
public sealed class FencingTests
{
    [Fact]
    public async Task A_lapsed_claim_is_taken_over_every_order_is_placed_once_and_the_stale_executors_writes_are_refused()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("fencing");
        var venue = new GatedVenue();
        // A paused host: its clock stands still, so its heartbeat never renews the claim.
        var pausedClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var stale = PostgresHosts.Build(db.ConnectionString, s => s.AddSingleton<TimeProvider>(pausedClock), configure: b => b.AddVenue(_ => venue));
        await using var fresh = PostgresHosts.Build(db.ConnectionString, configure: b => b.AddVenue(_ => venue));
        var client = stale.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await PostgresHosts.AgentWithDeploymentsAsync(client, 8);
        var signal = await PostgresHosts.SignalAsync(client, agent.Id, "ETH");

        var first = stale.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, CancellationToken.None);
        await venue.WaitForOrdersAsync(8);
        var blocked = await fresh.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, CancellationToken.None);
        // Its lease lapses by the database's clock (moved there instead of waited for).
        await Leases.LapseAllAsync(db.ConnectionString);
        var takeover = fresh.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, CancellationToken.None);
        await venue.WaitForOrdersAsync(16);
        venue.Release(16);
        var second = await takeover;
        var firstResult = await first;

        Assert.Equal("being executed by another executor", blocked.Reason);
        Assert.Equal(SignalStatus.Executed, second.Status);
        Assert.Equal(8, second.Deployments.Count(d => d.Outcome == DeploymentOutcome.Opened));
        Assert.Equal(SignalStatus.Executing, firstResult.Status);
        Assert.All(firstResult.Deployments, d => Assert.Equal(DeploymentOutcome.ClaimLost, d.Outcome));
        Assert.Equal(8, venue.Filled.Count);
        var store = fresh.GetRequiredService<IMaxxitStore>();
        var positions = await store.ListPositionsAsync(new PositionQuery(SignalId: signal.Id), CancellationToken.None);
        Assert.Equal(8, positions.Count);
        Assert.All(positions, p => Assert.Equal(PositionStatus.Open, p.Status));
        Assert.Equal(8, (await store.GetRoutingHistoryAsync(new Stats.RoutingHistoryQuery(), CancellationToken.None)).Summary.Total);
        var final = (await store.GetSignalAsync(signal.Id, CancellationToken.None))!;
        Assert.Equal(SignalStatus.Executed, final.Status);
        Assert.Equal(2, final.Fence);
        // The stale executor's completion is refused under its old fence.
        Assert.False(await store.CompleteSignalAsync(new SignalCompletion(signal.Id, SignalStatus.Failed, null, null, DateTimeOffset.UtcNow, "stale", 1), CancellationToken.None));
        Assert.Equal(SignalStatus.Executed, (await store.GetSignalAsync(signal.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Concurrent_signals_cannot_both_pass_a_daily_cap_across_hosts()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("policy_race");
        await using var a = PostgresHosts.Build(db.ConnectionString);
        await using var b = PostgresHosts.Build(db.ConnectionString);
        var client = a.GetRequiredService<IMaxxitClient>();
        var (agent, deployments) = await PostgresHosts.AgentWithDeploymentsAsync(client, 1);
        await client.UpdateDeploymentPolicyAsync(deployments[0].Id, new Policies.DeploymentPolicy { DailyTradeCap = 2 });
        var signals = new List<Signal>();
        foreach (var token in new[] { "ETH", "BTC", "SOL", "ARB", "DOGE", "AVAX", "LINK", "XAU" })
        {
            signals.Add(await PostgresHosts.SignalAsync(client, agent.Id, token));
        }

        var executors = new[] { a.GetRequiredService<ITradeExecutor>(), b.GetRequiredService<ITradeExecutor>() };
        var results = await Task.WhenAll(signals.Select((s, i) => Task.Run(() => executors[i % 2].ExecuteAsync(s.Id, CancellationToken.None))));

        Assert.Equal(2, results.SelectMany(r => r.Deployments).Count(d => d.Outcome == DeploymentOutcome.Opened));
        Assert.Equal(6, results.SelectMany(r => r.Deployments).Count(d => d.Outcome == DeploymentOutcome.PolicyRejected));
    }

    [Fact]
    public async Task A_refused_order_fails_over_to_the_next_venue_with_one_rewritten_audit_row()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("failover");
        await using var host = PostgresHosts.Build(db.ConnectionString, configure: b => b.AddVenue(_ => new RefusingVenue()).UsePaperVenues());
        var client = host.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await PostgresHosts.AgentWithDeploymentsAsync(client, 1);
        var signal = await PostgresHosts.SignalAsync(client, agent.Id, "BTC");

        var result = await host.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, CancellationToken.None);

        var outcome = Assert.Single(result.Deployments);
        Assert.Equal(DeploymentOutcome.Opened, outcome.Outcome);
        var stored = (await host.GetRequiredService<IMaxxitStore>().GetPositionAsync(outcome.Position!.Id, CancellationToken.None))!;
        Assert.Equal((Venue.Ostium, PositionStatus.Open), (stored.Venue, stored.Status));
        var row = Assert.Single((await client.GetRoutingHistoryAsync(new Stats.RoutingHistoryQuery("BTC"))).History);
        Assert.Equal(Venue.Ostium, row.SelectedVenue);
        Assert.Equal([Venue.Hyperliquid, Venue.Ostium], row.CheckedVenues);
        Assert.Contains("HYPERLIQUID refused the order", row.RoutingReason);
    }

    private sealed class RefusingVenue : Venues.IVenueAdapter
    {
        public Venue Venue => Venue.Hyperliquid;

        public ValueTask<IReadOnlyList<Markets.MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Venues.Paper.PaperMarketData.For(Venue.Hyperliquid));

        public ValueTask<Venues.OrderResult> PlaceOrderAsync(Venues.OrderRequest request, CancellationToken cancellationToken) =>
            throw new Errors.VenueException(Venue, "Insufficient margin to place order.");

        public ValueTask<Venues.VenueHealth> GetHealthAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new Venues.VenueHealth(true));
    }
}
