using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Stats;

namespace Maxxit.Sdk.Storage.InMemory;

/// <summary>
/// The embedded default store: everything in process memory behind one lock, so each method is atomic exactly as a
/// transaction of the Postgres store is. Nothing survives the process.
/// </summary>
public sealed class InMemoryMaxxitStore : IMaxxitStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, Agent> _agents = [];
    private readonly Dictionary<Guid, AgentDeployment> _deployments = [];
    private readonly Dictionary<Guid, Signal> _signals = [];
    private readonly Dictionary<Guid, Position> _positions = [];
    private readonly Dictionary<(Guid Signal, Guid Deployment), Guid> _positionBySlot = [];
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

            _deployments.Add(deployment.Id, deployment);
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
    public Task CompleteSignalAsync(SignalCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        lock (_lock)
        {
            var signal = _signals.GetValueOrDefault(completion.SignalId) ?? throw new MaxxitNotFoundException("signal", completion.SignalId.ToString(), "signal_id");
            _signals[signal.Id] = signal with
            {
                Status = completion.Status,
                FinalVenue = completion.FinalVenue,
                RoutedAt = completion.RoutedAt,
                ExecutedAt = completion.ExecutedAt,
                SkippedReason = completion.Reason,
                LeaseExpiresAt = null,
            };
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ReservationResult> ReserveExecutionAsync(ExecutionReservation reservation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        var position = reservation.Position;
        lock (_lock)
        {
            if (_positionBySlot.TryGetValue((position.SignalId, position.DeploymentId), out var existingId))
            {
                return Task.FromResult(new ReservationResult(_positions[existingId], IsNew: false));
            }

            if (!_signals.ContainsKey(position.SignalId) || !_deployments.ContainsKey(position.DeploymentId))
            {
                throw new MaxxitNotFoundException(_signals.ContainsKey(position.SignalId) ? "deployment" : "signal", position.SignalId.ToString(), "signal_id");
            }

            _positions.Add(position.Id, position);
            _positionBySlot.Add((position.SignalId, position.DeploymentId), position.Id);
            _routing.Add(reservation.Routing);
            _policyRecords[(position.SignalId, position.DeploymentId)] = reservation.Policy;
            return Task.FromResult(new ReservationResult(position, IsNew: true));
        }
    }

    /// <inheritdoc />
    public Task RecordNoTradeAsync(RoutingRecord? routing, PolicyRecord? policy, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (routing is not null)
            {
                _routing.Add(routing);
            }

            if (policy is not null)
            {
                _policyRecords[(policy.SignalId, policy.DeploymentId)] = policy;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RecordSubmissionAsync(Guid positionId, string submissionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(submissionId);
        Update(positionId, p => p.Status == PositionStatus.Reserved ? p with { SubmissionId = submissionId } : throw NotIn(p, PositionStatus.Reserved));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<Position> CompleteOpenAsync(Guid positionId, PositionFill fill, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fill);
        return Task.FromResult(Update(positionId, p => p.Status == PositionStatus.Reserved
            ? p with
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
            }
            : throw NotIn(p, PositionStatus.Reserved)));
    }

    /// <inheritdoc />
    public Task FailOpenAsync(Guid positionId, string reason, CancellationToken cancellationToken)
    {
        Update(positionId, p => p.Status == PositionStatus.Reserved ? p with { Status = PositionStatus.Failed, FailureReason = reason } : throw NotIn(p, PositionStatus.Reserved));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<PolicyState> GetPolicyStateAsync(Guid deploymentId, string tokenSymbol, DateTimeOffset dayStart, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var mine = _positions.Values.Where(p => p.DeploymentId == deploymentId).ToList();
            var open = mine.Where(p => p.Status is PositionStatus.Reserved or PositionStatus.Open or PositionStatus.Closing).ToList();
            var lastTrade = mine.Where(p => p.TokenSymbol == tokenSymbol && p.Status != PositionStatus.Failed).Select(p => (DateTimeOffset?)p.OpenedAt).Max();
            return Task.FromResult(new PolicyState(
                open.Count,
                open.Sum(p => p.Quantity * p.EntryPrice),
                open.Where(p => p.TokenSymbol == tokenSymbol).Sum(p => p.Quantity * p.EntryPrice),
                lastTrade,
                mine.Count(p => p.OpenedAt >= dayStart && p.Status != PositionStatus.Failed)));
        }
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
    public Task UpdateTrailingAsync(Guid positionId, TrailingParams trailing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trailing);
        Update(positionId, p => p.Status == PositionStatus.Open ? p with { Trailing = trailing } : p);
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

            var claimable = p.Status == PositionStatus.Open || (p.Status == PositionStatus.Closing && p.LeaseExpiresAt <= now);
            if (!claimable)
            {
                return Task.FromResult<Position?>(null);
            }

            var claimed = p with { Status = PositionStatus.Closing, LeaseExpiresAt = now + lease };
            _positions[positionId] = claimed;
            return Task.FromResult<Position?>(claimed);
        }
    }

    /// <inheritdoc />
    public Task<Position> CompleteCloseAsync(Guid positionId, PositionClose close, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(close);
        return Task.FromResult(Update(positionId, p => p.Status == PositionStatus.Closing
            ? p with
            {
                Status = PositionStatus.Closed,
                ExitPrice = close.ExitPrice,
                Pnl = close.Pnl,
                FeesUsd = close.FeesUsd,
                CloseReason = close.Reason,
                ClosedAt = close.ClosedAt,
                LeaseExpiresAt = null,
            }
            : throw NotIn(p, PositionStatus.Closing)));
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

    private static InvalidOperationException NotIn(Position position, PositionStatus expected) =>
        new($"position {position.Id} is {position.Status}, not {expected}");

    private Signal Claim(Signal signal, DateTimeOffset now, TimeSpan lease)
    {
        var claimed = signal with { Status = SignalStatus.Executing, LeaseExpiresAt = now + lease };
        _signals[signal.Id] = claimed;
        return claimed;
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

    private Position Update(Guid positionId, Func<Position, Position> change)
    {
        lock (_lock)
        {
            var current = _positions.GetValueOrDefault(positionId) ?? throw new MaxxitNotFoundException("position", positionId.ToString(), "position_id");
            var next = change(current);
            _positions[positionId] = next;
            return next;
        }
    }
}
