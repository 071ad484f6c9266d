using Maxxit.Sdk.Agents;

namespace Maxxit.Sdk.Storage;

/// <summary>Agents (<c>agents_v3</c>).</summary>
public interface IAgentStore
{
    /// <summary>Stores a new agent.</summary>
    Task CreateAgentAsync(Agent agent, CancellationToken cancellationToken);

    /// <summary>The agent, or null.</summary>
    Task<Agent?> GetAgentAsync(Guid agentId, CancellationToken cancellationToken);

    /// <summary>Agents matching the filters, newest first.</summary>
    Task<IReadOnlyList<Agent>> ListAgentsAsync(AgentQuery query, CancellationToken cancellationToken);

    /// <summary>Replaces an agent's performance figures.</summary>
    /// <exception cref="Errors.MaxxitNotFoundException">No such agent.</exception>
    Task UpdateAgentMetricsAsync(Guid agentId, AgentMetrics metrics, CancellationToken cancellationToken);
}
