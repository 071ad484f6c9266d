using Maxxit.Sdk.Stats;

namespace Maxxit.Sdk.Storage;

/// <summary>Aggregates for the overview.</summary>
public interface IStatsStore
{
    /// <summary>Counts of agents, signals, positions and routing decisions.</summary>
    Task<OverviewStats> GetOverviewAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Signals, positions per state, realized PnL and the daily PnL from <paramref name="pnlSince"/> on, for each of
    /// <paramref name="agentIds"/> (in that order; an unknown id answers zeros).
    /// </summary>
    Task<IReadOnlyList<AgentStats>> GetAgentStatsAsync(IReadOnlyList<Guid> agentIds, DateOnly pnlSince, CancellationToken cancellationToken);
}
