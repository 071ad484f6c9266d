using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Storage.InMemory;

/// <summary>The executor's batched writes: a signal read with its deployments, claim with reservations, order outcomes with completion.</summary>
public sealed partial class InMemoryMaxxitStore
{
    /// <inheritdoc />
    public Task<ExecutionSnapshot?> GetExecutionSnapshotAsync(Guid signalId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_signals.TryGetValue(signalId, out var signal))
            {
                return Task.FromResult<ExecutionSnapshot?>(null);
            }

            IReadOnlyList<AgentDeployment> deployments = _deployments.Values
                .Where(d => d.AgentId == signal.AgentId && d.Status == DeploymentStatus.Active)
                .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
                .ToList();
            return Task.FromResult<ExecutionSnapshot?>(new ExecutionSnapshot(signal, deployments));
        }
    }

    /// <inheritdoc />
    public Task<SignalClaim?> ClaimSignalWithReservationsAsync(Guid signalId, long observedFence, DateTimeOffset now, TimeSpan lease, IReadOnlyList<ExecutionReservation> reservations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservations);
        ExecutionReservation.CheckClaim(signalId, observedFence, reservations);
        lock (_lock)
        {
            // Checked before anything is written, so that a bad reservation leaves nothing half-written.
            if (reservations.FirstOrDefault(r => !_deployments.ContainsKey(r.Position.DeploymentId)) is { } unknown)
            {
                throw new MaxxitNotFoundException("deployment", unknown.Position.DeploymentId.ToString(), "deployment_id");
            }

            if (!_signals.TryGetValue(signalId, out var signal) || signal.Status != SignalStatus.Pending || signal.Fence != observedFence)
            {
                return Task.FromResult<SignalClaim?>(null);
            }

            var claimed = Claim(signal, now, lease);
            return Task.FromResult<SignalClaim?>(new SignalClaim(claimed, [.. reservations.Select(Reserve)]));
        }
    }

    /// <inheritdoc />
    public Task<OrderOutcomesResult> RecordOrderOutcomesAsync(IReadOnlyList<OrderOutcome> outcomes, SignalCompletion? completion, CancellationToken cancellationToken)
    {
        CheckOutcomes(outcomes);
        lock (_lock)
        {
            var positions = new Position?[outcomes.Count];
            for (var i = 0; i < outcomes.Count; i++)
            {
                var o = outcomes[i];
                if (_positions.TryGetValue(o.PositionId, out var current) && current.Fence == o.Fence && MayMove(current.Status, o.Status))
                {
                    positions[i] = _positions[o.PositionId] = Apply(current, o);
                }
            }

            var completed = false;
            if (completion is not null && positions.All(p => p is not null)
                && _signals.TryGetValue(completion.SignalId, out var signal) && signal.Status == SignalStatus.Executing && signal.Fence == completion.Fence)
            {
                _signals[signal.Id] = Completed(signal, completion);
                completed = true;
            }

            return Task.FromResult(new OrderOutcomesResult(positions, completed));
        }
    }

    /// <summary>The states an opening order's outcome may move a position from (as the single-order writes).</summary>
    private static bool MayMove(PositionStatus from, PositionStatus to) => to is PositionStatus.Cancelled or PositionStatus.Failed
        ? from is PositionStatus.Reserved or PositionStatus.Submitted or PositionStatus.PendingFill
        : from is PositionStatus.Submitted or PositionStatus.PendingFill;

    private static Position Apply(Position p, OrderOutcome o) => o.Status switch
    {
        PositionStatus.Open => p with
        {
            Status = PositionStatus.Open,
            VenueOrderId = o.Fill!.VenueOrderId,
            Quantity = o.Fill.Quantity,
            EntryPrice = o.Fill.EntryPrice,
            Leverage = o.Fill.Leverage,
            CollateralUsd = o.Fill.CollateralUsd,
            FeesUsd = o.Fill.FeesUsd,
            StopLoss = o.Fill.StopLoss,
            TakeProfit = o.Fill.TakeProfit,
            Trailing = o.Fill.Trailing,
            LeaseExpiresAt = null,
        },
        PositionStatus.PendingFill => p with { Status = PositionStatus.PendingFill, VenueOrderId = o.VenueOrderId ?? p.VenueOrderId, LeaseExpiresAt = o.CheckAt },
        _ => p with { Status = o.Status, FailureReason = o.Reason, LeaseExpiresAt = null },
    };

    private static void CheckOutcomes(IReadOnlyList<OrderOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var seen = new HashSet<Guid>();
        foreach (var o in outcomes)
        {
            ArgumentNullException.ThrowIfNull(o);
            if (!seen.Add(o.PositionId))
            {
                throw new ArgumentException($"position {o.PositionId} has two outcomes in one batch", nameof(outcomes));
            }
        }
    }
}
