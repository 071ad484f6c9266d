using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Security;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Stats;

namespace Maxxit.Sdk.Storage.InMemory;

/// <summary>
/// The embedded default store: everything in process memory behind one lock, so each method is atomic exactly as a
/// transaction of the Postgres store is. Nothing survives the process.
/// </summary>
public sealed partial class InMemoryMaxxitStore : IMaxxitStore, IFanOutWorkStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, Agent> _agents = [];
    private readonly Dictionary<Guid, AgentDeployment> _deployments = [];
    private readonly Dictionary<Guid, Signal> _signals = [];
    private readonly Dictionary<Guid, Position> _positions = [];
    private readonly Dictionary<(Guid Signal, Guid Deployment), Guid> _positionBySlot = [];
    private readonly SortedSet<(DateTimeOffset OpenedAt, Guid Id)> _byOpened = [];
    private readonly Dictionary<Guid, long> _positionCount = [];
    private readonly HashSet<(Guid Signal, Guid? Deployment)> _routedSlots = [];
    private readonly Dictionary<(Guid Signal, Guid Deployment), PolicyRecord> _policyRecords = [];
    private readonly Dictionary<Guid, SourceCursor> _cursors = [];
    private readonly List<RoutingRecord> _routing = [];
    private readonly Dictionary<Guid, RoutingConfig> _routingConfigs = [];
    private RoutingConfig _globalConfig = RoutingConfig.GlobalDefault;

    /// <inheritdoc />
    public Task CreateAgentAsync(Agent agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        lock (_lock)
        {
            if (!_agents.TryAdd(agent.Id, agent))
            {
                throw new MaxxitConflictException("agent_id", $"agent {agent.Id} already exists");
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<Agent?> GetAgentAsync(Guid agentId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_agents.GetValueOrDefault(agentId));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Agent>> ListAgentsAsync(AgentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_lock)
        {
            IReadOnlyList<Agent> result = _agents.Values
                .Where(a => query.CreatorWallet is null || string.Equals(a.CreatorWallet, query.CreatorWallet, StringComparison.OrdinalIgnoreCase))
                .Where(a => query.Status is null || a.Status == query.Status)
                .OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id)
                .ToList();
            return Task.FromResult(result);
        }
    }

    /// <inheritdoc />
    public Task UpdateAgentMetricsAsync(Guid agentId, AgentMetrics metrics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        lock (_lock)
        {
            var agent = _agents.GetValueOrDefault(agentId) ?? throw new MaxxitNotFoundException("agent", agentId.ToString(), "agent_id");
            _agents[agentId] = agent with { Metrics = metrics };
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CreateDeploymentAsync(AgentDeployment deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        lock (_lock)
        {
            if (!_agents.ContainsKey(deployment.AgentId))
            {
                throw new MaxxitNotFoundException("agent", deployment.AgentId.ToString(), "agent_id");
            }

            if (_deployments.Values.Any(d => d.AgentId == deployment.AgentId && string.Equals(d.UserWallet, deployment.UserWallet, StringComparison.OrdinalIgnoreCase)))
            {
                throw new MaxxitConflictException("user_wallet", $"agent {deployment.AgentId} is already deployed to {deployment.UserWallet}");
            }

            _deployments.Add(deployment.Id, AgentKeyBinding.BindKeys(deployment));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<AgentDeployment?> GetDeploymentAsync(Guid deploymentId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_deployments.GetValueOrDefault(deploymentId));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AgentDeployment>> ListDeploymentsAsync(Guid agentId, DeploymentStatus? status, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<AgentDeployment> result = _deployments.Values
                .Where(d => d.AgentId == agentId && (status is null || d.Status == status))
                .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
                .ToList();
            return Task.FromResult(result);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AgentDeployment>> ListAllDeploymentsAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<AgentDeployment> result = _deployments.Values.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).ToList();
            return Task.FromResult(result);
        }
    }

    /// <inheritdoc />
    public Task UpdateDeploymentPolicyAsync(Guid deploymentId, DeploymentPolicy? policy, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var deployment = _deployments.GetValueOrDefault(deploymentId) ?? throw new MaxxitNotFoundException("deployment", deploymentId.ToString(), "deployment_id");
            _deployments[deploymentId] = deployment with { Policy = policy };
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CreateSignalAsync(Signal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        lock (_lock)
        {
            AddSignal(signal);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CreateSignalsWithCursorAsync(IReadOnlyList<Signal> signals, SourceCursor cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(cursor);
        lock (_lock)
        {
            if (!_agents.ContainsKey(cursor.AgentId) || signals.Any(s => !_agents.ContainsKey(s.AgentId)))
            {
                throw new MaxxitNotFoundException("agent", cursor.AgentId.ToString(), "agent_id");
            }

            if (signals.Select(s => s.Id).Distinct().Count() != signals.Count || signals.Any(s => _signals.ContainsKey(s.Id)))
            {
                throw new MaxxitConflictException("signal_id", "a signal with this id already exists");
            }

            foreach (var signal in signals)
            {
                _signals.Add(signal.Id, signal);
            }

            _cursors[cursor.AgentId] = cursor with { Positions = new Dictionary<string, string>(cursor.Positions) };
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<SourceCursor> GetCursorAsync(Guid agentId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_cursors.GetValueOrDefault(agentId) ?? SourceCursor.Empty(agentId));
        }
    }

    /// <inheritdoc />
    public Task<Signal?> GetSignalAsync(Guid signalId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_signals.GetValueOrDefault(signalId));
        }
    }

    /// <inheritdoc />
    public Task<Signal?> TryClaimSignalAsync(Guid signalId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_signals.TryGetValue(signalId, out var signal) && IsClaimable(signal, now) ? Claim(signal, now, lease) : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Signal>> ClaimPendingSignalsAsync(int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        lock (_lock)
        {
            IReadOnlyList<Signal> claimed = _signals.Values
                .Where(s => IsClaimable(s, now))
                .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
                .Take(max)
                .ToList()
                .Select(s => Claim(s, now, lease))
                .ToList();
            return Task.FromResult(claimed);
        }
    }

    /// <inheritdoc />
    public Task<bool> RenewSignalLeaseAsync(Guid signalId, long fence, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_signals.TryGetValue(signalId, out var signal) || signal.Status != SignalStatus.Executing || signal.Fence != fence)
            {
                return Task.FromResult(false);
            }

            _signals[signalId] = signal with { LeaseExpiresAt = now + lease };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> CompleteSignalAsync(SignalCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        lock (_lock)
        {
            var signal = _signals.GetValueOrDefault(completion.SignalId) ?? throw new MaxxitNotFoundException("signal", completion.SignalId.ToString(), "signal_id");
            if (signal.Status != SignalStatus.Executing || signal.Fence != completion.Fence)
            {
                return Task.FromResult(false);
            }

            _signals[signal.Id] = Completed(signal, completion);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReservationResult>> ReserveExecutionsAsync(IReadOnlyList<ExecutionReservation> reservations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservations);
        lock (_lock)
        {
            // Checked before anything is written, so that a bad reservation leaves nothing half-written.
            foreach (var r in reservations)
            {
                ArgumentNullException.ThrowIfNull(r);
                if (!_signals.ContainsKey(r.Position.SignalId) || !_deployments.ContainsKey(r.Position.DeploymentId))
                {
                    throw new MaxxitNotFoundException(_signals.ContainsKey(r.Position.SignalId) ? "deployment" : "signal", r.Position.SignalId.ToString(), "signal_id");
                }
            }

            IReadOnlyList<ReservationResult> results = [.. reservations.Select(Reserve)];
            return Task.FromResult(results);
        }
    }

    private ReservationResult Reserve(ExecutionReservation reservation)
    {
        var position = reservation.Position;
        if (_positionBySlot.TryGetValue((position.SignalId, position.DeploymentId), out var existingId))
        {
            return new ReservationResult(ReservationStatus.Existing, _positions[existingId]);
        }

        var signal = _signals[position.SignalId];
        if (signal.Status != SignalStatus.Executing || signal.Fence != position.Fence)
        {
            return new ReservationResult(ReservationStatus.ClaimLost, null);
        }

        var count = _positionCount.GetValueOrDefault(position.DeploymentId);
        if (reservation.PolicyStateVersion is { } version && count != version)
        {
            return new ReservationResult(ReservationStatus.PolicyStateChanged, null);
        }

        _positions.Add(position.Id, position);
        _byOpened.Add((position.OpenedAt, position.Id));
        _positionBySlot.Add((position.SignalId, position.DeploymentId), position.Id);
        _positionCount[position.DeploymentId] = count + 1;
        AddRouting(reservation.Routing);
        _policyRecords[(position.SignalId, position.DeploymentId)] = reservation.Policy;
        return new ReservationResult(ReservationStatus.Reserved, position);
    }

    /// <inheritdoc />
    public Task RecordNoTradeAsync(RoutingRecord? routing, PolicyRecord? policy, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (routing is not null)
            {
                AddRouting(routing);
            }

            if (policy is not null)
            {
                _policyRecords[(policy.SignalId, policy.DeploymentId)] = policy;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<Position?> BeginSubmitAsync(Guid positionId, long signalFence, DateTimeOffset now, CancellationToken cancellationToken) =>
        Fenced(
            positionId,
            p => p.Status is PositionStatus.Reserved or PositionStatus.Submitted && !(p.LeaseExpiresAt > now)
                && _signals.TryGetValue(p.SignalId, out var s) && s.Status == SignalStatus.Executing && s.Fence == signalFence,
            p => p with { Status = PositionStatus.Submitted, Fence = p.Fence + 1, LeaseExpiresAt = null });

    /// <inheritdoc />
    public Task<int> RenewFanOutItemsAsync(IReadOnlyList<Position> items, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        lock (_lock)
        {
            var renewed = 0;
            foreach (var item in items)
            {
                if (_positions.TryGetValue(item.Id, out var p) && p.Fence == item.Fence && p.Status == PositionStatus.Submitted)
                {
                    _positions[item.Id] = p with { LeaseExpiresAt = now + lease };
                    renewed++;
                }
            }

            return Task.FromResult(renewed);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Position>> ClaimFanOutItemsAsync(int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        return ClaimOldest(
            p => p.Status == PositionStatus.Reserved && !(p.LeaseExpiresAt > now) && _signals.TryGetValue(p.SignalId, out var s) && s.Status == SignalStatus.Executing,
            max,
            now + lease);
    }

    /// <inheritdoc />
    public Task<Position?> BeginSubmitItemAsync(Guid positionId, long fence, CancellationToken cancellationToken) =>
        Fenced(positionId, p => p.Status == PositionStatus.Reserved && p.Fence == fence, p => p with { Status = PositionStatus.Submitted });

    /// <inheritdoc />
    public Task<Position?> FailOverAsync(Guid positionId, long fence, Venue venue, RoutingRecord routing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routing);
        lock (_lock)
        {
            var moved = Change(positionId, p => p.Status == PositionStatus.Submitted && p.Fence == fence, p => p with { Status = PositionStatus.Reserved, Venue = venue, SubmissionId = null });
            if (moved is not null)
            {
                var i = _routing.FindIndex(r => r.SignalId == moved.SignalId && r.DeploymentId == moved.DeploymentId);
                if (i >= 0)
                {
                    _routing[i] = routing with { Id = _routing[i].Id, CreatedAt = _routing[i].CreatedAt };
                }
            }

            return Task.FromResult(moved);
        }
    }

    /// <inheritdoc />
    public Task<Position?> RecordSubmissionAsync(Guid positionId, long fence, string submissionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(submissionId);
        return Fenced(positionId, p => p.Status == PositionStatus.Submitted && p.Fence == fence, p => p with { SubmissionId = submissionId });
    }

    /// <inheritdoc />
    public Task<Position?> CompleteOpenAsync(Guid positionId, long fence, PositionFill fill, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fill);
        return Fenced(positionId, p => p.Status is PositionStatus.Submitted or PositionStatus.PendingFill && p.Fence == fence, p => p with
        {
            Status = PositionStatus.Open,
            VenueOrderId = fill.VenueOrderId,
            Quantity = fill.Quantity,
            EntryPrice = fill.EntryPrice,
            Leverage = fill.Leverage,
            CollateralUsd = fill.CollateralUsd,
            FeesUsd = fill.FeesUsd,
            StopLoss = fill.StopLoss,
            TakeProfit = fill.TakeProfit,
            Trailing = fill.Trailing,
            LeaseExpiresAt = null,
        });
    }

    /// <inheritdoc />
    public Task<Position?> MarkPendingFillAsync(Guid positionId, long fence, string? venueOrderId, DateTimeOffset checkAt, CancellationToken cancellationToken) =>
        Fenced(positionId, p => p.Status is PositionStatus.Submitted or PositionStatus.PendingFill && p.Fence == fence, p => p with
        {
            Status = PositionStatus.PendingFill,
            VenueOrderId = venueOrderId ?? p.VenueOrderId,
            LeaseExpiresAt = checkAt,
        });

    /// <inheritdoc />
    public Task<Position?> EndOpenAsync(Guid positionId, long fence, PositionStatus status, string reason, CancellationToken cancellationToken)
    {
        CheckEndStatus(status);
        return Fenced(positionId, p => p.Status is PositionStatus.Reserved or PositionStatus.Submitted or PositionStatus.PendingFill && p.Fence == fence, p => p with
        {
            Status = status,
            FailureReason = reason,
            LeaseExpiresAt = null,
        });
    }

    /// <inheritdoc />
    public Task<Position?> RecordUnknownOutcomeAsync(Guid positionId, long fence, string reason, int maxAttempts, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        return Fenced(positionId, p => p.Status is PositionStatus.Submitted or PositionStatus.PendingFill or PositionStatus.Closing && p.Fence == fence, p => p.Attempts + 1 >= maxAttempts
            ? p with { Status = PositionStatus.NeedsReconciliation, Attempts = p.Attempts + 1, FailureReason = reason, LeaseExpiresAt = null }
            : p with { Attempts = p.Attempts + 1, FailureReason = reason, LeaseExpiresAt = retryAt });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Position>> ClaimPositionsAsync(PositionStatus status, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (status is not (PositionStatus.PendingFill or PositionStatus.Submitted))
        {
            throw new MaxxitValidationException("status", "only SUBMITTED or PENDING_FILL positions are claimed this way");
        }

        return ClaimOldest(p => p.Status == status && !(p.LeaseExpiresAt > now) && (status == PositionStatus.PendingFill || !SignalHeld(p, now)), max, now + lease);
    }

    /// <inheritdoc />
    public Task<PolicyState> GetPolicyStateAsync(Guid deploymentId, string tokenSymbol, DateTimeOffset dayStart, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var mine = _positions.Values.Where(p => p.DeploymentId == deploymentId).ToList();
            var live = mine.Where(p => p.IsOpening || p.IsOpenOnVenue).ToList();
            var counted = mine.Where(p => p.Status is not (PositionStatus.Failed or PositionStatus.Cancelled)).ToList();
            return Task.FromResult(new PolicyState(
                live.Count,
                live.Sum(Notional),
                live.Where(p => p.TokenSymbol == tokenSymbol).Sum(Notional),
                counted.Where(p => p.TokenSymbol == tokenSymbol).Select(p => (DateTimeOffset?)p.OpenedAt).Max(),
                counted.Count(p => p.OpenedAt >= dayStart),
                _positionCount.GetValueOrDefault(deploymentId)));
        }

        static decimal Notional(Position p) => p.IsOpening ? p.IntendedNotionalUsd : p.Quantity * p.EntryPrice;
    }

    /// <inheritdoc />
    public Task<PolicyRecord?> GetPolicyRecordAsync(Guid signalId, Guid deploymentId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_policyRecords.GetValueOrDefault((signalId, deploymentId)));
        }
    }

    /// <inheritdoc />
    public Task<Position?> GetPositionAsync(Guid positionId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_positions.GetValueOrDefault(positionId));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Position>> ListPositionsAsync(PositionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_lock)
        {
            IReadOnlyList<Position> result = _positions.Values
                .Where(p => query.Status is null || p.Status == query.Status)
                .Where(p => query.DeploymentId is null || p.DeploymentId == query.DeploymentId)
                .Where(p => query.SignalId is null || p.SignalId == query.SignalId)
                .Where(p => query.AgentId is null || (_deployments.TryGetValue(p.DeploymentId, out var d) && d.AgentId == query.AgentId))
                .OrderByDescending(p => p.OpenedAt).ThenBy(p => p.Id)
                .Take(query.Limit)
                .ToList();
            return Task.FromResult(result);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Position>> PagePositionsAsync(PositionStatus status, PositionPageKey? after, int limit, int shard, int shardCount, CancellationToken cancellationToken) =>
        Task.FromResult(Page(status, after, limit, shard, shardCount, static p => p));

    /// <inheritdoc />
    public Task<IReadOnlyList<MonitoredPosition>> PageMonitoredPositionsAsync(PositionStatus status, PositionPageKey? after, int limit, int shard, int shardCount, CancellationToken cancellationToken) =>
        Task.FromResult(Page(status, after, limit, shard, shardCount, static p => MonitoredPosition.From(p)));

    private IReadOnlyList<T> Page<T>(PositionStatus status, PositionPageKey? after, int limit, int shard, int shardCount, Func<Position, T> map)
    {
        CheckPage(limit, shard, shardCount);
        lock (_lock)
        {
            var page = new List<T>(Math.Min(limit, 1024));
            if (after is { } last && (_byOpened.Count == 0 || _byOpened.Comparer.Compare((last.OpenedAt, last.Id), _byOpened.Max) >= 0))
            {
                return page;
            }

            var view = after is { } key ? _byOpened.GetViewBetween((key.OpenedAt, key.Id), _byOpened.Max) : _byOpened;
            foreach (var (openedAt, id) in view)
            {
                if (after is { } k && openedAt == k.OpenedAt && id == k.Id)
                {
                    continue;
                }

                var p = _positions[id];
                if (p.Status == status && (shardCount == 1 || ShardOf(id, shardCount) == shard))
                {
                    page.Add(map(p));
                    if (page.Count == limit)
                    {
                        break;
                    }
                }
            }

            return page;
        }
    }

    /// <inheritdoc />
    public Task UpdateTrailingAsync(Guid positionId, TrailingParams trailing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trailing);
        Change(positionId, p => p.Status == PositionStatus.Open, p => p with { Trailing = trailing });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<Position?> TryBeginCloseAsync(Guid positionId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_positions.TryGetValue(positionId, out var p))
            {
                return Task.FromResult<Position?>(null);
            }

            Position? claimed = p.Status switch
            {
                PositionStatus.Open => p with { Status = PositionStatus.Closing, CloseAttempts = p.CloseAttempts + 1, ClosePending = false, Fence = p.Fence + 1, LeaseExpiresAt = now + lease },
                PositionStatus.Closing when p.LeaseExpiresAt <= now => p with { Fence = p.Fence + 1, LeaseExpiresAt = now + lease },
                _ => null,
            };
            if (claimed is not null)
            {
                _positions[positionId] = claimed;
            }

            return Task.FromResult(claimed);
        }
    }

    /// <inheritdoc />
    public Task<Position?> MarkClosePendingAsync(Guid positionId, long fence, DateTimeOffset checkAt, CancellationToken cancellationToken) =>
        Fenced(positionId, p => p.Status == PositionStatus.Closing && p.Fence == fence, p => p with { ClosePending = true, LeaseExpiresAt = checkAt });

    /// <inheritdoc />
    public Task<Position?> ReopenAsync(Guid positionId, long fence, string reason, CancellationToken cancellationToken) =>
        Fenced(positionId, p => p.Status == PositionStatus.Closing && p.Fence == fence, p => p with { Status = PositionStatus.Open, ClosePending = false, FailureReason = reason, LeaseExpiresAt = null });

    /// <inheritdoc />
    public Task<Position?> CompleteCloseAsync(Guid positionId, long fence, PositionClose close, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(close);
        return Fenced(positionId, p => p.Status == PositionStatus.Closing && p.Fence == fence, p => p with
        {
            Status = PositionStatus.Closed,
            ExitPrice = close.ExitPrice,
            Pnl = close.Pnl,
            FeesUsd = close.FeesUsd,
            CloseReason = close.Reason,
            ClosedAt = close.ClosedAt,
            ClosePending = false,
            LeaseExpiresAt = null,
        });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RoutingConfig>> ListRoutingConfigsAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<RoutingConfig> result = [_globalConfig, .. _routingConfigs.Values];
            return Task.FromResult(result);
        }
    }

    /// <inheritdoc />
    public Task UpsertRoutingConfigAsync(RoutingConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        lock (_lock)
        {
            if (config.AgentId is { } agentId)
            {
                if (!_agents.ContainsKey(agentId))
                {
                    throw new MaxxitNotFoundException("agent", agentId.ToString(), "agent_id");
                }

                _routingConfigs[agentId] = config;
            }
            else
            {
                _globalConfig = config;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<RoutingHistoryPage> GetRoutingHistoryAsync(RoutingHistoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_lock)
        {
            var matching = _routing
                .Where(r => query.TokenSymbol is null || r.TokenSymbol == query.TokenSymbol)
                .Where(r => query.SelectedVenue is null || r.SelectedVenue == query.SelectedVenue)
                .ToList();
            var page = matching.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(query.Limit).ToList();
            return Task.FromResult(new RoutingHistoryPage(page, Summarize(matching)));
        }
    }

    /// <inheritdoc />
    public Task<OverviewStats> GetOverviewAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var byStatus = PositionStatusCounts.Complete(_positions.Values.CountBy(p => p.Status));
            return Task.FromResult(new OverviewStats
            {
                Agents = _agents.Count,
                ActiveAgents = _agents.Values.Count(a => a.Status == AgentStatus.Active),
                Deployments = _deployments.Count,
                Signals = _signals.Count,
                Positions = PositionStatusCounts.Total(byStatus),
                OpenPositions = PositionStatusCounts.Open(byStatus),
                ClosedPositions = PositionStatusCounts.Closed(byStatus),
                PositionsByStatus = byStatus,
                TotalPnl = _positions.Values.Where(p => p.Status == PositionStatus.Closed).Sum(p => p.Pnl ?? 0m),
                Routing = new RoutingStats(Summarize(_routing), _routing.Count == 0 ? 0 : _routing.Average(r => r.RoutingDurationMs))
                {
                    AvgDurationMsByVenue = _routing.Where(r => r.SelectedVenue is not null)
                        .GroupBy(r => r.SelectedVenue!.Value)
                        .ToDictionary(g => g.Key, g => g.Average(r => r.RoutingDurationMs)),
                },
                PolicyRejectionsByRule = _policyRecords.Values
                    .Where(r => r.Outcome == PolicyOutcome.Rejected)
                    .GroupBy(r => r.RejectedBy ?? "unknown")
                    .ToDictionary(g => g.Key, g => g.Count()),
            });
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AgentStats>> GetAgentStatsAsync(IReadOnlyList<Guid> agentIds, DateOnly pnlSince, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agentIds);
        lock (_lock)
        {
            var wanted = agentIds.ToHashSet();
            var positions = _positions.Values
                .Select(p => (Agent: _deployments.TryGetValue(p.DeploymentId, out var d) ? d.AgentId : Guid.Empty, Position: p))
                .Where(x => wanted.Contains(x.Agent))
                .ToLookup(x => x.Agent, x => x.Position);
            var signals = _signals.Values.Where(s => wanted.Contains(s.AgentId)).CountBy(s => s.AgentId).ToDictionary();
            IReadOnlyList<AgentStats> result = agentIds.Select(id =>
            {
                var mine = positions[id].ToList();
                var closed = mine.Where(p => p.Status == PositionStatus.Closed).ToList();
                var daily = closed
                    .GroupBy(p => DateOnly.FromDateTime((p.ClosedAt ?? p.OpenedAt).UtcDateTime))
                    .Where(g => g.Key >= pnlSince)
                    .OrderBy(g => g.Key)
                    .Select(g => new DailyPnl(g.Key, g.Count(), g.Sum(p => p.Pnl ?? 0m)))
                    .ToList();
                return new AgentStats(id, signals.GetValueOrDefault(id), PositionStatusCounts.Complete(mine.CountBy(p => p.Status)), closed.Sum(p => p.Pnl ?? 0m), daily);
            }).ToList();
            return Task.FromResult(result);
        }
    }

    private static RoutingSummary Summarize(List<RoutingRecord> records) => new(
        records.Count,
        records.Where(r => r.SelectedVenue is not null).GroupBy(r => r.SelectedVenue!.Value).ToDictionary(g => g.Key, g => g.Count()),
        records.Count(r => r.SelectedVenue is null));

    private static bool IsClaimable(Signal signal, DateTimeOffset now) =>
        signal.Status == SignalStatus.Pending || (signal.Status == SignalStatus.Executing && signal.LeaseExpiresAt <= now);

    private static void CheckEndStatus(PositionStatus status)
    {
        if (status is not (PositionStatus.Cancelled or PositionStatus.Failed))
        {
            throw new MaxxitValidationException("status", "an opening order ends CANCELLED or FAILED");
        }
    }

    private static void CheckPage(int limit, int shard, int shardCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 10_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        if (shard < 0 || shard >= shardCount)
        {
            throw new ArgumentOutOfRangeException(nameof(shard), shard, "must be in [0, shardCount)");
        }
    }

    private static int ShardOf(Guid id, int shardCount) => (int)((uint)id.GetHashCode() % (uint)shardCount);

    private Signal Claim(Signal signal, DateTimeOffset now, TimeSpan lease)
    {
        var claimed = signal with { Status = SignalStatus.Executing, LeaseExpiresAt = now + lease, Fence = signal.Fence + 1 };
        _signals[signal.Id] = claimed;
        return claimed;
    }

    /// <summary>Whether the position's signal is still held by a live executor (which resumes it itself).</summary>
    private bool SignalHeld(Position p, DateTimeOffset now) =>
        _signals.TryGetValue(p.SignalId, out var s) && s.Status == SignalStatus.Executing && s.LeaseExpiresAt > now;

    private void AddRouting(RoutingRecord routing)
    {
        // One audit row per (signal, deployment) decision, also when a crashed execution is resumed.
        if (routing.DeploymentId is null || _routedSlots.Add((routing.SignalId, routing.DeploymentId)))
        {
            _routing.Add(routing);
        }
    }

    private void AddSignal(Signal signal)
    {
        if (!_agents.ContainsKey(signal.AgentId))
        {
            throw new MaxxitNotFoundException("agent", signal.AgentId.ToString(), "agent_id");
        }

        if (!_signals.TryAdd(signal.Id, signal))
        {
            throw new MaxxitConflictException("signal_id", $"signal {signal.Id} already exists");
        }
    }

    private Task<Position?> Fenced(Guid positionId, Func<Position, bool> allowed, Func<Position, Position> change) =>
        Task.FromResult(Change(positionId, allowed, change));

    /// <summary>Applies <paramref name="change"/> when <paramref name="allowed"/> holds; null (nothing written) when it does not.</summary>
    private Position? Change(Guid positionId, Func<Position, bool> allowed, Func<Position, Position> change)
    {
        lock (_lock)
        {
            var current = _positions.GetValueOrDefault(positionId) ?? throw new MaxxitNotFoundException("position", positionId.ToString(), "position_id");
            if (!allowed(current))
            {
                return null;
            }

            var next = change(current);
            _positions[positionId] = next;
            return next;
        }
    }

    // Oldest first: each eligible position gets its fence raised by one and a lease until leaseUntil, up to max of them.
    private Task<IReadOnlyList<Position>> ClaimOldest(Func<Position, bool> eligible, int max, DateTimeOffset leaseUntil)
    {
        lock (_lock)
        {
            var claimed = new List<Position>();
            foreach (var (_, id) in _byOpened)
            {
                var p = _positions[id];
                if (!eligible(p))
                {
                    continue;
                }

                var next = p with { Fence = p.Fence + 1, LeaseExpiresAt = leaseUntil };
                _positions[id] = next;
                claimed.Add(next);
                if (claimed.Count == max)
                {
                    break;
                }
            }

            return Task.FromResult<IReadOnlyList<Position>>(claimed);
        }
    }

    private static Signal Completed(Signal signal, SignalCompletion completion) => signal with
    {
        Status = completion.Status,
        FinalVenue = completion.FinalVenue,
        RoutedAt = completion.RoutedAt,
        ExecutedAt = completion.ExecutedAt,
        SkippedReason = completion.Reason,
        LeaseExpiresAt = null,
    };
}
