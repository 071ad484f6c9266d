using Maxxit.Sdk.Positions;

namespace Maxxit.Sdk.Stats;

/// <summary>One agent's activity: signals, positions per state, realized PnL and its daily curve.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Signals">Signals the agent generated.</param>
/// <param name="PositionsByStatus">Positions of the agent's deployments per lifecycle state (every state present, 0 when none).</param>
/// <param name="RealizedPnl">Sum of the realized PnL of its CLOSED positions, USD.</param>
/// <param name="DailyPnl">Realized PnL per UTC day of closing, oldest first, from the requested day on (days without closes are absent).</param>
public sealed record AgentStats(
    Guid AgentId,
    int Signals,
    IReadOnlyDictionary<PositionStatus, int> PositionsByStatus,
    decimal RealizedPnl,
    IReadOnlyList<DailyPnl> DailyPnl);
