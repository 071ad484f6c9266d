using Maxxit.Sdk.Client;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Postgres.Tests.Execution;

/// <summary>A host that dies mid-execution: its claim blocks others until the lease lapses, then the signal is finished once.</summary>
public sealed class LeaseRecoveryTests
{
    [Fact]
    public async Task Signal_stuck_executing_is_reclaimed_after_its_lease_and_the_reserved_position_is_resumed_not_duplicated()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("lease");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        await using var survivor = PostgresHosts.Build(db.ConnectionString, s => s.AddSingleton<TimeProvider>(time));
        var client = survivor.GetRequiredService<IMaxxitClient>();
        var store = survivor.GetRequiredService<IMaxxitStore>();
        var executor = survivor.GetRequiredService<ITradeExecutor>();
        var (agent, deployments) = await PostgresHosts.AgentWithDeploymentsAsync(client, 3);
        var signal = await PostgresHosts.SignalAsync(client, agent.Id, "ETH");

        // The crashed host claimed the signal and reserved the first deployment's position, then vanished.
        var lease = TimeSpan.FromMinutes(2);
        var crashed = await store.TryClaimSignalAsync(signal.Id, time.GetUtcNow(), lease, CancellationToken.None);
        Assert.NotNull(crashed);
        var orphan = new Position
        {
            Id = Guid.NewGuid(),
            SignalId = signal.Id,
            DeploymentId = deployments[0].Id,
            Venue = Venue.Hyperliquid,
            TokenSymbol = "ETH",
            Side = TradeSide.Long,
            SizePercent = 25m,
            Leverage = 2m,
            Status = PositionStatus.Reserved,
            ClientOrderId = ClientOrderId.For(signal.Id, deployments[0].Id, ClientOrderId.Open),
            OpenedAt = time.GetUtcNow(),
            Fence = crashed.Fence,
        };
        var routing = new RoutingRecord
        {
            Id = Guid.NewGuid(),
            SignalId = signal.Id,
            DeploymentId = deployments[0].Id,
            TokenSymbol = "ETH",
            SelectedVenue = Venue.Hyperliquid,
            RoutingReason = "HYPERLIQUID: pair available",
            CheckedVenues = [Venue.Hyperliquid],
            VenueAvailability = new Dictionary<Venue, bool> { [Venue.Hyperliquid] = true },
            RoutingDurationMs = 0.01,
            CreatedAt = time.GetUtcNow(),
        };
        await store.ReserveExecutionsAsync([new ExecutionReservation(orphan, routing, new PolicyRecord(signal.Id, deployments[0].Id, Policies.PolicyOutcome.Accepted, [], null, null, time.GetUtcNow()), 0)], CancellationToken.None);

        var blocked = await executor.ExecuteAsync(signal.Id, CancellationToken.None);
        var nothingPending = await executor.ExecutePendingAsync(10, CancellationToken.None);

        // Its lease lapses by the database's clock (moved there instead of waited for).
        await Leases.LapseAllAsync(db.ConnectionString);
        var recovered = await executor.ExecutePendingAsync(10, CancellationToken.None);

        Assert.Equal(SignalStatus.Executing, blocked.Status);
        Assert.True(blocked.AlreadyProcessed);
        Assert.Empty(nothingPending);
        var result = Assert.Single(recovered);
        Assert.Equal(SignalStatus.Executed, result.Status);
        var positions = await store.ListPositionsAsync(new PositionQuery(SignalId: signal.Id), CancellationToken.None);
        Assert.Equal(3, positions.Count);
        Assert.All(positions, p => Assert.Equal(PositionStatus.Open, p.Status));
        Assert.Contains(positions, p => p.Id == orphan.Id);
        Assert.Equal(SignalStatus.Executed, (await store.GetSignalAsync(signal.Id, CancellationToken.None))!.Status);
        Assert.Equal(3, (await store.GetRoutingHistoryAsync(new Stats.RoutingHistoryQuery(), CancellationToken.None)).Summary.Total);
    }
}
