using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Stats;
using Maxxit.Sdk.Storage;

namespace Maxxit.Sdk.Testing.Storage;

/// <summary>The executor's batched round trips: snapshot, claim with reservations, order outcomes with completion.</summary>
public abstract partial class StoreContractTests
{
    private static readonly TimeSpan BatchLease = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Snapshot_reads_the_signal_with_its_agents_active_deployments_oldest_first()
    {
        var agent = await NewAgentAsync();
        var first = await NewDeploymentAsync(agent.Id, 1);
        var second = await NewDeploymentAsync(agent.Id, 2);
        await NewDeploymentAsync(agent.Id, 3, DeploymentStatus.Paused);
        var other = await NewAgentAsync("0x00000000000000000000000000000000000000bb");
        await NewDeploymentAsync(other.Id, 4);
        var signal = await NewSignalAsync(agent.Id);

        var snapshot = await Store.GetExecutionSnapshotAsync(signal.Id, Ct);

        Assert.NotNull(snapshot);
        Assert.Equal(signal.Id, snapshot.Signal.Id);
        Assert.Equal(SignalStatus.Pending, snapshot.Signal.Status);
        Assert.Equal([first.Id, second.Id], snapshot.Deployments.Select(d => d.Id));
        Assert.Null(await Store.GetExecutionSnapshotAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task Claim_with_reservations_claims_and_reserves_every_order_together_once()
    {
        var agent = await NewAgentAsync();
        var deployments = new[] { await NewDeploymentAsync(agent.Id, 1), await NewDeploymentAsync(agent.Id, 2), await NewDeploymentAsync(agent.Id, 3) };
        var signal = await NewSignalAsync(agent.Id);
        var reservations = deployments.Select((d, i) => FirstClaimReservation(signal.Id, d.Id, i == 0 ? PositionStatus.Reserved : PositionStatus.Submitted)).ToList();

        var claim = await Store.ClaimSignalWithReservationsAsync(signal.Id, 0, NextTime(), BatchLease, reservations, Ct);

        Assert.NotNull(claim);
        Assert.Equal(SignalStatus.Executing, claim.Signal.Status);
        Assert.Equal(1, claim.Signal.Fence);
        Assert.All(claim.Reservations, r => Assert.Equal(ReservationStatus.Reserved, r.Status));
        var stored = await Store.ListPositionsAsync(new PositionQuery(SignalId: signal.Id), Ct);
        Assert.Equal(3, stored.Count);
        foreach (var reservation in reservations)
        {
            var p = Assert.Single(stored, x => x.Id == reservation.Position.Id);
            Assert.Equal(reservation.Position.Status, p.Status);
            Assert.Equal(1, p.Fence);
            Assert.Equal(reservation.Position.ClientOrderId, p.ClientOrderId);
            Assert.Equal(reservation.Position.IntendedNotionalUsd, p.IntendedNotionalUsd);
            Assert.Equal(2m, p.Leverage);
            Assert.Equal(25m, p.SizePercent);
            Assert.Equal(reservation.Position.OpenedAt, p.OpenedAt);
            Assert.Equal(PolicyOutcome.Adjusted, (await Store.GetPolicyRecordAsync(signal.Id, p.DeploymentId, Ct))!.Outcome);
        }

        var history = await Store.GetRoutingHistoryAsync(new RoutingHistoryQuery(), Ct);
        Assert.Equal(3, history.Summary.Total);
        var row = Assert.Single(history.History, r => r.DeploymentId == deployments[1].Id);
        Assert.Equal([Venue.Hyperliquid, Venue.Ostium], row.CheckedVenues);
        Assert.Equal(Venue.Ostium, row.SelectedVenue);
        Assert.Equal(reservations[1].Routing.RoutingReason, row.RoutingReason);

        // A second executor that read the same PENDING signal is refused and writes nothing.
        var late = deployments.Select(d => FirstClaimReservation(signal.Id, d.Id, PositionStatus.Submitted)).ToList();
        Assert.Null(await Store.ClaimSignalWithReservationsAsync(signal.Id, 0, NextTime(), BatchLease, late, Ct));
        Assert.Equal(3, (await Store.ListPositionsAsync(new PositionQuery(SignalId: signal.Id), Ct)).Count);
        Assert.Equal(3, (await Store.GetRoutingHistoryAsync(new RoutingHistoryQuery(), Ct)).Summary.Total);
        Assert.Equal(1, (await Store.GetSignalAsync(signal.Id, Ct))!.Fence);
    }

    [Fact]
    public async Task Claim_with_reservations_writes_nothing_once_another_executor_claimed_the_signal()
    {
        var agent = await NewAgentAsync();
        var deployment = await NewDeploymentAsync(agent.Id, 1);
        var signal = await NewSignalAsync(agent.Id);
        var other = await Store.TryClaimSignalAsync(signal.Id, NextTime(), BatchLease, Ct);
        Assert.Equal(1, other!.Fence);

        // Same fence number the other claim got: the reservation must still not be written under it.
        Assert.Null(await Store.ClaimSignalWithReservationsAsync(signal.Id, 0, NextTime(), BatchLease, [FirstClaimReservation(signal.Id, deployment.Id, PositionStatus.Submitted)], Ct));

        Assert.Empty(await Store.ListPositionsAsync(new PositionQuery(SignalId: signal.Id), Ct));
        Assert.Equal(0, (await Store.GetRoutingHistoryAsync(new RoutingHistoryQuery(), Ct)).Summary.Total);
        Assert.Null(await Store.GetPolicyRecordAsync(signal.Id, deployment.Id, Ct));
    }

    [Fact]
    public async Task Claim_with_reservations_refuses_bad_reservations_and_writes_nothing()
    {
        var agent = await NewAgentAsync();
        var deployment = await NewDeploymentAsync(agent.Id, 1);
        var signal = await NewSignalAsync(agent.Id);
        var good = FirstClaimReservation(signal.Id, deployment.Id, PositionStatus.Submitted);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.ClaimSignalWithReservationsAsync(signal.Id, 0, NextTime(), BatchLease, [good with { PolicyStateVersion = 0 }], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ClaimSignalWithReservationsAsync(signal.Id, 0, NextTime(), BatchLease, [good with { Position = good.Position with { Fence = 5 } }], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ClaimSignalWithReservationsAsync(signal.Id, 0, NextTime(), BatchLease, [good with { Position = good.Position with { Status = PositionStatus.Open } }], Ct));
        var unknown = FirstClaimReservation(signal.Id, Guid.NewGuid(), PositionStatus.Submitted);
        var error = await Assert.ThrowsAsync<MaxxitNotFoundException>(() => Store.ClaimSignalWithReservationsAsync(signal.Id, 0, NextTime(), BatchLease, [good, unknown], Ct));
        Assert.Equal("deployment_id", error.Field);

        Assert.Equal(SignalStatus.Pending, (await Store.GetSignalAsync(signal.Id, Ct))!.Status);
        Assert.Empty(await Store.ListPositionsAsync(new PositionQuery(SignalId: signal.Id), Ct));
        Assert.Equal(0, (await Store.GetRoutingHistoryAsync(new RoutingHistoryQuery(), Ct)).Summary.Total);
    }

    [Fact]
    public async Task Order_outcomes_are_written_together_with_the_completion()
    {
        var agent = await NewAgentAsync();
        var deployments = new[] { await NewDeploymentAsync(agent.Id, 1), await NewDeploymentAsync(agent.Id, 2), await NewDeploymentAsync(agent.Id, 3) };
        var signal = await NewSignalAsync(agent.Id);
        var claim = (await Store.ClaimSignalWithReservationsAsync(signal.Id, 0, NextTime(), BatchLease, [.. deployments.Select(d => FirstClaimReservation(signal.Id, d.Id, PositionStatus.Submitted))], Ct))!;
        var ids = claim.Reservations.Select(r => r.Position!.Id).ToArray();
        var checkAt = NextTime();
        var fill = new PositionFill("oid-9", 0.5m, 3100m, 2m, 775m, 0.4m, 2945m, 3720m, new TrailingParams(0.03m, 3100m));
        var completion = new SignalCompletion(signal.Id, SignalStatus.Executed, Venue.Hyperliquid, NextTime(), NextTime(), "1 of 3 deployments not opened", claim.Signal.Fence);

        var result = await Store.RecordOrderOutcomesAsync(
            [OrderOutcome.Opened(ids[0], 1, fill), OrderOutcome.Pending(ids[1], 1, "oid-p", checkAt), OrderOutcome.Ended(ids[2], 1, PositionStatus.Cancelled, "venue refused: margin")],
            completion,
            Ct);

        Assert.True(result.SignalCompleted);
        Assert.Equal([PositionStatus.Open, PositionStatus.PendingFill, PositionStatus.Cancelled], result.Positions.Select(p => p!.Status));
        var open = (await Store.GetPositionAsync(ids[0], Ct))!;
        Assert.Equal(("oid-9", 0.5m, 3100m, 775m, 0.4m, 2945m, 3720m), (open.VenueOrderId, open.Quantity, open.EntryPrice, open.CollateralUsd, open.FeesUsd, open.StopLoss, open.TakeProfit));
        Assert.Equal(new TrailingParams(0.03m, 3100m), open.Trailing);
        Assert.Null(open.LeaseExpiresAt);
        var pending = (await Store.GetPositionAsync(ids[1], Ct))!;
        Assert.Equal("oid-p", pending.VenueOrderId);
        Assert.Equal(checkAt, pending.LeaseExpiresAt);
        Assert.Equal(0m, pending.Quantity);
        var cancelled = (await Store.GetPositionAsync(ids[2], Ct))!;
        Assert.Equal("venue refused: margin", cancelled.FailureReason);
        var done = (await Store.GetSignalAsync(signal.Id, Ct))!;
        Assert.Equal(SignalStatus.Executed, done.Status);
        Assert.Equal(Venue.Hyperliquid, done.FinalVenue);
        Assert.Equal("1 of 3 deployments not opened", done.SkippedReason);
        Assert.Equal(1, (await Store.GetOverviewAsync(Ct)).OpenPositions);
    }

    [Fact]
    public async Task A_refused_outcome_writes_nothing_for_its_position_and_holds_back_the_completion()
    {
        var agent = await NewAgentAsync();
        var deployments = new[] { await NewDeploymentAsync(agent.Id, 1), await NewDeploymentAsync(agent.Id, 2) };
        var signal = await NewSignalAsync(agent.Id);
        var claim = (await Store.ClaimSignalWithReservationsAsync(signal.Id, 0, NextTime(), BatchLease, [.. deployments.Select(d => FirstClaimReservation(signal.Id, d.Id, PositionStatus.Submitted))], Ct))!;
        var ids = claim.Reservations.Select(r => r.Position!.Id).ToArray();
        var fill = new PositionFill("oid-1", 1m, 3000m, 2m, 1500m, 0m, null, null, null);
        var completion = new SignalCompletion(signal.Id, SignalStatus.Executed, Venue.Hyperliquid, NextTime(), NextTime(), null, claim.Signal.Fence);

        // The second outcome is under a stale fence: refused, and so is the completion; the first is written.
        var result = await Store.RecordOrderOutcomesAsync([OrderOutcome.Opened(ids[0], 1, fill), OrderOutcome.Opened(ids[1], 0, fill)], completion, Ct);

        Assert.False(result.SignalCompleted);
        Assert.Equal(PositionStatus.Open, result.Positions[0]!.Status);
        Assert.Null(result.Positions[1]);
        Assert.Equal(PositionStatus.Submitted, (await Store.GetPositionAsync(ids[1], Ct))!.Status);
        Assert.Equal(SignalStatus.Executing, (await Store.GetSignalAsync(signal.Id, Ct))!.Status);

        // An outcome cannot be applied twice; a completion under a stale claim is refused even with every outcome applied.
        Assert.Null((await Store.RecordOrderOutcomesAsync([OrderOutcome.Opened(ids[0], 1, fill)], null, Ct)).Positions[0]);
        var stale = await Store.RecordOrderOutcomesAsync([OrderOutcome.Opened(ids[1], 1, fill)], completion with { Fence = 7 }, Ct);
        Assert.False(stale.SignalCompleted);
        Assert.Equal(PositionStatus.Open, stale.Positions[0]!.Status);
        Assert.True((await Store.RecordOrderOutcomesAsync([], completion, Ct)).SignalCompleted);
        Assert.Equal(SignalStatus.Executed, (await Store.GetSignalAsync(signal.Id, Ct))!.Status);
        await Assert.ThrowsAsync<ArgumentException>(() => Store.RecordOrderOutcomesAsync([OrderOutcome.Opened(ids[0], 1, fill), OrderOutcome.Opened(ids[0], 1, fill)], null, Ct));
    }

    /// <summary>A reservation as the executor writes it with the first claim of a signal (fence 1, no policy-state check).</summary>
    private static ExecutionReservation FirstClaimReservation(Guid signalId, Guid deploymentId, PositionStatus status)
    {
        var routing = Routing(signalId, deploymentId, "ETH", Venue.Ostium) with { RoutingReason = "OSTIUM: cheaper for this size, \"quoted\"" };
        var policy = new PolicyRecord(signalId, deploymentId, PolicyOutcome.Adjusted, [new PolicyAdjustment("leverage_cap", "leverage", "5", "2")], null, null, NextTime());
        return new ExecutionReservation(OpeningPosition(signalId, deploymentId) with { Status = status, Fence = 1, IntendedNotionalUsd = 1234.5m }, routing, policy, null);
    }
}
