using Maxxit.Sdk.Stats;

namespace Maxxit.Sdk.Storage;

/// <summary>Aggregates for the overview.</summary>
public interface IStatsStore
{
    /// <summary>Counts of agents, signals, positions and routing decisions.</summary>
    Task<OverviewStats> GetOverviewAsync(CancellationToken cancellationToken);
}
