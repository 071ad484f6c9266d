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
public sealed class TradeExecutor : ITradeExecutor
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

        // Claimed first: a claimable signal costs one round trip; only a refused claim reads why.
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

    private static ExecutionResult BeingExecuted(Guid signalId, IReadOnlyList<DeploymentExecution> outcomes) =>
        new(signalId, SignalStatus.Executing, null, "being executed by another executor", outcomes, AlreadyProcessed: true);

    private async Task<ExecutionResult> ExecuteClaimedAsync(Signal signal, CancellationToken cancellationToken)
    {
        using var activity = MaxxitMetrics.ActivitySource.StartActivity("maxxit.execute");
        activity?.SetTag("maxxit.signal_id", signal.Id);
        activity?.SetTag("maxxit.token", signal.TokenSymbol);

        // Markets are refreshed by MarketRefreshService in the background; only a catalog never loaded (a host without
        // the generic host running) is loaded here, once.
        if (!_catalog.IsLoaded)
        {
            await _catalog.EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        }

        await _configs.EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        var deployments = await _store.ListDeploymentsAsync(signal.AgentId, DeploymentStatus.Active, cancellationToken).ConfigureAwait(false);

        DeploymentExecution[] outcomes;
        var heartbeat = new LeaseHeartbeat(_store, signal.Id, signal.Fence, _options.SignalLease, _time, _logger);
        await using (heartbeat.ConfigureAwait(false))
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, heartbeat.Lost);
            outcomes = await FanOutAsync(signal, deployments, heartbeat, linked.Token).ConfigureAwait(false);
        }

        if (heartbeat.IsLost || outcomes.Any(o => o.Outcome == DeploymentOutcome.ClaimLost))
        {
            _metrics.RecordSignal("claim_lost");
            return BeingExecuted(signal.Id, outcomes);
        }

        if (outcomes.FirstOrDefault(o => o.Outcome == DeploymentOutcome.Unknown && o.Position is null) is { } deferred)
        {
            // A deployment got no decision (its positions kept changing under contention): keep the claim, so that the
            // signal is run again once the lease lapses; the deployments already done are resumed, not repeated.
            return new ExecutionResult(signal.Id, SignalStatus.Executing, null, deferred.Reason, outcomes, AlreadyProcessed: false);
        }

        var (status, reason) = Summarize(signal, outcomes);
        var finalVenue = outcomes.Select(o => o.Position?.Venue ?? o.Routing?.SelectedVenue).FirstOrDefault(v => v is not null);
        var routedAt = outcomes.Any(o => o.Routing is not null || o.Position is not null) ? _time.GetUtcNow() : (DateTimeOffset?)null;
        var completion = new SignalCompletion(signal.Id, status, finalVenue, routedAt, _time.GetUtcNow(), reason, signal.Fence);
        if (!await _store.CompleteSignalAsync(completion, CancellationToken.None).ConfigureAwait(false))
        {
            _logger.LogWarning("Completion of signal {SignalId} under fence {Fence} refused: another executor holds the signal now", signal.Id, signal.Fence);
            _metrics.RecordSignal("claim_lost");
            return BeingExecuted(signal.Id, outcomes);
        }

        _metrics.RecordSignal(status.ToString().ToUpperInvariant());
        _logger.LogInformation("Signal {SignalId} {Token} {Side}: {Status} on {Venue}{Reason}", signal.Id, signal.TokenSymbol, signal.Side, status, finalVenue?.Name ?? "no venue", reason is null ? string.Empty : $" ({reason})");
        return new ExecutionResult(signal.Id, status, finalVenue, reason, outcomes, AlreadyProcessed: false);
    }

    /// <summary>
    /// The fan-out: decide every deployment (policy, routing) in parallel, reserve all their orders in one round trip,
    /// then place them in parallel, each venue at most its gate's number at once. Positions of an earlier run (a crash,
    /// a lapsed claim) are resumed with their client order ids instead.
    /// </summary>
    private async Task<DeploymentExecution[]> FanOutAsync(Signal signal, IReadOnlyList<AgentDeployment> deployments, LeaseHeartbeat heartbeat, CancellationToken cancellationToken)
    {
        var outcomes = new DeploymentExecution[deployments.Count];
        // The first claim of a signal (fence 1) cannot find positions: they are only ever written under a claim.
        var existing = signal.Fence > 1
            ? (await _store.ListPositionsAsync(new PositionQuery(SignalId: signal.Id, Limit: 10_000), cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.DeploymentId)
            : [];
        var plans = new Plan?[deployments.Count];
        var accountValues = new decimal?[deployments.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _parallelism };

        await Parallel.ForEachAsync(Enumerable.Range(0, deployments.Count), parallel, async (i, _) =>
        {
            if (existing.ContainsKey(deployments[i].Id))
            {
                return;
            }

            outcomes[i] = await GuardAsync(deployments[i], heartbeat, async () =>
            {
                accountValues[i] = await _deployments.GetAccountValueAsync(deployments[i], cancellationToken).ConfigureAwait(false);
                var plan = await _deployments.DecideAsync(signal, deployments[i], accountValues[i], cancellationToken).ConfigureAwait(false);
                plans[i] = plan.Done is null ? plan : null;
                return plan.Done!;
            }).ConfigureAwait(false);
        }).ConfigureAwait(false);

        var planned = Enumerable.Range(0, deployments.Count).Where(i => plans[i] is not null).ToArray();
        var reserved = new ReservationResult?[deployments.Count];
        if (planned.Length > 0 && !heartbeat.IsLost)
        {
            var results = await _store.ReserveExecutionsAsync([.. planned.Select(i => plans[i]!.Reservation!)], cancellationToken).ConfigureAwait(false);
            for (var k = 0; k < planned.Length; k++)
            {
                reserved[planned[k]] = results[k];
            }
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, deployments.Count), parallel, async (i, _) =>
        {
            var deployment = deployments[i];
            if (existing.TryGetValue(deployment.Id, out var found))
            {
                outcomes[i] = await GuardAsync(deployment, heartbeat, () => _deployments.ResumeAsync(signal, deployment, found, null, null, cancellationToken)).ConfigureAwait(false);
            }
            else if (plans[i] is { } plan)
            {
                outcomes[i] = await GuardAsync(deployment, heartbeat, () => reserved[i] switch
                {
                    { Status: ReservationStatus.Reserved } r => _deployments.PlaceAsync(signal, plan, r.Position!, cancellationToken),
                    { Status: ReservationStatus.Existing } r => _deployments.ResumeAsync(signal, deployment, r.Position!, plan.Decision, plan.Routing, cancellationToken),
                    { Status: ReservationStatus.PolicyStateChanged } => _deployments.RetryAsync(signal, deployment, accountValues[i], MaxPolicyRetries, cancellationToken),
                    _ => Task.FromResult(DeploymentExecutor.ClaimLost(deployment, null, "the claim on the signal was taken over before the reservation")),
                }).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);

        return outcomes;
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

        static bool Placed(DeploymentExecution o) => o.Outcome is DeploymentOutcome.Opened or DeploymentOutcome.AlreadyExecuted or DeploymentOutcome.Pending or DeploymentOutcome.Unknown;
        if (outcomes.Any(Placed))
        {
            var notOpened = outcomes.Where(o => o.Outcome is not (DeploymentOutcome.Opened or DeploymentOutcome.AlreadyExecuted)).ToList();
            return (SignalStatus.Executed, notOpened.Count == 0 ? null : $"{notOpened.Count} of {outcomes.Length} deployments not opened: {notOpened[0].Reason}");
        }

        var failed = outcomes.FirstOrDefault(o => o.Outcome is DeploymentOutcome.Failed or DeploymentOutcome.Cancelled);
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
