using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Stats;
using Maxxit.Sdk.Storage;

namespace Maxxit.Sdk.Testing.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Reservation_writes_position_routing_and_policy_once_per_signal_and_deployment()
    {
        var agent = await NewAgentAsync();
        var deployment = await NewDeploymentAsync(agent.Id, 1);
        var signal = await NewSignalAsync(agent.Id);

        var first = await ReserveAsync(signal.Id, deployment.Id);
        Assert.True(first.IsNew);
        Assert.Equal(PositionStatus.Reserved, first.Position!.Status);

        var second = await ReserveAsync(signal.Id, deployment.Id);
        Assert.False(second.IsNew);
        Assert.Equal(first.Position!.Id, second.Position!.Id);
        Assert.Single(await Store.ListPositionsAsync(new PositionQuery(SignalId: signal.Id), Ct));
        Assert.Equal(1, (await Store.GetRoutingHistoryAsync(new RoutingHistoryQuery(), Ct)).Summary.Total);
        Assert.Equal(PolicyOutcome.Accepted, (await Store.GetPolicyRecordAsync(signal.Id, deployment.Id, Ct))!.Outcome);
    }

    [Fact]
    public async Task Racing_reservations_for_one_slot_create_exactly_one_position()
    {
        var agent = await NewAgentAsync();
        var deployment = await NewDeploymentAsync(agent.Id, 1);
        var signal = await NewSignalAsync(agent.Id);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
            ReserveAsync(signal.Id, deployment.Id))));

        Assert.Single(results, r => r.IsNew);
        Assert.Single(results.Select(r => r.Position!.Id).Distinct());
        Assert.Single(await Store.ListPositionsAsync(new PositionQuery(SignalId: signal.Id), Ct));
    }

    [Fact]
    public async Task Opening_position_records_submission_then_fill()
    {
        var agent = await NewAgentAsync();
        var deployment = await NewDeploymentAsync(agent.Id, 1);
        var signal = await NewSignalAsync(agent.Id);
        var reserved = (await ReserveAsync(signal.Id, deployment.Id)).Position;

        Assert.Null(await Store.RecordSubmissionAsync(reserved!.Id, reserved.Fence, "0xabc", Ct));
        var submitted = (await Store.BeginSubmitAsync(reserved.Id, reserved.Fence, NextTime(), Ct))!;
        Assert.Equal(PositionStatus.Submitted, submitted.Status);
        // Taking the position raised its own fence: later writes go under that one, not the signal's.
        Assert.Equal(reserved.Fence + 1, submitted.Fence);
        Assert.Null(await Store.BeginSubmitAsync(reserved.Id, reserved.Fence - 1, NextTime(), Ct));
        Assert.Null(await Store.RecordSubmissionAsync(reserved.Id, reserved.Fence, "0xstale", Ct));
        await Store.RecordSubmissionAsync(reserved.Id, submitted.Fence, "0xabc", Ct);
        Assert.Equal("0xabc", (await Store.GetPositionAsync(reserved.Id, Ct))!.SubmissionId);
        Assert.Null(await Store.CompleteOpenAsync(reserved.Id, reserved.Fence, new PositionFill("stale", 1m, 1m, 1m, 1m, 0m, null, null, null), Ct));
        var open = (await Store.CompleteOpenAsync(reserved.Id, submitted.Fence, new PositionFill("oid-7", 0.8m, 3124.4m, 2m, 1249.76m, 0.87m, 2968.18m, null, new TrailingParams(0.03m, 3124.4m)), Ct))!;

        Assert.Equal(PositionStatus.Open, open.Status);
        var loaded = (await Store.GetPositionAsync(reserved.Id, Ct))!;
        Assert.Equal("oid-7", loaded.VenueOrderId);
        Assert.Equal(0.8m, loaded.Quantity);
        Assert.Equal(3124.4m, loaded.EntryPrice);
        Assert.Equal(2m, loaded.Leverage);
        Assert.Equal(25m, loaded.SizePercent);
        Assert.Equal(1249.76m, loaded.CollateralUsd);
        Assert.Equal(0.87m, loaded.FeesUsd);
        Assert.Equal(2968.18m, loaded.StopLoss);
        Assert.Null(loaded.TakeProfit);
        Assert.Equal(new TrailingParams(0.03m, 3124.4m), loaded.Trailing);
        Assert.Equal(reserved.ClientOrderId, loaded.ClientOrderId);
        Assert.Equal("0xabc", loaded.SubmissionId);
        Assert.Null(await Store.CompleteOpenAsync(reserved.Id, submitted.Fence, new PositionFill("oid-8", 1m, 1m, 1m, 1m, 0m, null, null, null), Ct));
        Assert.Equal("oid-7", (await Store.GetPositionAsync(reserved.Id, Ct))!.VenueOrderId);
    }

    [Fact]
    public async Task Fan_out_items_are_claimed_once_each_with_their_own_fence_and_lease_and_the_owner_skips_them()
    {
        var work = Assert.IsAssignableFrom<IFanOutWorkStore>(Store);
        var agent = await NewAgentAsync();
        var signal = await NewSignalAsync(agent.Id);
        var items = new List<Position>();
        for (var i = 0; i < 3; i++)
        {
            items.Add((await ReserveAsync(signal.Id, (await NewDeploymentAsync(agent.Id, 10 + i)).Id)).Position!);
        }

        var now = NextTime();
        var lease = TimeSpan.FromMinutes(1);
        var helperA = await work.ClaimFanOutItemsAsync(2, now, lease, Ct);
        var helperB = await work.ClaimFanOutItemsAsync(10, now, lease, Ct);

        // Each item once, to one host, its own fence raised, still RESERVED (unsent) under its own lease.
        Assert.Equal(2, helperA.Count);
        var onlyB = Assert.Single(helperB);
        Assert.Equal(items.Select(p => p.Id).Order(), helperA.Concat(helperB).Select(p => p.Id).Order());
        Assert.All(helperA.Concat(helperB), p => Assert.Equal((PositionStatus.Reserved, items[0].Fence + 1), (p.Status, p.Fence)));
        Assert.All(helperA.Concat(helperB), p => Assert.NotNull(p.LeaseExpiresAt));
        Assert.Empty(await work.ClaimFanOutItemsAsync(10, now, lease, Ct));

        // The signal's owner is refused an item a helper holds; the helper marks it SUBMITTED under the item's fence only.
        var a0 = helperA[0];
        Assert.Null(await Store.BeginSubmitAsync(a0.Id, signal.Fence + 1, now, Ct));
        Assert.Null(await work.BeginSubmitItemAsync(a0.Id, a0.Fence - 1, Ct));
        var sent = (await work.BeginSubmitItemAsync(a0.Id, a0.Fence, Ct))!;
        Assert.Equal((PositionStatus.Submitted, a0.Fence), (sent.Status, sent.Fence));
        Assert.Null(await work.BeginSubmitItemAsync(a0.Id, a0.Fence, Ct));
        Assert.NotNull((await Store.RecordOrderOutcomesAsync([OrderOutcome.Opened(a0.Id, sent.Fence, new PositionFill("oid-a0", 1m, 3000m, 2m, 1500m, 0.5m, null, null, null))], null, Ct)).Positions[0]);
        Assert.Equal(PositionStatus.Open, (await Store.GetPositionAsync(a0.Id, Ct))!.Status);

        // A helper whose lease lapsed before it sent its item: another host claims it (fence raised again), and the first
        // helper is refused, so it never sends the order.
        var later = await LapseLeasesAsync(now.AddHours(1));
        var a1 = helperA[1];
        var retaken = await work.ClaimFanOutItemsAsync(10, later, lease, Ct);
        Assert.Equal(new[] { a1.Id, onlyB.Id }.Order(), retaken.Select(p => p.Id).Order());
        Assert.All(retaken, p => Assert.Equal(items[0].Fence + 2, p.Fence));
        Assert.Null(await work.BeginSubmitItemAsync(a1.Id, a1.Fence, Ct));
        var refused = await Store.RecordOrderOutcomesAsync([OrderOutcome.Ended(a1.Id, a1.Fence, PositionStatus.Cancelled, "stale helper")], null, Ct);
        Assert.Null(Assert.Single(refused.Positions));
        Assert.Equal(PositionStatus.Reserved, (await Store.GetPositionAsync(a1.Id, Ct))!.Status);
    }

    [Fact]
    public async Task A_helpers_heartbeat_renews_only_the_fan_out_items_it_sent_and_still_holds()
    {
        var work = Assert.IsAssignableFrom<IFanOutWorkStore>(Store);
        var agent = await NewAgentAsync();
        var signal = await NewSignalAsync(agent.Id);
        for (var i = 0; i < 3; i++)
        {
            await ReserveAsync(signal.Id, (await NewDeploymentAsync(agent.Id, 20 + i)).Id);
        }

        var now = NextTime();
        var held = await work.ClaimFanOutItemsAsync(10, now, TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(3, held.Count);

        // Only the item whose order is out (SUBMITTED) is renewed, to a later expiry; unsent ones keep their lease, so a
        // slow helper's waiting items lapse to faster hosts. A stale fence renews nothing.
        var sent = (await work.BeginSubmitItemAsync(held[0].Id, held[0].Fence, Ct))!;
        Assert.Equal(1, await work.RenewFanOutItemsAsync(held, now, TimeSpan.FromHours(1), Ct));
        Assert.True((await Store.GetPositionAsync(sent.Id, Ct))!.LeaseExpiresAt > held[0].LeaseExpiresAt);
        Assert.Equal(held[1].LeaseExpiresAt, (await Store.GetPositionAsync(held[1].Id, Ct))!.LeaseExpiresAt);
        Assert.Equal(0, await work.RenewFanOutItemsAsync([sent with { Fence = sent.Fence - 1 }], now, TimeSpan.FromHours(1), Ct));

        // A finished item is left as it is.
        Assert.NotNull((await Store.RecordOrderOutcomesAsync([OrderOutcome.Opened(sent.Id, sent.Fence, new PositionFill("oid-h0", 1m, 3000m, 2m, 1500m, 0.5m, null, null, null))], null, Ct)).Positions[0]);
        Assert.Equal(0, await work.RenewFanOutItemsAsync(held, now, TimeSpan.FromHours(1), Ct));
        Assert.Null((await Store.GetPositionAsync(sent.Id, Ct))!.LeaseExpiresAt);

        // Items another host took over after their leases lapsed (and sent) are not renewed by the first helper.
        var later = await LapseLeasesAsync(now.AddHours(2));
        var retaken = await work.ClaimFanOutItemsAsync(10, later, TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(2, retaken.Count);
        Assert.NotNull(await work.BeginSubmitItemAsync(retaken[0].Id, retaken[0].Fence, Ct));
        Assert.Equal(0, await work.RenewFanOutItemsAsync(held, later, TimeSpan.FromHours(1), Ct));
        Assert.Equal(1, await work.RenewFanOutItemsAsync(retaken, later, TimeSpan.FromHours(1), Ct));
    }

    [Fact]
    public async Task Every_takeover_raises_the_positions_own_fence_so_no_two_holders_share_one()
    {
        var agent = await NewAgentAsync();
        var deployment = await NewDeploymentAsync(agent.Id, 1);
        var signal = await NewSignalAsync(agent.Id);
        var reserved = (await ReserveAsync(signal.Id, deployment.Id)).Position!;
        var firstRun = (await Store.BeginSubmitAsync(reserved.Id, reserved.Fence, NextTime(), Ct))!;

        // The executor dies with the order SUBMITTED: its claim lapses, fill confirmation claims the position (its
        // fence + 1), then a second executor claims the signal (the signal's fence + 1: the same number) and resumes it.
        var later = await LapseLeasesAsync(NextTime().AddHours(1));
        var confirmer = Assert.Single(await Store.ClaimPositionsAsync(PositionStatus.Submitted, 10, later, TimeSpan.FromMinutes(1), Ct));
        var reclaimed = (await Store.TryClaimSignalAsync(signal.Id, later, TimeSpan.FromMinutes(5), Ct))!;
        // Fill confirmation holds it under a live lease: the new executor waits for that lease rather than take it.
        Assert.Null(await Store.BeginSubmitAsync(reserved.Id, reclaimed.Fence, later, Ct));
        var secondRun = (await Store.BeginSubmitAsync(reserved.Id, reclaimed.Fence, await LapseLeasesAsync(later.AddHours(1)), Ct))!;

        Assert.Equal([firstRun.Fence, confirmer.Fence, secondRun.Fence], new[] { firstRun.Fence, confirmer.Fence, secondRun.Fence }.Distinct());
        Assert.True(secondRun.Fence > confirmer.Fence);
        // The stale executor can neither take the position back under its old claim nor write under its old fence;
        // fill confirmation's claim was taken over too; only the newest holder's write is applied.
        Assert.Null(await Store.BeginSubmitAsync(reserved.Id, reserved.Fence, NextTime(), Ct));
        Assert.Null(await Store.CompleteOpenAsync(reserved.Id, firstRun.Fence, new PositionFill("stale", 1m, 1m, 1m, 1m, 0m, null, null, null), Ct));
        Assert.Null(await Store.EndOpenAsync(reserved.Id, confirmer.Fence, PositionStatus.Cancelled, "confirmer", Ct));
        Assert.NotNull(await Store.CompleteOpenAsync(reserved.Id, secondRun.Fence, new PositionFill("oid-9", 1m, 3000m, 2m, 1500m, 0.5m, null, null, null), Ct));
        var stored = (await Store.GetPositionAsync(reserved.Id, Ct))!;
        Assert.Equal((PositionStatus.Open, "oid-9", secondRun.Fence), (stored.Status, stored.VenueOrderId, stored.Fence));
    }

    [Fact]
    public async Task Failed_open_keeps_the_reason()
    {
        var agent = await NewAgentAsync();
        var deployment = await NewDeploymentAsync(agent.Id, 1);
        var signal = await NewSignalAsync(agent.Id);
        var reserved = (await ReserveAsync(signal.Id, deployment.Id)).Position;
        var submitted = (await Store.BeginSubmitAsync(reserved!.Id, reserved.Fence, NextTime(), Ct))!;
        await Store.EndOpenAsync(reserved.Id, submitted.Fence, PositionStatus.Cancelled, "HYPERLIQUID: Order must have minimum value of $10", Ct);
        var loaded = await Store.GetPositionAsync(reserved.Id, Ct);
        Assert.Equal(PositionStatus.Cancelled, loaded!.Status);
        Assert.Equal("HYPERLIQUID: Order must have minimum value of $10", loaded.FailureReason);
    }

    [Fact]
    public async Task No_trade_records_policy_rejections_and_routing_misses()
    {
        var agent = await NewAgentAsync();
        var deployment = await NewDeploymentAsync(agent.Id, 1);
        var signal = await NewSignalAsync(agent.Id, "XYZ");
        var rejection = new PolicyRecord(signal.Id, deployment.Id, PolicyOutcome.Rejected, [], "confidence_floor", "0.85 < 0.9", NextTime());
        await Store.RecordNoTradeAsync(null, rejection, Ct);
        await Store.RecordNoTradeAsync(Routing(signal.Id, deployment.Id, "XYZ", null), null, Ct);

        var record = await Store.GetPolicyRecordAsync(signal.Id, deployment.Id, Ct);
        Assert.Equal("confidence_floor", record!.RejectedBy);
        Assert.Equal("0.85 < 0.9", record.Reason);
        var overview = await Store.GetOverviewAsync(Ct);
        Assert.Equal(1, overview.PolicyRejectionsByRule["confidence_floor"]);
        Assert.Equal(1, overview.Routing.Summary.NoVenue);
        Assert.Equal(0, overview.Positions);
    }

    [Fact]
    public async Task Policy_record_keeps_adjustments()
    {
        var agent = await NewAgentAsync();
        var deployment = await NewDeploymentAsync(agent.Id, 1);
        var signal = await NewSignalAsync(agent.Id);
        var adjusted = new PolicyRecord(signal.Id, deployment.Id, PolicyOutcome.Adjusted, [new PolicyAdjustment("size", "size_percent", "25", "12.5")], null, null, NextTime());
        await ReserveAsync(signal.Id, deployment.Id, policy: adjusted);
        var record = await Store.GetPolicyRecordAsync(signal.Id, deployment.Id, Ct);
        Assert.Equal(PolicyOutcome.Adjusted, record!.Outcome);
        Assert.Equal([new PolicyAdjustment("size", "size_percent", "25", "12.5")], record.Adjustments);
    }

    [Fact]
    public async Task Policy_state_counts_open_exposure_last_trade_and_today()
    {
        var agent = await NewAgentAsync();
        var deployment = await NewDeploymentAsync(agent.Id, 1);
        var other = await NewDeploymentAsync(agent.Id, 2);
        var s1 = await NewSignalAsync(agent.Id);
        var s2 = await NewSignalAsync(agent.Id, "BTC");
        var s3 = await NewSignalAsync(agent.Id);
        var dayStart = NextTime();
        var eth = await OpenPositionAsync(s1.Id, deployment.Id, 1m, 3000m);
        await OpenPositionAsync(s2.Id, deployment.Id, 0.1m, 90000m, "BTC");
        await OpenPositionAsync(s3.Id, other.Id, 5m, 3000m);

        var state = await Store.GetPolicyStateAsync(deployment.Id, "ETH", dayStart, Ct);
        Assert.Equal(2, state.OpenPositions);
        Assert.Equal(12000m, state.OpenNotionalUsd);
        Assert.Equal(3000m, state.TokenNotionalUsd);
        Assert.Equal(eth.OpenedAt, state.LastTradeForToken);
        Assert.Equal(2, state.TradesToday);
        Assert.Equal(0, (await Store.GetPolicyStateAsync(deployment.Id, "ETH", NextTime(), Ct)).TradesToday);
        Assert.Null((await Store.GetPolicyStateAsync(deployment.Id, "SOL", dayStart, Ct)).LastTradeForToken);
    }

    [Fact]
    public async Task Reservation_for_unknown_signal_is_rejected_with_nothing_written()
    {
        var agent = await NewAgentAsync();
        var deployment = await NewDeploymentAsync(agent.Id, 1);
        var missing = Guid.NewGuid();
        var reservation = new ExecutionReservation(OpeningPosition(missing, deployment.Id), Routing(missing, deployment.Id, "ETH", Venue.Hyperliquid), Accepted(missing, deployment.Id), 0);
        await Assert.ThrowsAnyAsync<MaxxitException>(() => Store.ReserveExecutionsAsync([reservation], Ct));
        Assert.Empty(await Store.ListPositionsAsync(new PositionQuery(), Ct));
        Assert.Equal(0, (await Store.GetRoutingHistoryAsync(new RoutingHistoryQuery(), Ct)).Summary.Total);
    }
}
