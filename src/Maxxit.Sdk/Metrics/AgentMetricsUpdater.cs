using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Storage;

namespace Maxxit.Sdk.Metrics;

/// <summary>Recomputes an agent's metrics from its positions in the store and saves them; called after closes.</summary>
public sealed class AgentMetricsUpdater
{
    private readonly IPositionStore _positions;
    private readonly IAgentStore _agents;
    private readonly TimeProvider _time;

    /// <summary>Creates the updater.</summary>
    public AgentMetricsUpdater(IPositionStore positions, IAgentStore agents, TimeProvider time)
    {
        _positions = positions;
        _agents = agents;
        _time = time;
    }

    /// <summary>Recomputes and stores the agent's apr_30d, apr_90d and sharpe_30d.</summary>
    public async Task<Agents.AgentMetrics> UpdateAsync(Guid agentId, CancellationToken cancellationToken)
    {
        var closed = await _positions.ListPositionsAsync(new PositionQuery(Status: PositionStatus.Closed, AgentId: agentId, Limit: 10_000), cancellationToken).ConfigureAwait(false);
        var metrics = AgentMetricsCalculator.Compute(closed, _time.GetUtcNow());
        await _agents.UpdateAgentMetricsAsync(agentId, metrics, cancellationToken).ConfigureAwait(false);
        return metrics;
    }
}
