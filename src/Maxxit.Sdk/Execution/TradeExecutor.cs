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
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Execution;

/// <summary>
/// The default executor. Exactly-once rests on two store guarantees: a signal is claimed by one executor at a time
/// (under a lease), and a (signal, deployment) can hold only one position, reserved before the order is sent.
/// </summary>
public sealed class TradeExecutor : ITradeExecutor
{
    private readonly IMaxxitStore _store;
    private readonly IPolicyLayer _policy;
    private readonly IAccountValueProvider _accountValues;
    private readonly IVenueRouter _router;
    private readonly IMarketCatalog _catalog;
    private readonly VenueAdapterRegistry _venues;
    private readonly RoutingConfigRefresher _configs;
    private readonly MaxxitOptions _options;
    private readonly TimeProvider _time;
    private readonly MaxxitMetrics _metrics;
    private readonly ILogger<TradeExecutor> _logger;

    /// <summary>Creates the executor.</summary>
    public TradeExecutor(
        IMaxxitStore store,
        IPolicyLayer policy,
        IVenueRouter router,
        IMarketCatalog catalog,
        VenueAdapterRegistry venues,
        RoutingConfigRefresher configs,
        IOptions<MaxxitOptions> options,
        TimeProvider time,
        MaxxitMetrics metrics,
        ILogger<TradeExecutor> logger,
        IAccountValueProvider accountValues)
    {
        _accountValues = accountValues;
        _store = store;
        _policy = policy;
        _router = router;
        _catalog = catalog;
        _venues = venues;
        _configs = configs;
        _options = options.Value;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<ExecutionResult> ExecuteAsync(Guid signalId, CancellationToken cancellationToken)
    {
        if (signalId == Guid.Empty)
        {
            throw new MaxxitValidationException("signal_id", "must not be the empty id");
        }

        var signal = await _store.GetSignalAsync(signalId, cancellationToken).ConfigureAwait(false)
            ?? throw new MaxxitNotFoundException("signal", signalId.ToString(), "signal_id");
        if (signal.Status is SignalStatus.Executed or SignalStatus.Skipped or SignalStatus.Failed)
        {
            return await FinishedResultAsync(signal, cancellationToken).ConfigureAwait(false);
        }

        var claimed = await _store.TryClaimSignalAsync(signalId, _time.GetUtcNow(), _options.SignalLease, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            var current = await _store.GetSignalAsync(signalId, cancellationToken).ConfigureAwait(false) ?? signal;
            return current.Status == SignalStatus.Executing
                ? new ExecutionResult(signalId, SignalStatus.Executing, null, "being executed by another executor", [], AlreadyProcessed: true)
                : await FinishedResultAsync(current, cancellationToken).ConfigureAwait(false);
        }

        return await ExecuteClaimedAsync(claimed, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ExecutionResult>> ExecutePendingAsync(int maxSignals, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSignals, 1);
        var claimed = await _store.ClaimPendingSignalsAsync(maxSignals, _time.GetUtcNow(), _options.SignalLease, cancellationToken).ConfigureAwait(false);
        var results = new List<ExecutionResult>(claimed.Count);
        foreach (var signal in claimed)
        {
            results.Add(await ExecuteClaimedAsync(signal, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private async Task<ExecutionResult> ExecuteClaimedAsync(Signal signal, CancellationToken cancellationToken)
    {
        using var activity = MaxxitMetrics.ActivitySource.StartActivity("maxxit.execute");
        activity?.SetTag("maxxit.signal_id", signal.Id);
        activity?.SetTag("maxxit.token", signal.TokenSymbol);
        await _catalog.EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        await _configs.EnsureFreshAsync(cancellationToken).ConfigureAwait(false);

        var deployments = await _store.ListDeploymentsAsync(signal.AgentId, DeploymentStatus.Active, cancellationToken).ConfigureAwait(false);
        var outcomes = new List<DeploymentExecution>(deployments.Count);
        foreach (var deployment in deployments)
        {
            outcomes.Add(await ExecuteForDeploymentAsync(signal, deployment, cancellationToken).ConfigureAwait(false));
        }

        if (outcomes.Any(o => o.Outcome == DeploymentOutcome.Unknown))
        {
            // Leave the claim in place: after the lease lapses the signal is re-run, and the reserved positions make
            // the re-run resume with the same client order ids instead of placing new orders.
            var unknown = outcomes.First(o => o.Outcome == DeploymentOutcome.Unknown).Reason;
            return new ExecutionResult(signal.Id, SignalStatus.Executing, null, unknown, outcomes, AlreadyProcessed: false);
        }

        var (status, reason) = Summarize(signal, outcomes);
        var finalVenue = outcomes.Select(o => o.Position?.Venue ?? o.Routing?.SelectedVenue).FirstOrDefault(v => v is not null);
        var routedAt = outcomes.Any(o => o.Routing is not null) ? _time.GetUtcNow() : (DateTimeOffset?)null;
        await _store.CompleteSignalAsync(new SignalCompletion(signal.Id, status, finalVenue, routedAt, _time.GetUtcNow(), reason), CancellationToken.None).ConfigureAwait(false);
        _metrics.RecordSignal(status.ToString().ToUpperInvariant());
        _logger.LogInformation("Signal {SignalId} {Token} {Side}: {Status} on {Venue}{Reason}", signal.Id, signal.TokenSymbol, signal.Side, status, finalVenue?.ToName() ?? "no venue", reason is null ? string.Empty : $" ({reason})");
        return new ExecutionResult(signal.Id, status, finalVenue, reason, outcomes, AlreadyProcessed: false);
    }

    private static (SignalStatus Status, string? Reason) Summarize(Signal signal, List<DeploymentExecution> outcomes)
    {
        if (outcomes.Count == 0)
        {
            return (SignalStatus.Skipped, $"No ACTIVE deployments for agent {signal.AgentId}");
        }

        if (outcomes.Any(o => o.Outcome is DeploymentOutcome.Opened or DeploymentOutcome.AlreadyExecuted))
        {
            var notOpened = outcomes.Where(o => o.Outcome is not (DeploymentOutcome.Opened or DeploymentOutcome.AlreadyExecuted)).ToList();
            return (SignalStatus.Executed, notOpened.Count == 0 ? null : $"{notOpened.Count} of {outcomes.Count} deployments not opened: {notOpened[0].Reason}");
        }

        var failed = outcomes.FirstOrDefault(o => o.Outcome == DeploymentOutcome.Failed);
        return failed is not null ? (SignalStatus.Failed, failed.Reason) : (SignalStatus.Skipped, outcomes[0].Reason);
    }

    private async Task<DeploymentExecution> ExecuteForDeploymentAsync(Signal signal, AgentDeployment deployment, CancellationToken cancellationToken)
    {
        var existing = await FindPositionAsync(signal.Id, deployment.Id, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return await ResumeAsync(signal, deployment, existing, null, null, cancellationToken).ConfigureAwait(false);
        }

        var now = _time.GetUtcNow();
        var state = await _store.GetPolicyStateAsync(deployment.Id, signal.TokenSymbol, new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero), cancellationToken).ConfigureAwait(false);
        var intent = new TradeIntent(
            signal.TokenSymbol,
            signal.Side,
            signal.SizeModel.Value,
            null,
            signal.Confidence,
            deployment.Policy?.PreferredVenues ?? [],
            deployment.Policy?.ExcludedVenues ?? []);
        var accountValue = await GetAccountValueAsync(deployment, cancellationToken).ConfigureAwait(false);
        var decision = await _policy.EvaluateAsync(new PolicyContext(signal, deployment, intent, state, accountValue, now), cancellationToken).ConfigureAwait(false);
        var policyRecord = new PolicyRecord(signal.Id, deployment.Id, decision.Outcome, decision.Adjustments, decision.RejectedBy, decision.Reason, now);
        if (decision.Outcome == PolicyOutcome.Rejected)
        {
            await _store.RecordNoTradeAsync(null, policyRecord, cancellationToken).ConfigureAwait(false);
            _metrics.RecordTrade("policy_rejected", null);
            return new DeploymentExecution(deployment.Id, DeploymentOutcome.PolicyRejected, decision, null, null, $"Rejected by policy rule {decision.RejectedBy}: {decision.Reason}");
        }

        var trade = decision.Intent;
        var routing = _router.Route(new RoutingRequest(trade.TokenSymbol, signal.AgentId, trade.VenuePriority, trade.ExcludedVenues));
        var routingRecord = ToRecord(signal, deployment, routing, now);
        if (routing.SelectedVenue is not { } venue || !_catalog.TryGet(venue, trade.TokenSymbol, out var market))
        {
            await _store.RecordNoTradeAsync(routingRecord, policyRecord, cancellationToken).ConfigureAwait(false);
            _metrics.RecordTrade("no_venue", null);
            return new DeploymentExecution(deployment.Id, DeploymentOutcome.NoVenue, decision, routing, null, routing.Reason);
        }

        // The policy can only bound leverage by the venues the trade might go to; the routed market's own maximum is final.
        var leverage = Math.Min(trade.Leverage ?? _options.DefaultLeverage, Math.Max(market.MaxLeverage, 1m));
        if (leverage != trade.Leverage)
        {
            trade = trade with { Leverage = leverage };
        }

        var position = new Position
        {
            Id = Guid.NewGuid(),
            DeploymentId = deployment.Id,
            SignalId = signal.Id,
            Venue = venue,
            TokenSymbol = trade.TokenSymbol,
            Side = trade.Side,
            SizePercent = trade.SizePercent,
            Leverage = leverage,
            Status = PositionStatus.Reserved,
            ClientOrderId = ClientOrderId.For(signal.Id, deployment.Id, ClientOrderId.Open),
            OpenedAt = now,
        };
        var reservation = await _store.ReserveExecutionAsync(new ExecutionReservation(position, routingRecord, policyRecord), cancellationToken).ConfigureAwait(false);
        if (!reservation.IsNew)
        {
            return await ResumeAsync(signal, deployment, reservation.Position, decision, routing, cancellationToken).ConfigureAwait(false);
        }

        return await PlaceAsync(signal, deployment, reservation.Position, market, trade, decision, routing, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DeploymentExecution> ResumeAsync(Signal signal, AgentDeployment deployment, Position existing, PolicyDecision? decision, RoutingDecision? routing, CancellationToken cancellationToken)
    {
        if (existing.Status == PositionStatus.Failed)
        {
            return new DeploymentExecution(deployment.Id, DeploymentOutcome.Failed, decision, routing, existing, existing.FailureReason);
        }

        if (existing.Status != PositionStatus.Reserved)
        {
            _metrics.RecordTrade("duplicate", existing.Venue);
            return new DeploymentExecution(deployment.Id, DeploymentOutcome.AlreadyExecuted, decision, routing, existing, null);
        }

        // A reserved position whose order outcome was never recorded (crash or timeout): ask the venue again with the
        // same client order id; adapters answer with the first order instead of placing another.
        if (!_catalog.TryGet(existing.Venue, existing.TokenSymbol, out var market))
        {
            return new DeploymentExecution(deployment.Id, DeploymentOutcome.Unknown, decision, routing, existing, $"{existing.Venue.ToName()} no longer lists {existing.TokenSymbol}; reserved order left for reconciliation");
        }

        var trade = new TradeIntent(existing.TokenSymbol, existing.Side, existing.SizePercent, existing.Leverage, signal.Confidence, [], []);
        return await PlaceAsync(signal, deployment, existing, market, trade, decision, routing, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DeploymentExecution> PlaceAsync(Signal signal, AgentDeployment deployment, Position position, MarketInfo market, TradeIntent trade, PolicyDecision? decision, RoutingDecision? routing, CancellationToken cancellationToken)
    {
        if (!_venues.TryGet(position.Venue, out var adapter))
        {
            var reason = $"No adapter registered for {position.Venue.ToName()}";
            await _store.FailOpenAsync(position.Id, reason, CancellationToken.None).ConfigureAwait(false);
            return new DeploymentExecution(deployment.Id, DeploymentOutcome.Failed, decision, routing, position with { Status = PositionStatus.Failed, FailureReason = reason }, reason);
        }

        var request = new OrderRequest
        {
            SignalId = signal.Id,
            Deployment = deployment,
            ClientOrderId = position.ClientOrderId,
            Market = market,
            Side = trade.Side,
            SizePercent = trade.SizePercent,
            Leverage = trade.Leverage ?? _options.DefaultLeverage,
            Risk = signal.RiskModel,
            Journal = new StoreOrderJournal(_store, position.Id, position.SubmissionId),
        };

        OrderResult result;
        try
        {
            result = await adapter.PlaceOrderAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (VenueException ex)
        {
            await _store.FailOpenAsync(position.Id, ex.Message, CancellationToken.None).ConfigureAwait(false);
            _metrics.RecordTrade("failed", position.Venue);
            _logger.LogWarning("Order for signal {SignalId} deployment {DeploymentId} refused by {Venue}: {Message}", signal.Id, deployment.Id, position.Venue, ex.Message);
            return new DeploymentExecution(deployment.Id, DeploymentOutcome.Failed, decision, routing, position with { Status = PositionStatus.Failed, FailureReason = ex.Message }, ex.Message);
        }
        catch (MaxxitValidationException ex)
        {
            await _store.FailOpenAsync(position.Id, ex.Message, CancellationToken.None).ConfigureAwait(false);
            _metrics.RecordTrade("failed", position.Venue);
            return new DeploymentExecution(deployment.Id, DeploymentOutcome.Failed, decision, routing, position with { Status = PositionStatus.Failed, FailureReason = ex.Message }, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogError(ex, "Order outcome unknown for signal {SignalId} deployment {DeploymentId} on {Venue}", signal.Id, deployment.Id, position.Venue);
            return new DeploymentExecution(deployment.Id, DeploymentOutcome.Unknown, decision, routing, position, $"{position.Venue.ToName()} order outcome unknown ({ex.GetType().Name}); retried with the same client order id after the lease");
        }

        var (stopLoss, takeProfit, trailing) = ProtectionLevels.From(signal.RiskModel, trade.Side, result.AveragePrice);
        var fill = new PositionFill(result.VenueOrderId, result.FilledQuantity, result.AveragePrice, result.Leverage, result.CollateralUsd, result.FeesUsd, stopLoss, takeProfit, trailing);
        var opened = await _store.CompleteOpenAsync(position.Id, fill, CancellationToken.None).ConfigureAwait(false);
        _metrics.RecordTrade("opened", position.Venue);
        return new DeploymentExecution(deployment.Id, DeploymentOutcome.Opened, decision, routing, opened, null);
    }

    private async ValueTask<decimal?> GetAccountValueAsync(AgentDeployment deployment, CancellationToken cancellationToken)
    {
        try
        {
            return await _accountValues.GetAccountValueUsdAsync(deployment, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Unknown, not fatal: the policy rules that need the account value refuse the trade on their own.
            _logger.LogWarning(ex, "Account value of deployment {DeploymentId} unavailable", deployment.Id);
            return null;
        }
    }

    private async Task<Position?> FindPositionAsync(Guid signalId, Guid deploymentId, CancellationToken cancellationToken)
    {
        var found = await _store.ListPositionsAsync(new PositionQuery(SignalId: signalId, DeploymentId: deploymentId, Limit: 1), cancellationToken).ConfigureAwait(false);
        return found.Count > 0 ? found[0] : null;
    }

    private async Task<ExecutionResult> FinishedResultAsync(Signal signal, CancellationToken cancellationToken)
    {
        var positions = await _store.ListPositionsAsync(new PositionQuery(SignalId: signal.Id), cancellationToken).ConfigureAwait(false);
        var outcomes = positions
            .Select(p => new DeploymentExecution(p.DeploymentId, p.Status == PositionStatus.Failed ? DeploymentOutcome.Failed : DeploymentOutcome.AlreadyExecuted, null, null, p, p.FailureReason))
            .ToList();
        return new ExecutionResult(signal.Id, signal.Status, signal.FinalVenue, signal.SkippedReason, outcomes, AlreadyProcessed: true);
    }

    private static RoutingRecord ToRecord(Signal signal, AgentDeployment deployment, RoutingDecision routing, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        SignalId = signal.Id,
        DeploymentId = deployment.Id,
        TokenSymbol = routing.TokenSymbol,
        SelectedVenue = routing.SelectedVenue,
        RoutingReason = routing.Reason,
        CheckedVenues = routing.CheckedVenues,
        VenueAvailability = routing.Availability.ToDictionary(),
        RoutingDurationMs = routing.Duration.TotalMilliseconds,
        CreatedAt = now,
    };
}
