using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Diagnostics;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Execution;

/// <summary>
/// The default executor. A signal is claimed under a lease and a fencing token; its deployments are then executed in
/// parallel, at most <see cref="MaxxitOptions.MaxOrdersInFlightPerVenue"/> orders in flight per venue, while a
/// heartbeat renews the claim. Each (signal, deployment) holds at most one position, reserved before its order is sent
/// with a deterministic client order id, and every write is fenced: an executor whose claim was taken over can no
/// longer change the signal or its positions, and learns so as <see cref="DeploymentOutcome.ClaimLost"/>.
/// </summary>
public sealed class TradeExecutor : ITradeExecutor, IFanOutHelper
{
    private const int MaxPolicyRetries = 8;
    private readonly IMaxxitStore _store;
    private readonly IMarketCatalog _catalog;
    private readonly RoutingConfigRefresher _configs;
    private readonly MaxxitOptions _options;
    private readonly TimeProvider _time;
    private readonly MaxxitMetrics _metrics;
    private readonly ILogger<TradeExecutor> _logger;
    private readonly DeploymentExecutor _deployments;
    private readonly int _parallelism;

    /// <summary>Creates the executor.</summary>
    public TradeExecutor(
        IMaxxitStore store,
        Policies.IPolicyLayer policy,
        IVenueRouter router,
        IMarketCatalog catalog,
        Venues.VenueAdapterRegistry venues,
        RoutingConfigRefresher configs,
        IOptions<MaxxitOptions> options,
        TimeProvider time,
        MaxxitMetrics metrics,
        ILogger<TradeExecutor> logger,
        Policies.IAccountValueProvider accountValues)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _catalog = catalog;
        _configs = configs;
        _options = options.Value;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _parallelism = _options.MaxOrdersInFlightPerVenue * Math.Max(1, venues.Adapters.Count);
        _deployments = new DeploymentExecutor(store, policy, router, catalog, venues, accountValues, new VenueGates(_options.MaxOrdersInFlightPerVenue), _options, time, metrics, logger);
    }

    /// <inheritdoc />
    public async Task<ExecutionResult> ExecuteAsync(Guid signalId, CancellationToken cancellationToken)
    {
        if (signalId == Guid.Empty)
        {
            throw new MaxxitValidationException(nameof(signalId), "must not be the empty id");
        }

        // The signal and its deployments in one read. A signal never claimed is decided first (in memory), then claimed
        // and reserved in one round trip; one already finished is answered from the store; one being executed is
        // claimed only if its lease has lapsed.
        var snapshot = await _store.GetExecutionSnapshotAsync(signalId, cancellationToken).ConfigureAwait(false)
            ?? throw new MaxxitNotFoundException("signal", signalId.ToString(), nameof(signalId));
        switch (snapshot.Signal.Status)
        {
            case SignalStatus.Pending:
                if (await TryExecuteFirstClaimAsync(snapshot, cancellationToken).ConfigureAwait(false) is { } first)
                {
                    return first;
                }

                break;
            case not SignalStatus.Executing:
                return await FinishedResultAsync(snapshot.Signal, cancellationToken).ConfigureAwait(false);
        }

        var claimed = await _store.TryClaimSignalAsync(signalId, _time.GetUtcNow(), _options.SignalLease, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            var current = await _store.GetSignalAsync(signalId, cancellationToken).ConfigureAwait(false)
                ?? throw new MaxxitNotFoundException("signal", signalId.ToString(), nameof(signalId));
            return current.Status == SignalStatus.Executing
                ? BeingExecuted(signalId, [])
                : await FinishedResultAsync(current, cancellationToken).ConfigureAwait(false);
        }

        return await ExecuteClaimedAsync(claimed, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ExecutionResult>> ExecutePendingAsync(int maxSignals, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSignals, 1);
        var claimed = await _store.ClaimPendingSignalsAsync(maxSignals, _time.GetUtcNow(), _options.SignalLease, cancellationToken).ConfigureAwait(false);
        var results = new ExecutionResult[claimed.Count];
        // Signals run side by side too: the per-venue gates bound the orders in flight whatever their number.
        await Parallel.ForEachAsync(Enumerable.Range(0, claimed.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
            results[i] = await ExecuteClaimedAsync(claimed[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeploymentExecution>> HelpWithFanOutsAsync(int maxItems, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        if (_store is not IFanOutWorkStore work)
        {
            return [];
        }

        var items = await work.ClaimFanOutItemsAsync(maxItems, _time.GetUtcNow(), _options.SignalLease, cancellationToken).ConfigureAwait(false);
        if (items.Count == 0)
        {
            return [];
        }

        using var activity = MaxxitMetrics.ActivitySource.StartActivity("maxxit.help_fan_out");
        activity?.SetTag("maxxit.items", items.Count);

        // The leases of the items whose orders are out are renewed until their answers are written, so a slow venue
        // does not hand an order this host sent to the signal's owner (which would send it again under the same client
        // order id). Items still waiting at this host's gate are not: if it is slow to send them, a faster host takes them.
        await using var heartbeat = new LeaseHeartbeat(
            async (now, ct) =>
            {
                await work.RenewFanOutItemsAsync(items, now, _options.SignalLease, ct).ConfigureAwait(false);
                return true;
            },
            $"{items.Count} fan-out orders helped with",
            _options.SignalLease,
            _time,
            _logger);
        await EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        var signals = new Dictionary<Guid, Signal?>();
        foreach (var id in items.Select(i => i.SignalId).Distinct())
        {
            signals[id] = await _store.GetSignalAsync(id, cancellationToken).ConfigureAwait(false);
        }

        var deployments = new System.Collections.Concurrent.ConcurrentDictionary<Guid, AgentDeployment?>();
        await Parallel.ForEachAsync(items.Select(i => i.DeploymentId).Distinct(), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (id, ct) =>
            deployments[id] = await _store.GetDeploymentAsync(id, ct).ConfigureAwait(false)).ConfigureAwait(false);

        var batch = new OrderOutcomeBatch();
        var results = new DeploymentExecution[items.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), new ParallelOptions { MaxDegreeOfParallelism = _parallelism }, async (i, _) =>
        {
            var item = items[i];
            results[i] = signals[item.SignalId] is { } signal && deployments[item.DeploymentId] is { } deployment
                ? await _deployments.HelpAsync(signal, deployment, item, batch, cancellationToken).ConfigureAwait(false)
                // Left as it is: once its lease lapses the signal's owner takes it and reports it.
                : new DeploymentExecution(item.DeploymentId, DeploymentOutcome.Unknown, null, null, item, "signal or deployment not found; left to the signal's owner");
        }).ConfigureAwait(false);

        // The venues have answered: one fenced round trip for every outcome; the signal's owner completes the signal.
        if (batch.Take() is { Count: > 0 } entries)
        {
            var written = (await _deployments.WriteOutcomesAsync(entries, null).ConfigureAwait(false)).Executions;
            var byPosition = written.ToDictionary(e => e.Position!.Id);
            for (var i = 0; i < results.Length; i++)
            {
                if (results[i].Position is { } p && byPosition.TryGetValue(p.Id, out var stored))
                {
                    results[i] = stored;
                }
            }
        }

        _logger.LogInformation("Helped with {Count} fan-out orders of {Signals} signals: {Opened} opened, {Refused} taken over by another host", items.Count, signals.Count, results.Count(r => r.Outcome == DeploymentOutcome.Opened), results.Count(r => r.Outcome == DeploymentOutcome.ClaimLost));
        return results;
    }

    /// <summary>The signal counter's outcome tag: the status in upper case (EXECUTED, SKIPPED, FAILED), without a string built per signal.</summary>
    private static string MetricName(SignalStatus status) => status switch
    {
        SignalStatus.Executed => "EXECUTED",
        SignalStatus.Skipped => "SKIPPED",
        SignalStatus.Failed => "FAILED",
        SignalStatus.Executing => "EXECUTING",
        SignalStatus.Pending => "PENDING",
        _ => status.ToString().ToUpperInvariant(),
    };

    private static ExecutionResult BeingExecuted(Guid signalId, IReadOnlyList<DeploymentExecution> outcomes) =>
        new(signalId, SignalStatus.Executing, null, "being executed by another executor", outcomes, AlreadyProcessed: true);

    private async Task EnsureFreshAsync(CancellationToken cancellationToken)
    {
        // Markets are refreshed by MarketRefreshService in the background; only a catalog never loaded (a host without
        // the generic host running) is loaded here, once.
        if (!_catalog.IsLoaded)
        {
            await _catalog.EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        }

        await _configs.EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A signal never claimed: every deployment is decided before the claim (policy and routing, nothing written), then
    /// the claim and the reservations of every deployment whose policy does not depend on its other positions are written
    /// in one round trip. Null when another executor claimed the signal first (nothing was written).
    /// </summary>
    private async Task<ExecutionResult?> TryExecuteFirstClaimAsync(ExecutionSnapshot snapshot, CancellationToken cancellationToken)
    {
        using var activity = MaxxitMetrics.ActivitySource.StartActivity("maxxit.execute");
        activity?.SetTag("maxxit.signal_id", snapshot.Signal.Id);
        activity?.SetTag("maxxit.token", snapshot.Signal.TokenSymbol);
        await EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        var observed = snapshot.Signal;
        // Decided as the claim this run is about to take: the claim's fence is the observed one plus one.
        var run = new FanOutRun(observed with { Status = SignalStatus.Executing, Fence = observed.Fence + 1 }, snapshot.Deployments, new Dictionary<Guid, Position>());
        await DecideAsync(run, record: false, cancellationToken).ConfigureAwait(false);
        var direct = new List<int>(run.Deployments.Count);
        var reservations = new List<ExecutionReservation>(run.Deployments.Count);
        foreach (var i in run.Unreserved())
        {
            if (run.Plans[i]!.Reservation is { PolicyStateVersion: null } reservation)
            {
                direct.Add(i);
                reservations.Add(reservation);
            }
        }

        var claim = await _store.ClaimSignalWithReservationsAsync(observed.Id, observed.Fence, _time.GetUtcNow(), _options.SignalLease, reservations, cancellationToken).ConfigureAwait(false);
        if (claim is null)
        {
            return null;
        }

        for (var k = 0; k < direct.Count; k++)
        {
            run.Reserved[direct[k]] = claim.Reservations[k];
        }

        run.Signal = claim.Signal;
        return await RunClaimedAsync(run, decided: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ExecutionResult> ExecuteClaimedAsync(Signal signal, CancellationToken cancellationToken)
    {
        using var activity = MaxxitMetrics.ActivitySource.StartActivity("maxxit.execute");
        activity?.SetTag("maxxit.signal_id", signal.Id);
        activity?.SetTag("maxxit.token", signal.TokenSymbol);
        await EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        var deployments = await _store.ListDeploymentsAsync(signal.AgentId, DeploymentStatus.Active, cancellationToken).ConfigureAwait(false);
        // The first claim of a signal (fence 1) cannot find positions: they are only ever written under a claim.
        var existing = signal.Fence > 1
            ? (await _store.ListPositionsAsync(new PositionQuery(SignalId: signal.Id, Limit: 10_000), cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.DeploymentId)
            : new Dictionary<Guid, Position>();
        return await RunClaimedAsync(new FanOutRun(signal, deployments, existing), decided: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The claimed part of a run, under the heartbeat: decide (unless done before the claim), reserve, place, then write the outcomes with the completion.</summary>
    private async Task<ExecutionResult> RunClaimedAsync(FanOutRun run, bool decided, CancellationToken cancellationToken)
    {
        var signal = run.Signal;
        var batch = new OrderOutcomeBatch();
        var heartbeat = new LeaseHeartbeat(_store, signal.Id, signal.Fence, _options.SignalLease, _time, _logger);
        await using (heartbeat.ConfigureAwait(false))
        {
            // A caller's token that can never be cancelled needs no linked source: the lost claim's token is the one.
            using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, heartbeat.Lost) : null;
            await FanOutAsync(run, decided, batch, heartbeat, linked?.Token ?? heartbeat.Lost).ConfigureAwait(false);
        }

        var outcomes = run.Results();
        if (heartbeat.IsLost || Array.Exists(outcomes, o => o.Outcome == DeploymentOutcome.ClaimLost))
        {
            await WriteAsync(run, batch, null).ConfigureAwait(false);
            _metrics.RecordSignal("claim_lost");
            return BeingExecuted(signal.Id, run.Results());
        }

        if (Array.Find(outcomes, o => o.Outcome == DeploymentOutcome.Unknown && o.Position is null) is { } deferred)
        {
            // A deployment got no decision (its positions kept changing under contention): keep the claim, so that the
            // signal is run again once the lease lapses; the deployments already done are resumed, not repeated.
            await WriteAsync(run, batch, null).ConfigureAwait(false);
            return new ExecutionResult(signal.Id, SignalStatus.Executing, null, deferred.Reason, run.Results(), AlreadyProcessed: false);
        }

        var (status, reason) = Summarize(signal, outcomes);
        Venue? finalVenue = null;
        var routed = false;
        foreach (var o in outcomes)
        {
            finalVenue ??= o.Position?.Venue ?? o.Routing?.SelectedVenue;
            routed |= o.Routing is not null || o.Position is not null;
        }

        var routedAt = routed ? _time.GetUtcNow() : (DateTimeOffset?)null;
        var completion = new SignalCompletion(signal.Id, status, finalVenue, routedAt, _time.GetUtcNow(), reason, signal.Fence);
        if (!await WriteAsync(run, batch, completion).ConfigureAwait(false))
        {
            _logger.LogWarning("Completion of signal {SignalId} under fence {Fence} refused: another executor holds the signal now", signal.Id, signal.Fence);
            _metrics.RecordSignal("claim_lost");
            return BeingExecuted(signal.Id, run.Results());
        }

        _metrics.RecordSignal(MetricName(status));
        if (_logger.IsEnabled(LogLevel.Information))
        {
            // Guarded: the arguments (boxed, and the reason's text) are only built when the line is written.
            _logger.LogInformation("Signal {SignalId} {Token} {Side}: {Status} on {Venue}{Reason}", signal.Id, signal.TokenSymbol, signal.Side, status, finalVenue?.Name ?? "no venue", reason is null ? string.Empty : $" ({reason})");
        }
        return new ExecutionResult(signal.Id, status, finalVenue, reason, run.Results(), AlreadyProcessed: false);
    }

    /// <summary>
    /// Writes the outcomes still in <paramref name="batch"/> with <paramref name="completion"/> (when given) in one round
    /// trip, and puts each deployment's execution as it now stands into the run. True when the signal was completed.
    /// </summary>
    private async Task<bool> WriteAsync(FanOutRun run, OrderOutcomeBatch batch, SignalCompletion? completion)
    {
        var entries = batch.Take();
        if (entries.Count == 0 && completion is null)
        {
            return false;
        }

        if (entries.Count == 0)
        {
            return await _store.CompleteSignalAsync(completion!, CancellationToken.None).ConfigureAwait(false);
        }

        var (executions, completed) = await _deployments.WriteOutcomesAsync(entries, completion).ConfigureAwait(false);
        run.Apply(executions);
        return completed;
    }

    /// <summary>
    /// The fan-out: decide every deployment (policy, routing) in parallel unless that was done before the claim, reserve
    /// every order not reserved yet in one round trip, then place them in parallel, each venue at most its gate's number
    /// at once. Positions of an earlier run (a crash, a lapsed claim) are resumed with their client order ids instead.
    /// </summary>
    private async Task FanOutAsync(FanOutRun run, bool decided, OrderOutcomeBatch batch, LeaseHeartbeat heartbeat, CancellationToken cancellationToken)
    {
        var signal = run.Signal;
        var deployments = run.Deployments;
        if (decided)
        {
            // Decided before the claim: the policy rejections and no-venue decisions are written now that it is held.
            var finished = Enumerable.Range(0, deployments.Count).Where(i => run.Plans[i] is { Done: not null }).ToArray();
            if (finished.Length > 0)
            {
                await FanOut.ForEachAsync(finished.Length, _parallelism, async k =>
                {
                    var i = finished[k];
                    run.Outcomes[i] = await GuardAsync(deployments[i], heartbeat, async () => (await _deployments.RecordNoTradeAsync(run.Plans[i]!, cancellationToken).ConfigureAwait(false)).Done!).ConfigureAwait(false);
                }).ConfigureAwait(false);
            }
        }
        else
        {
            await DecideAsync(run, record: true, cancellationToken, heartbeat).ConfigureAwait(false);
        }

        var unreserved = run.Unreserved();
        if (unreserved.Length > 0 && !heartbeat.IsLost)
        {
            var reservations = new ExecutionReservation[unreserved.Length];
            for (var k = 0; k < unreserved.Length; k++)
            {
                reservations[k] = run.Plans[unreserved[k]]!.Reservation!;
            }

            var results = await _store.ReserveExecutionsAsync(reservations, cancellationToken).ConfigureAwait(false);
            for (var k = 0; k < unreserved.Length; k++)
            {
                run.Reserved[unreserved[k]] = results[k];
            }
        }

        await FanOut.ForEachAsync(deployments.Count, _parallelism, i => PlaceOneAsync(run, i, batch, heartbeat, cancellationToken)).ConfigureAwait(false);
        await AwaitHeldAsync(run, batch, heartbeat, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One deployment's order of the fan-out: resumed, placed, or retried under the policy, as its reservation says.</summary>
    private async ValueTask PlaceOneAsync(FanOutRun run, int i, OrderOutcomeBatch batch, LeaseHeartbeat heartbeat, CancellationToken cancellationToken)
    {
        var signal = run.Signal;
        var deployment = run.Deployments[i];
        Task<DeploymentExecution>? step = null;
        try
        {
            // As GuardAsync, without a closure per deployment: a cancellation caused by the lost claim is a ClaimLost outcome.
            if (run.Existing.TryGetValue(deployment.Id, out var found))
            {
                step = _deployments.ResumeAsync(signal, deployment, found, null, null, batch, cancellationToken);
            }
            else if (run.Plans[i] is { Done: null } plan)
            {
                step = run.Reserved[i] switch
                {
                    { Status: ReservationStatus.Reserved } r => _deployments.PlaceAsync(signal, plan, r.Position!, batch, cancellationToken),
                    { Status: ReservationStatus.Existing } r => _deployments.ResumeAsync(signal, deployment, r.Position!, plan.Decision, plan.Routing, batch, cancellationToken),
                    { Status: ReservationStatus.PolicyStateChanged } => _deployments.RetryAsync(signal, deployment, run.AccountValues[i], MaxPolicyRetries, batch, cancellationToken),
                    _ => Task.FromResult(DeploymentExecutor.ClaimLost(deployment, null, "the claim on the signal was taken over before the reservation")),
                };
            }

            if (step is not null)
            {
                run.Outcomes[i] = await step.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (heartbeat.IsLost)
        {
            run.Outcomes[i] = DeploymentExecutor.ClaimLost(deployment, null, "the claim on the signal was taken over before this deployment ran");
        }

        // A large fan-out writes its fills in chunks while it runs, so that a crash leaves few to be learnt again.
        if (batch.Take(OrderOutcomeBatch.FlushAt) is { Count: > 0 } chunk)
        {
            run.Apply((await _deployments.WriteOutcomesAsync(chunk, null).ConfigureAwait(false)).Executions);
        }
    }

    /// <summary>
    /// The orders other hosts took from this fan-out (<see cref="IFanOutHelper"/>), or that were held under a live lease
    /// when their turn came: waited for under the heartbeat, polling their rows, until each has an outcome — or, once its
    /// holder's lease lapsed, taken back and placed here with the same client order id. Only then may the signal be
    /// completed, so its final status counts every order. A lost claim ends the wait (they are reported ClaimLost).
    /// </summary>
    private async Task AwaitHeldAsync(FanOutRun run, OrderOutcomeBatch batch, LeaseHeartbeat heartbeat, CancellationToken cancellationToken)
    {
        var held = Enumerable.Range(0, run.Deployments.Count).Where(i => run.Outcomes[i] is { HeldElsewhere: true }).ToDictionary(i => i, i => run.Outcomes[i].Position!.Attempts);
        var poll = TimeSpan.FromTicks(Math.Clamp(_options.SignalLease.Ticks / 8, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromSeconds(2).Ticks));
        while (held.Count > 0)
        {
            try
            {
                await Task.Delay(poll, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (heartbeat.IsLost)
            {
            }

            if (heartbeat.IsLost)
            {
                foreach (var i in held.Keys)
                {
                    run.Outcomes[i] = DeploymentExecutor.ClaimLost(run.Deployments[i], run.Outcomes[i].Position, "the claim on the signal was taken over while another host held this order");
                }

                return;
            }

            var positions = (await _store.ListPositionsAsync(new PositionQuery(SignalId: run.Signal.Id, Limit: 10_000), CancellationToken.None).ConfigureAwait(false)).ToDictionary(p => p.DeploymentId);
            foreach (var (i, attempts) in held.ToList())
            {
                var deployment = run.Deployments[i];
                if (!positions.TryGetValue(deployment.Id, out var p))
                {
                    continue;
                }

                if (p.Status is not (PositionStatus.Reserved or PositionStatus.Submitted))
                {
                    // Done by the host that held it: an order it opened was opened in this fan-out, not before it.
                    run.Outcomes[i] = new DeploymentExecution(deployment.Id, p.Status == PositionStatus.Open ? DeploymentOutcome.Opened : OutcomeOf(p), null, null, p, p.FailureReason);
                    held.Remove(i);
                }
                else if (p.Status == PositionStatus.Submitted && p.Attempts > attempts)
                {
                    // Its holder recorded an unknown outcome: fill confirmation asks the venue, as for this host's own.
                    run.Outcomes[i] = new DeploymentExecution(deployment.Id, DeploymentOutcome.Unknown, null, null, p, p.FailureReason);
                    held.Remove(i);
                }
                else if (p.LeaseExpiresAt is null || p.LeaseExpiresAt <= _time.GetUtcNow())
                {
                    // Its holder's lease lapsed (it died, or stalled): taken back under this claim and placed here.
                    var resumed = await GuardAsync(deployment, heartbeat, () => _deployments.ResumeAsync(run.Signal, deployment, p, null, null, batch, cancellationToken)).ConfigureAwait(false);
                    if (!resumed.HeldElsewhere)
                    {
                        run.Outcomes[i] = resumed;
                        held.Remove(i);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Policy and routing for every deployment without a position yet, in parallel. An order is reserved straight into
    /// SUBMITTED when the whole fan-out fits in one venue gate (every order is sent at once); a larger fan-out's orders
    /// are reserved RESERVED and each marked SUBMITTED when its turn at the gate comes, so that one waiting is known unsent.
    /// </summary>
    private async Task DecideAsync(FanOutRun run, bool record, CancellationToken cancellationToken, LeaseHeartbeat? heartbeat = null)
    {
        // When even every deployment without a position fits one gate, the orders are decided SUBMITTED at once; otherwise
        // RESERVED, and moved to SUBMITTED below if the ones planned (policy rejections and no-venue decisions aside) fit.
        var undecided = 0;
        foreach (var deployment in run.Deployments)
        {
            if (!run.Existing.ContainsKey(deployment.Id))
            {
                undecided++;
            }
        }

        var reserveAs = undecided <= _options.MaxOrdersInFlightPerVenue ? PositionStatus.Submitted : PositionStatus.Reserved;
        await FanOut.ForEachAsync(run.Deployments.Count, _parallelism, i => DecideOneAsync(run, i, record, reserveAs, heartbeat, cancellationToken)).ConfigureAwait(false);
        var planned = run.Unreserved();
        if (reserveAs == PositionStatus.Reserved && planned.Length > 0 && planned.Length <= _options.MaxOrdersInFlightPerVenue)
        {
            foreach (var i in planned)
            {
                var plan = run.Plans[i]!;
                var reservation = plan.Reservation!;
                run.Plans[i] = plan with { Reservation = reservation with { Position = reservation.Position with { Status = PositionStatus.Submitted } } };
            }
        }
    }

    /// <summary>Policy and routing for one deployment of the fan-out (none for one with a position of an earlier run).</summary>
    private async ValueTask DecideOneAsync(FanOutRun run, int i, bool record, PositionStatus reserveAs, LeaseHeartbeat? heartbeat, CancellationToken cancellationToken)
    {
        var deployment = run.Deployments[i];
        if (run.Existing.ContainsKey(deployment.Id))
        {
            return;
        }

        DeploymentExecution done;
        if (heartbeat is null)
        {
            done = await DecideCoreAsync(run, i, record, reserveAs, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            try
            {
                done = await DecideCoreAsync(run, i, record, reserveAs, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (heartbeat.IsLost)
            {
                done = DeploymentExecutor.ClaimLost(deployment, null, "the claim on the signal was taken over before this deployment ran");
            }
        }

        if (record || heartbeat is not null)
        {
            run.Outcomes[i] = done;
        }
    }

    private async Task<DeploymentExecution> DecideCoreAsync(FanOutRun run, int i, bool record, PositionStatus reserveAs, CancellationToken cancellationToken)
    {
        var deployment = run.Deployments[i];
        var accountValue = await _deployments.GetAccountValueAsync(deployment, cancellationToken).ConfigureAwait(false);
        run.AccountValues[i] = accountValue;
        var plan = await _deployments.DecideAsync(run.Signal, deployment, accountValue, record, cancellationToken, reserveAs).ConfigureAwait(false);
        run.Plans[i] = plan;
        return plan.Done!;
    }

    /// <summary>Runs one deployment's step; a cancellation caused by the lost claim becomes a <see cref="DeploymentOutcome.ClaimLost"/> outcome.</summary>
    private static async Task<DeploymentExecution> GuardAsync(AgentDeployment deployment, LeaseHeartbeat heartbeat, Func<Task<DeploymentExecution>> step)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (heartbeat.IsLost)
        {
            return DeploymentExecutor.ClaimLost(deployment, null, "the claim on the signal was taken over before this deployment ran");
        }
    }

    private static (SignalStatus Status, string? Reason) Summarize(Signal signal, DeploymentExecution[] outcomes)
    {
        if (outcomes.Length == 0)
        {
            return (SignalStatus.Skipped, $"No ACTIVE deployments for agent {signal.AgentId}");
        }

        var placed = false;
        var notOpened = 0;
        DeploymentExecution? firstNotOpened = null;
        foreach (var o in outcomes)
        {
            placed |= o.Outcome is DeploymentOutcome.Opened or DeploymentOutcome.AlreadyExecuted or DeploymentOutcome.Pending or DeploymentOutcome.Unknown;
            if (o.Outcome is not (DeploymentOutcome.Opened or DeploymentOutcome.AlreadyExecuted))
            {
                notOpened++;
                firstNotOpened ??= o;
            }
        }

        if (placed)
        {
            return (SignalStatus.Executed, notOpened == 0 ? null : $"{notOpened} of {outcomes.Length} deployments not opened: {firstNotOpened!.Reason}");
        }

        var failed = Array.Find(outcomes, o => o.Outcome is DeploymentOutcome.Failed or DeploymentOutcome.Cancelled);
        return failed is not null ? (SignalStatus.Failed, failed.Reason) : (SignalStatus.Skipped, outcomes[0].Reason);
    }

    private async Task<ExecutionResult> FinishedResultAsync(Signal signal, CancellationToken cancellationToken)
    {
        var positions = await _store.ListPositionsAsync(new PositionQuery(SignalId: signal.Id, Limit: 10_000), cancellationToken).ConfigureAwait(false);
        var outcomes = positions.Select(p => new DeploymentExecution(p.DeploymentId, OutcomeOf(p), null, null, p, p.FailureReason)).ToList();
        return new ExecutionResult(signal.Id, signal.Status, signal.FinalVenue, signal.SkippedReason, outcomes, AlreadyProcessed: true);
    }

    internal static DeploymentOutcome OutcomeOf(Position p) => p.Status switch
    {
        PositionStatus.Failed => DeploymentOutcome.Failed,
        PositionStatus.Cancelled => DeploymentOutcome.Cancelled,
        PositionStatus.PendingFill => DeploymentOutcome.Pending,
        PositionStatus.Reserved or PositionStatus.Submitted or PositionStatus.NeedsReconciliation => DeploymentOutcome.Unknown,
        _ => DeploymentOutcome.AlreadyExecuted,
    };
}
