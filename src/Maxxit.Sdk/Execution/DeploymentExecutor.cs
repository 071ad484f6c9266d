using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Diagnostics;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Logging;

namespace Maxxit.Sdk.Execution;

/// <summary>
/// One (signal, deployment) work item: policy, routing, reservation, then the order through the venue's gate, each
/// write fenced: the reservation by the signal's claim, every later change by the position's own fence. Thread-safe: the executor runs many of these at once.
/// </summary>
internal sealed class DeploymentExecutor(
    IMaxxitStore store,
    IPolicyLayer policy,
    IVenueRouter router,
    IMarketCatalog catalog,
    VenueAdapterRegistry venues,
    IAccountValueProvider accountValues,
    VenueGates gates,
    MaxxitOptions options,
    TimeProvider time,
    MaxxitMetrics metrics,
    ILogger logger)
{
    /// <summary>
    /// Policy and routing for one deployment, without writing a position: either a finished outcome (policy rejection or
    /// no venue, already recorded) or a planned order to reserve. Only a policy with limits that depend on the
    /// deployment's other positions reads their state, and its reservation is then conditional on that state.
    /// </summary>
    /// <param name="signal">The signal, under the claim the reservation will be written with.</param>
    /// <param name="deployment">The deployment.</param>
    /// <param name="accountValue">The deployment's account value, when known.</param>
    /// <param name="record">
    /// Whether a finished outcome's records are written now. False before the signal is claimed: nothing may be written
    /// without the claim, so the records travel in the plan (<see cref="Plan.NoTradeRouting"/>, <see cref="Plan.NoTradePolicy"/>)
    /// and are written with <see cref="RecordNoTradeAsync"/> once it is.
    /// </param>
    /// <param name="cancellationToken">Cancels the decision.</param>
    /// <param name="reserveAs">
    /// The status the order is reserved in: RESERVED (sent once its turn at the venue gate comes), or SUBMITTED when the
    /// caller knows the whole fan-out fits one gate (every order is sent at once).
    /// </param>
    public async Task<Plan> DecideAsync(Signal signal, AgentDeployment deployment, decimal? accountValue, bool record, CancellationToken cancellationToken, PositionStatus reserveAs = PositionStatus.Reserved)
    {
        var now = time.GetUtcNow();
        var stateful = HasStatefulLimits(deployment.Policy);
        var state = stateful
            ? await store.GetPolicyStateAsync(deployment.Id, signal.TokenSymbol, new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero), cancellationToken).ConfigureAwait(false)
            : PolicyState.Empty;
        var intent = new TradeIntent(signal.TokenSymbol, signal.Side, signal.SizeModel.AccountPercent, null, signal.Confidence, deployment.Policy?.PreferredVenues ?? [], deployment.Policy?.ExcludedVenues ?? []);
        var decision = await policy.EvaluateAsync(new PolicyContext(signal, deployment, intent, state, accountValue, now), cancellationToken).ConfigureAwait(false);
        var policyRecord = new PolicyRecord(signal.Id, deployment.Id, decision.Outcome, decision.Adjustments, decision.RejectedBy, decision.Reason, now);
        if (decision.Outcome == PolicyOutcome.Rejected)
        {
            var rejected = new Plan(new DeploymentExecution(deployment.Id, DeploymentOutcome.PolicyRejected, decision, null, null, $"Rejected by policy rule {decision.RejectedBy}: {decision.Reason}"), NoTradePolicy: policyRecord);
            return record ? await RecordNoTradeAsync(rejected, cancellationToken).ConfigureAwait(false) : rejected;
        }

        var trade = decision.Intent;
        // The notional lets BEST_EXECUTION walk the book for this order's size (the policy's leverage, before the routed
        // market's own cap, which is not known yet).
        var notional = accountValue is { } account ? account * trade.SizePercent / 100m * (trade.Leverage ?? options.DefaultLeverage) : 0m;
        var routing = router.Route(new RoutingRequest(trade.TokenSymbol, signal.AgentId, trade.VenuePriority, trade.ExcludedVenues, trade.Side, notional));
        var routingRecord = ToRecord(signal, deployment, routing, now);
        if (routing.SelectedVenue is not { } venue || !catalog.TryGet(venue, trade.TokenSymbol, out var market))
        {
            var noVenue = new Plan(new DeploymentExecution(deployment.Id, DeploymentOutcome.NoVenue, decision, routing, null, routing.Reason), NoTradeRouting: routingRecord, NoTradePolicy: policyRecord);
            return record ? await RecordNoTradeAsync(noVenue, cancellationToken).ConfigureAwait(false) : noVenue;
        }

        // The policy can only bound leverage by the venues the trade might go to; the routed market's own maximum is final.
        var leverage = LeverageLimits.ForMarket(trade.Leverage ?? options.DefaultLeverage, market, venues.TryGet(venue, out var routed) ? routed : null);
        trade = trade with { Leverage = leverage };
        var position = new Position
        {
            Id = Internal.Ids.NewGuid(),
            DeploymentId = deployment.Id,
            SignalId = signal.Id,
            Venue = venue,
            TokenSymbol = trade.TokenSymbol,
            Side = trade.Side,
            SizePercent = trade.SizePercent,
            Leverage = leverage,
            Status = reserveAs,
            ClientOrderId = ClientOrderId.For(signal.Id, deployment.Id, ClientOrderId.Open),
            OpenedAt = now,
            Fence = signal.Fence,
            IntendedNotionalUsd = accountValue is { } value ? Math.Round(value * trade.SizePercent / 100m * leverage, 6) : 0m,
        };
        var reservation = new ExecutionReservation(position, routingRecord, policyRecord, stateful ? state.Version : null);
        return new Plan(null, reservation, deployment, market, trade, decision, routing);
    }

    /// <summary>Writes a finished plan's policy rejection or no-venue records and counts it.</summary>
    public async Task<Plan> RecordNoTradeAsync(Plan plan, CancellationToken cancellationToken)
    {
        await store.RecordNoTradeAsync(plan.NoTradeRouting, plan.NoTradePolicy, cancellationToken).ConfigureAwait(false);
        metrics.RecordTrade(plan.Done?.Outcome == DeploymentOutcome.PolicyRejected ? "policy_rejected" : "no_venue", null);
        return plan;
    }

    /// <summary>
    /// Decides and reserves one deployment on its own, again and again while its positions keep changing under the
    /// policy (another signal reserved for it in between), then places the order.
    /// </summary>
    public async Task<DeploymentExecution> RetryAsync(Signal signal, AgentDeployment deployment, decimal? accountValue, int maxPolicyRetries, OrderOutcomeBatch? batch, CancellationToken cancellationToken)
    {
        Plan? plan = null;
        for (var attempt = 0; attempt < maxPolicyRetries; attempt++)
        {
            plan = await DecideAsync(signal, deployment, accountValue, record: true, cancellationToken).ConfigureAwait(false);
            if (plan.Done is { } done)
            {
                return done;
            }

            var result = (await store.ReserveExecutionsAsync([plan.Reservation!], cancellationToken).ConfigureAwait(false))[0];
            switch (result.Status)
            {
                case ReservationStatus.Reserved:
                    return await PlaceAsync(signal, plan, result.Position!, batch, cancellationToken).ConfigureAwait(false);
                case ReservationStatus.Existing:
                    return await ResumeAsync(signal, deployment, result.Position!, plan.Decision, plan.Routing, batch, cancellationToken).ConfigureAwait(false);
                case ReservationStatus.ClaimLost:
                    return ClaimLost(deployment, null, "the claim on the signal was taken over before the reservation");
            }
        }

        return new DeploymentExecution(deployment.Id, DeploymentOutcome.Unknown, plan?.Decision, plan?.Routing, null, $"the deployment's positions kept changing during {maxPolicyRetries} policy evaluations; left for the next run");
    }

    /// <summary>The outcome of a deployment whose claim was lost.</summary>
    public static DeploymentExecution ClaimLost(AgentDeployment deployment, Position? position, string reason) =>
        new(deployment.Id, DeploymentOutcome.ClaimLost, null, null, position, reason);

    /// <summary>
    /// Places an order this run reserved through the venue's gate. One reserved straight into SUBMITTED is sent as it
    /// is; one reserved RESERVED is first marked SUBMITTED (it waited for the gate unsent). Its outcome goes to
    /// <paramref name="batch"/> when given (written with the others), else is written at once.
    /// </summary>
    public Task<DeploymentExecution> PlaceAsync(Signal signal, Plan plan, Position reserved, OrderOutcomeBatch? batch, CancellationToken cancellationToken) =>
        PlaceAsync(signal, plan.Deployment!, reserved, plan.Market!, plan.Trade!, plan.Decision, plan.Routing, reserved.Status == PositionStatus.Submitted && reserved.Fence == signal.Fence ? Take.Sent : Take.Owner, batch, cancellationToken);

    /// <summary>What to do with a position that existed before this run: resume its order, or report its outcome.</summary>
    public async Task<DeploymentExecution> ResumeAsync(Signal signal, AgentDeployment deployment, Position existing, PolicyDecision? decision, RoutingDecision? routing, OrderOutcomeBatch? batch, CancellationToken cancellationToken)
    {
        if (existing.Status is not (PositionStatus.Reserved or PositionStatus.Submitted))
        {
            var outcome = TradeExecutor.OutcomeOf(existing);
            if (outcome == DeploymentOutcome.AlreadyExecuted)
            {
                metrics.RecordTrade("duplicate", existing.Venue);
            }

            return new DeploymentExecution(deployment.Id, outcome, decision, routing, existing, existing.FailureReason);
        }

        // A reserved or submitted position whose outcome was never recorded (a crash, or a claim that lapsed): send it
        // again with the same client order id; adapters answer with the first order instead of placing another.
        if (!catalog.TryGet(existing.Venue, existing.TokenSymbol, out var market))
        {
            return new DeploymentExecution(deployment.Id, DeploymentOutcome.Unknown, decision, routing, existing, $"{existing.Venue.Name} no longer lists {existing.TokenSymbol}; reserved order left for reconciliation");
        }

        var trade = new TradeIntent(existing.TokenSymbol, existing.Side, existing.SizePercent, existing.Leverage, signal.Confidence, [], []);
        // Taken over under this claim's fence first (BeginSubmit), whatever state the earlier run left it in.
        return await PlaceAsync(signal, deployment, existing, market, trade, decision, routing, Take.Owner, batch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Places a work item of another host's fan-out that this host claimed (<see cref="IFanOutWorkStore.ClaimFanOutItemsAsync"/>):
    /// the reserved position holds the order (venue, token, side, size percent, final leverage, client order id) and the
    /// signal its risk model, so no policy or routing is run again. It is marked SUBMITTED under the item's own fence
    /// right before it is sent (refused, and not sent, when its lease lapsed and another host took it over); a venue-side
    /// refusal cancels it (there is no routing decision here to fail over with). Its outcome goes to <paramref name="batch"/>.
    /// </summary>
    public Task<DeploymentExecution> HelpAsync(Signal signal, AgentDeployment deployment, Position item, OrderOutcomeBatch batch, CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(item.Venue, item.TokenSymbol, out var market))
        {
            // Left as it is: once its lease lapses the signal's owner takes it and reports it.
            return Task.FromResult(new DeploymentExecution(deployment.Id, DeploymentOutcome.Unknown, null, null, item, $"{item.Venue.Name} no longer lists {item.TokenSymbol}; left to the signal's owner"));
        }

        var trade = new TradeIntent(item.TokenSymbol, item.Side, item.SizePercent, item.Leverage, signal.Confidence, [], []);
        return PlaceAsync(signal, deployment, item, market, trade, null, null, Take.Item, batch, cancellationToken);
    }

    /// <summary>The account value for the policy, or null when it cannot be read now.</summary>
    public async ValueTask<decimal?> GetAccountValueAsync(AgentDeployment deployment, CancellationToken cancellationToken)
    {
        try
        {
            return await accountValues.GetAccountValueUsdAsync(deployment, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Unknown, not fatal: the policy rules that need the account value refuse the trade on their own.
            logger.LogWarning(ex, "Account value of deployment {DeploymentId} unavailable", deployment.Id);
            return null;
        }
    }

    /// <summary>Whether a limit of the policy depends on the deployment's other positions (only then must reservations be serialized).</summary>
    private static bool HasStatefulLimits(DeploymentPolicy? p) =>
        p is not null && (p.MaxOpenPositions is not null || p.MaxTokenExposurePercent is not null || p.MaxTotalExposurePercent is not null
            || p.CooldownPerToken is not null || p.DailyTradeCap is not null);

    /// <summary>The owner's refusal of a position another host holds (or that moved on): resolved by the owner's wait, never reported.</summary>
    public static DeploymentExecution Held(AgentDeployment deployment, Position position) =>
        new(deployment.Id, DeploymentOutcome.ClaimLost, null, null, position, "held by another host") { HeldElsewhere = true };

    /// <summary>Takes the position for sending: as it is (reserved straight into SUBMITTED), by the signal's owner, or as a claimed work item.</summary>
    private async Task<Position?> TakeAsync(Take take, Signal signal, Position reserved, CancellationToken cancellationToken) => take switch
    {
        Take.Sent => reserved,
        Take.Item => await ((IFanOutWorkStore)store).BeginSubmitItemAsync(reserved.Id, reserved.Fence, cancellationToken).ConfigureAwait(false),
        _ => await store.BeginSubmitAsync(reserved.Id, signal.Fence, time.GetUtcNow(), cancellationToken).ConfigureAwait(false),
    };

    private DeploymentExecution Refused(Take take, AgentDeployment deployment, Position reserved, string reason) =>
        take == Take.Owner ? Held(deployment, reserved) : ClaimLost(deployment, reserved, reason);

    private async Task<DeploymentExecution> PlaceAsync(Signal signal, AgentDeployment deployment, Position reserved, MarketInfo market, TradeIntent trade, PolicyDecision? decision, RoutingDecision? routing, Take take, OrderOutcomeBatch? batch, CancellationToken cancellationToken)
    {
        // Taking a position raises its own fence; every later write of it is under that fence, never the signal's.
        if (!venues.TryGet(reserved.Venue, out var adapter))
        {
            var reason = $"No adapter registered for {reserved.Venue.Name}";
            var taken = await TakeAsync(take, signal, reserved, CancellationToken.None).ConfigureAwait(false);
            return taken is null
                ? Refused(take, deployment, reserved, reason)
                : await EndAsync(deployment, taken, taken.Fence, PositionStatus.Failed, reason, decision, routing, batch).ConfigureAwait(false);
        }

        var gate = gates.For(adapter);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var gateHeld = true;
        try
        {
            // Reserved straight into SUBMITTED by this run, it is sent as it is. Otherwise taking it under this claim's
            // fence marks it sent, and also takes it over from an executor whose claim lapsed.
            var position = await TakeAsync(take, signal, reserved, cancellationToken).ConfigureAwait(false);
            if (position is null)
            {
                return Refused(take, deployment, reserved, "a newer executor holds this position");
            }

            var fence = position.Fence;

            if (cancellationToken.IsCancellationRequested)
            {
                return ClaimLost(deployment, position, "the claim on the signal was lost before the order was sent");
            }

            var request = new OrderRequest
            {
                SignalId = signal.Id,
                Deployment = deployment,
                ClientOrderId = position.ClientOrderId,
                Market = market,
                Side = trade.Side,
                SizePercent = trade.SizePercent,
                Leverage = trade.Leverage ?? options.DefaultLeverage,
                Risk = signal.RiskModel,
                Journal = new StoreOrderJournal(store, position.Id, fence, position.SubmissionId),
            };

            OrderResult result;
            try
            {
                result = await adapter.PlaceOrderAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (VenueException ex)
            {
                logger.LogWarning("Order for signal {SignalId} deployment {DeploymentId} refused by {Venue}: {Message}", signal.Id, deployment.Id, position.Venue, ex.Message);
                if (routing?.FailOver(position.Venue, string.IsNullOrWhiteSpace(ex.VenueMessage) ? ex.Message : ex.VenueMessage) is { SelectedVenue: { } next } rerouted && catalog.TryGet(next, position.TokenSymbol, out var nextMarket))
                {
                    // A venue-side refusal: the next venue of the same ranking, within the same decision and audit row.
                    var moved = await store.FailOverAsync(position.Id, fence, next, ToRecord(signal, deployment, rerouted, time.GetUtcNow()) with { Id = Guid.Empty }, CancellationToken.None).ConfigureAwait(false);
                    if (moved is null)
                    {
                        return ClaimLost(deployment, position, "a newer executor holds this position");
                    }

                    metrics.RecordTrade("failover", position.Venue);
                    gate.Release();
                    gateHeld = false;
                    var leverage = LeverageLimits.ForMarket(trade.Leverage ?? options.DefaultLeverage, nextMarket, venues.TryGet(next, out var nextAdapter) ? nextAdapter : null);
                    return await PlaceAsync(signal, deployment, moved, nextMarket, trade with { Leverage = leverage }, decision, rerouted, Take.Owner, batch, cancellationToken).ConfigureAwait(false);
                }

                return await EndAsync(deployment, position, fence, PositionStatus.Cancelled, routing is { Refusals.Count: > 0 } ? $"{ex.Message} (after failover: {routing.Reason})" : ex.Message, decision, routing, batch).ConfigureAwait(false);
            }
            catch (MaxxitValidationException ex)
            {
                return await EndAsync(deployment, position, fence, PositionStatus.Failed, ex.Message, decision, routing, batch).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Order outcome unknown for signal {SignalId} deployment {DeploymentId} on {Venue}", signal.Id, deployment.Id, position.Venue);
                var reason = $"{position.Venue.Name} order outcome unknown ({ex.GetType().Name}); asked again by client order id";
                var recorded = await store.RecordUnknownOutcomeAsync(position.Id, fence, reason, options.MaxUnknownOutcomes, time.GetUtcNow() + FillBackoff.After(position.Attempts + 1), CancellationToken.None).ConfigureAwait(false);
                metrics.RecordTrade(recorded?.Status == PositionStatus.NeedsReconciliation ? "needs_reconciliation" : "unknown", position.Venue);
                return recorded is null ? ClaimLost(deployment, position, reason) : new DeploymentExecution(deployment.Id, DeploymentOutcome.Unknown, decision, routing, recorded, reason);
            }

            return await RecordAsync(signal, deployment, position, fence, result, decision, routing, batch).ConfigureAwait(false);
        }
        finally
        {
            if (gateHeld)
            {
                gate.Release();
            }
        }
    }

    private async Task<DeploymentExecution> RecordAsync(Signal signal, AgentDeployment deployment, Position position, long fence, OrderResult result, PolicyDecision? decision, RoutingDecision? routing, OrderOutcomeBatch? batch)
    {
        // The venue has answered: the record must be written even if the caller gives up now.
        if (result.Status != OrderStatus.Filled)
        {
            var checkAt = time.GetUtcNow() + FillBackoff.After(1);
            var pendingReason = $"{position.Venue.Name} accepted the order; fill pending";
            if (batch is not null)
            {
                var expected = position with { Status = PositionStatus.PendingFill, VenueOrderId = result.VenueOrderId ?? position.VenueOrderId, LeaseExpiresAt = checkAt };
                batch.Add(new OrderOutcomeBatch.Entry(OrderOutcome.Pending(position.Id, fence, result.VenueOrderId, checkAt), new DeploymentExecution(deployment.Id, DeploymentOutcome.Pending, decision, routing, expected, pendingReason), "pending", position.Venue, "order accepted, but a newer executor holds this position"));
                return new DeploymentExecution(deployment.Id, DeploymentOutcome.Pending, decision, routing, expected, pendingReason);
            }

            var pending = await store.MarkPendingFillAsync(position.Id, fence, result.VenueOrderId, checkAt, CancellationToken.None).ConfigureAwait(false);
            metrics.RecordTrade("pending", position.Venue);
            return pending is null
                ? ClaimLost(deployment, position, "order accepted, but a newer executor holds this position")
                : new DeploymentExecution(deployment.Id, DeploymentOutcome.Pending, decision, routing, pending, pendingReason);
        }

        var fill = Fills.Open(signal.RiskModel, position.Side, result.VenueOrderId, result.FilledQuantity, result.AveragePrice, result.Leverage, result.CollateralUsd, result.FeesUsd);
        if (batch is not null)
        {
            var expected = position with
            {
                Status = PositionStatus.Open, VenueOrderId = fill.VenueOrderId, Quantity = fill.Quantity, EntryPrice = fill.EntryPrice, Leverage = fill.Leverage,
                CollateralUsd = fill.CollateralUsd, FeesUsd = fill.FeesUsd, StopLoss = fill.StopLoss, TakeProfit = fill.TakeProfit, Trailing = fill.Trailing, LeaseExpiresAt = null,
            };
            var execution = new DeploymentExecution(deployment.Id, DeploymentOutcome.Opened, decision, routing, expected, null);
            batch.Add(new OrderOutcomeBatch.Entry(OrderOutcome.Opened(position.Id, fence, fill), execution, "opened", position.Venue, "order filled, but a newer executor holds this position"));
            return execution;
        }

        var opened = await store.CompleteOpenAsync(position.Id, fence, fill, CancellationToken.None).ConfigureAwait(false);
        if (opened is null)
        {
            return ClaimLost(deployment, position, "order filled, but a newer executor holds this position");
        }

        metrics.RecordTrade("opened", position.Venue);
        return new DeploymentExecution(deployment.Id, DeploymentOutcome.Opened, decision, routing, opened, null);
    }

    private async Task<DeploymentExecution> EndAsync(AgentDeployment deployment, Position position, long fence, PositionStatus status, string reason, PolicyDecision? decision, RoutingDecision? routing, OrderOutcomeBatch? batch)
    {
        var outcome = status == PositionStatus.Cancelled ? DeploymentOutcome.Cancelled : DeploymentOutcome.Failed;
        var metric = status == PositionStatus.Cancelled ? "cancelled" : "failed";
        if (batch is not null)
        {
            var execution = new DeploymentExecution(deployment.Id, outcome, decision, routing, position with { Status = status, FailureReason = reason, LeaseExpiresAt = null }, reason);
            batch.Add(new OrderOutcomeBatch.Entry(OrderOutcome.Ended(position.Id, fence, status, reason), execution, metric, position.Venue, reason));
            return execution;
        }

        var ended = await store.EndOpenAsync(position.Id, fence, status, reason, CancellationToken.None).ConfigureAwait(false);
        metrics.RecordTrade(metric, position.Venue);
        return ended is null
            ? ClaimLost(deployment, position, reason)
            : new DeploymentExecution(deployment.Id, outcome, decision, routing, ended, reason);
    }

    /// <summary>
    /// Writes the outcomes in <paramref name="entries"/> and, when given, the signal's completion (only if every outcome
    /// was applied) in one round trip; returns each deployment's execution as it now stands and whether the signal completed.
    /// </summary>
    public async Task<(List<DeploymentExecution> Executions, bool Completed)> WriteOutcomesAsync(List<OrderOutcomeBatch.Entry> entries, SignalCompletion? completion)
    {
        // The venues have answered: the records must be written even if the caller gives up now.
        var outcomes = new OrderOutcome[entries.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = entries[i].Outcome;
        }

        var written = await store.RecordOrderOutcomesAsync(outcomes, completion, CancellationToken.None).ConfigureAwait(false);
        var executions = new List<DeploymentExecution>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (written.Positions[i] is { } stored)
            {
                metrics.RecordTrade(entry.Metric, entry.Venue);
                executions.Add(entry.Execution with { Position = stored });
            }
            else
            {
                executions.Add(new DeploymentExecution(entry.Execution.DeploymentId, DeploymentOutcome.ClaimLost, null, null, entry.Execution.Position, entry.RefusedReason));
            }
        }

        return (executions, written.SignalCompleted);
    }

    private static RoutingRecord ToRecord(Signal signal, AgentDeployment deployment, RoutingDecision routing, DateTimeOffset now) => new()
    {
        Id = Internal.Ids.NewGuid(),
        SignalId = signal.Id,
        DeploymentId = deployment.Id,
        TokenSymbol = routing.TokenSymbol,
        SelectedVenue = routing.SelectedVenue,
        RoutingReason = routing.Reason,
        CheckedVenues = routing.CheckedVenues,
        VenueAvailability = routing.Availability.ToDictionary(),
        VenueDetails = routing.ToVenueDetails(),
        RoutingDurationMs = routing.Duration.TotalMilliseconds,
        CreatedAt = now,
    };

    /// <summary>How a position is taken for sending.</summary>
    private enum Take
    {
        /// <summary>By the signal's owner: <see cref="IExecutionStore.BeginSubmitAsync"/> under the signal's claim.</summary>
        Owner,

        /// <summary>Reserved straight into SUBMITTED by this run: sent as it is.</summary>
        Sent,

        /// <summary>A work item this host claimed: <see cref="IFanOutWorkStore.BeginSubmitItemAsync"/> under its own fence.</summary>
        Item,
    }
}
